/**
 * The board, live: when something happens on it (a post, a reply, a reaction), the part of the
 * page that shows it is read again from the server and put in place, and a polite message tells
 * screen readers. Without JavaScript a reload shows the same. The stream names what changed, never
 * the words: they come through the page itself, under the page's own rules.
 */
const region = document.querySelector<HTMLElement>("[data-live]");

if (region && "EventSource" in window) {
  const thread = region.dataset.thread ?? null;
  const status = region.querySelector<HTMLElement>("[data-live-status]");
  // The words, in the reader's language, come with the page.
  const said = status?.dataset.liveStatus ?? "";
  let timer: number | undefined;
  let reading = false;
  let again = false;

  const refresh = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const response = await fetch(location.href, {
          credentials: "same-origin",
          headers: { accept: "text/html" },
        });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.querySelector<HTMLElement>("[data-live]");
        if (!fresh) return;
        // Keep what the reader has opened (who reacted) open.
        const open = new Set(
          [...region.querySelectorAll("details[open]")].map((d) => d.closest("[id]")?.id),
        );
        for (const child of [...region.children]) if (child !== status) child.remove();
        for (const child of [...fresh.children]) {
          if (child.hasAttribute("data-live-status")) continue;
          region.append(document.importNode(child, true));
        }
        for (const details of region.querySelectorAll<HTMLDetailsElement>("details")) {
          if (open.has(details.closest("[id]")?.id)) details.open = true;
        }
        if (status) status.textContent = said;
      } while (again);
    } finally {
      reading = false;
    }
  };

  const source = new EventSource(region.dataset.live!, { withCredentials: true });
  const changed = (event: MessageEvent) => {
    if (thread) {
      try {
        if (JSON.parse(event.data).threadId !== thread) return;
      } catch {
        return;
      }
    }
    // Several events close together (a reply and a reaction) make one reading.
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), 150);
  };
  for (const kind of ["post", "edit", "delete", "reaction", "hide", "restore"]) {
    source.addEventListener(kind, changed);
  }
  // The person's place in the group ended: the board is no longer theirs to follow.
  source.addEventListener("end", () => source.close());
}

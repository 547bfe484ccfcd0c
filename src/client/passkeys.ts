/**
 * Enhances the sign-in and account pages with passkeys. Without JavaScript the pages still
 * work through e-mail links and codes, and say so.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function enhance(selector: string, run: () => Promise<void>) {
  const block = document.querySelector<HTMLElement>(selector);
  if (!block || !browserSupportsWebAuthn()) return;
  block.hidden = false;
  for (const note of document.querySelectorAll<HTMLElement>("[data-passkey-no-script]"))
    note.hidden = true;
  const button = block.querySelector("button");
  const error = block.querySelector<HTMLElement>("[data-passkey-error]");
  button?.addEventListener("click", async () => {
    if (error) error.hidden = true;
    button.disabled = true;
    try {
      await run();
    } catch {
      if (error) error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}

enhance("[data-passkey-sign-in]", async () => {
  const { options } = await postJson("/api/v1/passkey-sign-in/options", {});
  const response = await startAuthentication({ optionsJSON: options as never });
  const { redirect } = await postJson("/api/v1/passkey-sign-in", { response });
  window.location.assign(String(redirect));
});

enhance("[data-passkey-register]", async () => {
  const { options } = await postJson("/api/v1/me/passkeys/registration-options", {});
  const response = await startRegistration({ optionsJSON: options as never });
  await postJson("/api/v1/me/passkeys", { response });
  window.location.reload();
});

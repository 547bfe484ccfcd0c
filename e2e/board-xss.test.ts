import { afterAll, beforeAll, expect, it } from "vitest";
import { addMember, createGroup } from "../src/test/factories.js";
import { armXssTraps } from "../src/test/xss-check.js";
import { xssPayloads } from "../src/test/xss-payloads.js";
import { describeInBrowser, type E2E, signedInContext, startE2E } from "./fixtures.js";

/**
 * Stored XSS: every payload of the corpus is written, through the JSON door as any client may,
 * into every text field the board keeps (a thread's title, a post, a reply, an edit, an
 * announcement, a member's name) and then read in Chromium on the pages that show them: nothing
 * runs, nothing is refused by the policy because nothing got that far, and no handler, frame or
 * running link is in the DOM.
 */
describeInBrowser("what members write on the board, read in a browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it(`renders ${xssPayloads.length} payloads inert in every text field of the board`, async () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
    const t = e2e.t;
    const group = await createGroup(t);
    const weekAgo = new Date(t.clock.now().getTime() - 7 * 86_400_000);
    // Two writers whose names are payloads too: a name shows beside every post.
    const writer = await signedInContext(e2e, { displayName: xssPayloads[0]!.slice(0, 80) });
    const leader = await signedInContext(e2e, { displayName: xssPayloads[1]!.slice(0, 80) });
    const reader = await signedInContext(e2e, { displayName: "Nina" });
    await addMember(t, group.id, writer.person.id, "member", weekAgo);
    await addMember(t, group.id, leader.person.id, "facilitator", weekAgo);
    await addMember(t, group.id, reader.person.id, "member", weekAgo);
    const api = async (who: typeof writer, method: string, path: string, body: unknown) => {
      t.clock.advance(6_000);
      const response = await who.context.request.fetch(
        `/api/v1/groups/${group.slug}/board${path}`,
        {
          method,
          data: body as Record<string, unknown>,
        },
      );
      return { status: response.status(), json: await response.json() };
    };

    // Each payload as a thread's title and its first post; the same thread gets it as a reply,
    // and the first post is then edited to the next payload.
    const threads: string[] = [];
    let replyThread = "";
    for (const [i, payload] of xssPayloads.entries()) {
      const started = await api(writer, "POST", "/threads", {
        title: payload.slice(0, 150),
        body: payload,
      });
      expect(started.status, payload).toBe(201);
      threads.push(started.json.threadId);
      replyThread ||= started.json.threadId;
      const replied = await api(writer, "POST", `/threads/${replyThread}/replies`, {
        body: payload,
      });
      expect(replied.status, payload).toBe(201);
      if (i % 4 === 0) {
        const edited = await api(writer, "PATCH", `/posts/${started.json.post.id}`, {
          body: xssPayloads[(i + 1) % xssPayloads.length],
        });
        expect(edited.status, payload).toBe(200);
      }
    }
    for (const payload of xssPayloads.slice(0, 10)) {
      const announced = await api(leader, "POST", "/announcements", {
        title: payload.slice(0, 150),
        body: payload,
      });
      expect(announced.status, payload).toBe(201);
    }

    const page = await reader.context.newPage();
    const traps = await armXssTraps(page);
    const pages = Math.ceil((threads.length + 10) / 20);
    const visit = async (path: string) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await traps.problems(), path).toEqual([]);
    };
    for (let n = 1; n <= pages; n++) await visit(`/groups/${group.slug}/board?page=${n}`);
    await visit(`/groups/${group.slug}/board/threads/${replyThread}`);
    for (const threadId of threads.filter((_, i) => i % 10 === 1)) {
      await visit(`/groups/${group.slug}/board/threads/${threadId}`);
    }
    // The writer's own view has the tools to edit and delete each post.
    const own = await writer.context.newPage();
    const ownTraps = await armXssTraps(own);
    await own.goto(`/groups/${group.slug}/board/threads/${replyThread}`);
    expect(await ownTraps.problems()).toEqual([]);
  }, 600_000);
});

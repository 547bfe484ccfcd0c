import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { crisisAlerts } from "../src/features/crisis/tables.js";
import { addMember, createGroup } from "../src/test/factories.js";
import { armXssTraps } from "../src/test/xss-check.js";
import { xssPayloads } from "../src/test/xss-payloads.js";
import { describeInBrowser, type E2E, signedInContext, startE2E } from "./fixtures.js";

/**
 * Stored XSS: every payload of the corpus is written, through the JSON door as any client may,
 * into every text field the board keeps (a thread's title, a post, a reply, an edit, an
 * announcement, a member's name, a report's words, a hiding's reason, an author's request to
 * show it again, a worried member's note, an alert's note) and then read in Chromium on the
 * pages that show them: nothing
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
    // Written through the app's JSON door in-process (the same route a client's request reaches),
    // which is quicker than through the browser; read in the browser.
    const cookies = new Map<typeof writer, string>();
    for (const who of [writer, leader, reader]) {
      const session = (await who.context.cookies()).find((c) => c.name === "__Host-mutua_session")!;
      cookies.set(who, `${session.name}=${session.value}`);
    }
    const api = async (who: typeof writer, method: string, path: string, body: unknown) => {
      t.clock.advance(6_000);
      const response = await t.app.inject({
        method: method as "POST",
        url: `/api/v1/groups/${group.slug}${path.startsWith("/alerts") ? "" : "/board"}${path}`,
        headers: { cookie: cookies.get(who)!, "content-type": "application/json" },
        payload: JSON.stringify(body),
      });
      return { status: response.statusCode, json: response.json() };
    };

    // Each payload as a thread's title and its first post; the same thread gets it as a reply,
    // and the first post is then edited to the next payload.
    const threads: string[] = [];
    const openings: string[] = [];
    let replyThread = "";
    for (const [i, payload] of xssPayloads.entries()) {
      const started = await api(writer, "POST", "/threads", {
        title: payload.slice(0, 150),
        body: payload,
      });
      expect(started.status, payload).toBe(201);
      threads.push(started.json.threadId);
      openings.push(started.json.post.id);
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

    // Moderation's words: the reader reports each first post with a payload, those who lead hide
    // it with one as the reason, and its author asks for it back with one.
    for (const [i, payload] of xssPayloads.entries()) {
      const postId = openings[i]!;
      const reported = await api(reader, "POST", `/posts/${postId}/reports`, {
        reason: "other",
        details: payload,
      });
      expect(reported.status, payload).toBe(201);
      const hidden = await api(leader, "POST", `/posts/${postId}/hide`, {
        reason: payload.slice(0, 500),
      });
      expect(hidden.status, payload).toBe(200);
      const asked = await api(writer, "POST", `/posts/${postId}/ask-back`, { message: payload });
      expect(asked.status, payload).toBe(201);
    }
    // The crisis protocol's words: on each of the first third of the posts a worried member's
    // note, then a note on what was done and one on why the alert closed, three payloads an
    // alert, so every payload is on one alert's page.
    const perAlert = Math.ceil(xssPayloads.length / 3);
    const alertIds: string[] = [];
    for (let i = 0; i < perAlert; i++) {
      const [worry, acted, closed] = [0, 1, 2].map(
        (k) => xssPayloads[(3 * i + k) % xssPayloads.length]!,
      );
      const worried = await api(reader, "POST", `/posts/${openings[i]}/worried`, { note: worry });
      expect(worried.status, worry).toBe(201);
      const [alert] = await t.database.db
        .select({ id: crisisAlerts.id })
        .from(crisisAlerts)
        .where(and(eq(crisisAlerts.postId, openings[i]!), eq(crisisAlerts.source, "worried")));
      alertIds.push(alert!.id);
      const done = await api(leader, "PATCH", `/alerts/${alert!.id}`, {
        state: "acted_on",
        note: acted,
      });
      expect(done.status, acted).toBe(200);
      const shut = await api(leader, "PATCH", `/alerts/${alert!.id}`, {
        state: "closed",
        note: closed,
      });
      expect(shut.status, closed).toBe(200);
    }
    const leading = await leader.context.newPage();
    const leadingTraps = await armXssTraps(leading);
    for (const path of [
      `/groups/${group.slug}/board/reports`,
      `/groups/${group.slug}/alerts`,
      ...alertIds.map((id) => `/groups/${group.slug}/alerts/${id}`),
    ]) {
      const response = await leading.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await leadingTraps.problems(), path).toEqual([]);
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
    // Every body is on the replies' thread and every title on the board's pages: a few threads'
    // own pages show their titles as headings.
    for (const threadId of threads.filter((_, i) => i % 40 === 1)) {
      await visit(`/groups/${group.slug}/board/threads/${threadId}`);
    }
    // The writer's own view has the tools to edit and delete each post, and each hidden first
    // post's reason.
    const own = await writer.context.newPage();
    const ownTraps = await armXssTraps(own);
    for (const threadId of [replyThread, ...threads.filter((_, i) => i % 40 === 3)]) {
      await own.goto(`/groups/${group.slug}/board/threads/${threadId}`);
      expect(await ownTraps.problems(), threadId).toEqual([]);
    }
  }, 600_000);
});

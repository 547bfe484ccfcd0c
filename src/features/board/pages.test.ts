import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onceIn } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { boardPosts, boardReactions, boardThreads } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
});

/** A facilitator and two members, each signed in. */
async function boardWithPeople() {
  const group = await createGroup(t);
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  const marco = await personWithSession(t, { displayName: "Marco" });
  const joined = new Date("2026-03-01T09:00:00.000Z");
  await addMember(t, group.id, grace.person.id, "facilitator", joined);
  await addMember(t, group.id, ada.person.id, "member", joined);
  await addMember(t, group.id, marco.person.id, "member", joined);
  return { group, grace, ada, marco };
}

async function startThread(
  browser: Awaited<ReturnType<typeof personWithSession>>["browser"],
  slug: string,
  values = { title: "After the appointment", body: "How did it go for you?" },
) {
  const form = await browser.get(`/groups/${slug}/board/new`);
  expect(form.statusCode).toBe(200);
  const sent = await browser.post(`/groups/${slug}/board/threads`, {
    ...values,
    _once: onceIn(form.body),
  });
  expect(sent.statusCode).toBe(303);
  return sent.headers.location as string;
}

describe("a group's board", () => {
  it("lets a member start a thread that another member reads, replies to and says Me too of", async () => {
    const { group, ada, marco } = await boardWithPeople();
    const threadUrl = await startThread(ada.browser, group.slug);
    expect(threadUrl).toMatch(new RegExp(`^/groups/${group.slug}/board/threads/[0-9a-f-]{36}$`));

    const board = await marco.browser.get(`/groups/${group.slug}/board`);
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain("After the appointment");
    expect(board.body).toContain("New for you");

    const thread = await marco.browser.get(threadUrl);
    expect(thread.body).toContain("How did it go for you?");
    const [post] = await t.database.db
      .select()
      .from(boardPosts)
      .where(eq(boardPosts.groupId, group.id));
    const reacted = await marco.browser.post(
      `/groups/${group.slug}/board/posts/${post!.id}/reactions`,
      {
        kind: "me_too",
        reacted: "yes",
      },
    );
    expect(reacted.statusCode).toBe(303);
    t.clock.advance(10_000);
    const replied = await marco.browser.post(`${threadUrl}/replies`, {
      body: "It went **well**, thank you.",
      _once: onceIn(thread.body),
    });
    expect(replied.statusCode).toBe(303);

    const read = await ada.browser.get(threadUrl);
    expect(read.body).toContain("<strong>well</strong>");
    expect(read.body).toMatch(/Me too: 1/);
    expect(read.body).toContain("Marco");
    const [row] = await t.database.db
      .select()
      .from(boardThreads)
      .where(eq(boardThreads.groupId, group.id));
    expect(row!.replyCount).toBe(1);
    // Marco read it after his own reply; for Ada it was new until she opened it again.
    const again = await ada.browser.get(`/groups/${group.slug}/board`);
    expect(again.body).not.toContain("New for you");
  });

  it("returns 404 when a non-member or an observer guide opens a group's board, as for a missing group", async () => {
    const { group, ada } = await boardWithPeople();
    const threadUrl = await startThread(ada.browser, group.slug);
    const stranger = await personWithSession(t);
    const observer = await personWithSession(t);
    await t.database.db.execute(
      // The handover has happened: the guide observes and no longer reads the board.
      (await import("drizzle-orm"))
        .sql`update groups set handover_at = '2026-03-01' where id = ${group.id}`,
    );
    await addMember(t, group.id, observer.person.id, "guide");
    for (const who of [stranger, observer]) {
      for (const url of [
        `/groups/${group.slug}/board`,
        threadUrl,
        `/groups/${group.slug}/board/new`,
      ]) {
        const response = await who.browser.get(url);
        expect(response.statusCode, url).toBe(404);
      }
    }
    const missing = await stranger.browser.get("/groups/no-such-group/board");
    expect(missing.statusCode).toBe(404);
  });

  it("keeps an empty or overlong post out, with the words kept and a message by the field", async () => {
    const { group, ada } = await boardWithPeople();
    const form = await ada.browser.get(`/groups/${group.slug}/board/new`);
    const empty = await ada.browser.post(`/groups/${group.slug}/board/threads`, {
      title: "Hello",
      body: "   ",
      _once: onceIn(form.body),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Write your message");
    expect(empty.body).toContain('value="Hello"');
    const long = await ada.browser.post(`/groups/${group.slug}/board/threads`, {
      title: "Hello",
      body: "é".repeat(100 * 1024),
      _once: onceIn(form.body),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("too long");
    const saved = await t.database.db
      .select()
      .from(boardThreads)
      .where(eq(boardThreads.groupId, group.id));
    expect(saved).toHaveLength(0);
  });

  it("asks a member to wait 5 seconds between posts, keeping what they wrote", async () => {
    const { group, ada } = await boardWithPeople();
    const threadUrl = await startThread(ada.browser, group.slug);
    const page = await ada.browser.get(threadUrl);
    const soon = await ada.browser.post(`${threadUrl}/replies`, {
      body: "One more thing",
      _once: onceIn(page.body),
    });
    expect(soon.statusCode).toBe(400);
    expect(soon.body).toContain("wait a few seconds");
    expect(soon.body).toContain("One more thing");
    t.clock.advance(5_000);
    const later = await ada.browser.post(`${threadUrl}/replies`, {
      body: "One more thing",
      _once: onceIn(page.body),
    });
    expect(later.statusCode).toBe(303);
  });

  it("lets a new member post 10 messages on their first day, then asks them to wait", async () => {
    const group = await createGroup(t);
    const newcomer = await personWithSession(t, { displayName: "Nina" });
    await addMember(t, group.id, newcomer.person.id, "member", t.clock.now());
    for (let i = 0; i < 10; i++) {
      const sent = await newcomer.browser.json(
        "POST",
        `/api/v1/groups/${group.slug}/board/threads`,
        {
          title: `Hello ${i}`,
          body: "Glad to be here",
        },
      );
      expect(sent.statusCode).toBe(201);
      t.clock.advance(6_000);
    }
    const eleventh = await newcomer.browser.json(
      "POST",
      `/api/v1/groups/${group.slug}/board/threads`,
      {
        title: "Hello again",
        body: "Glad to be here",
      },
    );
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe("first_day_limit");
    t.clock.advance(24 * 3_600_000);
    const nextDay = await newcomer.browser.json(
      "POST",
      `/api/v1/groups/${group.slug}/board/threads`,
      {
        title: "Hello again",
        body: "Glad to be here",
      },
    );
    expect(nextDay.statusCode).toBe(201);
  });

  it("lets the author change a post within 24 hours, shown as edited, and delete it keeping its place", async () => {
    const { group, ada, marco } = await boardWithPeople();
    const threadUrl = await startThread(ada.browser, group.slug);
    t.clock.advance(10_000);
    const page = await marco.browser.get(threadUrl);
    await marco.browser.post(`${threadUrl}/replies`, {
      body: "Same here",
      _once: onceIn(page.body),
    });
    const [opening] = await t.database.db
      .select()
      .from(boardPosts)
      .where(eq(boardPosts.groupId, group.id))
      .orderBy(boardPosts.createdAt);
    const notMine = await marco.browser.get(
      `/groups/${group.slug}/board/posts/${opening!.id}/edit`,
    );
    expect(notMine.statusCode).toBe(403);
    const edited = await ada.browser.post(`/groups/${group.slug}/board/posts/${opening!.id}/edit`, {
      body: "How did it go for you all?",
    });
    expect(edited.statusCode).toBe(303);
    expect((await marco.browser.get(threadUrl)).body).toContain("edited");

    t.clock.advance(25 * 3_600_000);
    const late = await ada.browser.json(
      "PATCH",
      `/api/v1/groups/${group.slug}/board/posts/${opening!.id}`,
      {
        body: "Too late now",
      },
    );
    expect(late.statusCode).toBe(409);

    const deleted = await ada.browser.post(
      `/groups/${group.slug}/board/posts/${opening!.id}/delete`,
    );
    expect(deleted.statusCode).toBe(303);
    const after = await marco.browser.get(threadUrl);
    expect(after.body).toContain("This message was deleted by its author.");
    expect(after.body).toContain("Same here");
    expect(after.body).not.toContain("How did it go");
  });

  it("refuses a reaction on another group's post, and one's own, saving nothing", async () => {
    const { group, ada, marco } = await boardWithPeople();
    const other = await createGroup(t);
    const stranger = await personWithSession(t);
    await addMember(t, other.id, stranger.person.id);
    await startThread(ada.browser, group.slug);
    const [post] = await t.database.db
      .select()
      .from(boardPosts)
      .where(eq(boardPosts.groupId, group.id));
    const cross = await stranger.browser.json(
      "PUT",
      `/api/v1/groups/${other.slug}/board/posts/${post!.id}/reactions`,
      {
        kind: "me_too",
        reacted: "yes",
      },
    );
    expect(cross.statusCode).toBe(404);
    const own = await ada.browser.json(
      "PUT",
      `/api/v1/groups/${group.slug}/board/posts/${post!.id}/reactions`,
      {
        kind: "thank_you",
        reacted: "yes",
      },
    );
    expect(own.statusCode).toBe(409);
    const unknown = await marco.browser.json(
      "PUT",
      `/api/v1/groups/${group.slug}/board/posts/${post!.id}/reactions`,
      {
        kind: "like",
        reacted: "yes",
      },
    );
    expect(unknown.statusCode).toBe(400);
    expect(
      await t.database.db.select().from(boardReactions).where(eq(boardReactions.postId, post!.id)),
    ).toHaveLength(0);
  });

  it("lets only those who lead the group post an announcement, pinned at the top", async () => {
    const { group, grace, ada } = await boardWithPeople();
    const refused = await ada.browser.get(`/groups/${group.slug}/board/announcements/new`);
    expect(refused.statusCode).toBe(403);
    const api = await ada.browser.json("POST", `/api/v1/groups/${group.slug}/board/announcements`, {
      title: "No meeting",
      body: "x",
    });
    expect(api.statusCode).toBe(403);
    await startThread(ada.browser, group.slug);
    t.clock.advance(60_000);
    const form = await grace.browser.get(`/groups/${group.slug}/board/announcements/new`);
    const sent = await grace.browser.post(`/groups/${group.slug}/board/announcements`, {
      title: "Next Tuesday we meet at the library",
      body: "The hall is being painted.",
      _once: onceIn(form.body),
    });
    expect(sent.statusCode).toBe(303);
    t.clock.advance(60_000);
    await startThread(ada.browser, group.slug, { title: "Later news", body: "Hello" });
    const listed = await ada.browser.json("GET", `/api/v1/groups/${group.slug}/board`);
    const titles = listed.json().threads.map((th: { title: string }) => th.title);
    expect(titles[0]).toBe("Next Tuesday we meet at the library");
    expect(titles.slice(1)).toEqual(["Later news", "After the appointment"]);
  });
});

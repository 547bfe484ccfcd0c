import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { boardPosts, boardThreads } from "./tables.js";

/**
 * What one item's own address allows and what every list shows agree, for every viewer: a list
 * never brings a thread or a post that its own address would refuse (404), nor words its own
 * address would not show. The world is drawn at random once; the pairs of viewer and item, a
 * thousand and more, are drawn by fast-check.
 */
type Place =
  | "none"
  | "member"
  | "facilitator"
  | "guide"
  | "observer"
  | "left"
  | "requested"
  | "waitlisted";
const places: Place[] = [
  "none",
  "member",
  "facilitator",
  "guide",
  "observer",
  "left",
  "requested",
  "waitlisted",
];

let t: TestApp;
type Viewer = { id: string; browser: TestBrowser };
type Item = { slug: string; threadId: string; postId: string };
const viewers: Viewer[] = [];
const items: Item[] = [];
const groupSlugs: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  const random = fc.sample(
    fc.record({
      places: fc.array(fc.array(fc.constantFrom(...places), { minLength: 10, maxLength: 10 }), {
        minLength: 4,
        maxLength: 4,
      }),
      posts: fc.array(
        fc.record({
          group: fc.nat(3),
          author: fc.nat(9),
          thread: fc.nat(4),
          deleted: fc.boolean(),
          hidden: fc.boolean(),
        }),
        { minLength: 60, maxLength: 60 },
      ),
    }),
    { numRuns: 1, seed: 2026 },
  )[0]!;
  for (let v = 0; v < 10; v++) {
    const { person, browser } = await personWithSession(t, { displayName: `Person ${v}` });
    viewers.push({ id: person.id, browser });
  }
  const now = t.clock.now();
  const threadIds: string[][] = [];
  for (let g = 0; g < 4; g++) {
    const group = await createGroup(t, {
      handoverAt: new Date(now.getTime() - 86_400_000),
    });
    groupSlugs.push(group.slug);
    const author = viewers[0]!.id;
    await addMember(t, group.id, author, "facilitator");
    for (let v = 1; v < 10; v++) {
      const where = random.places[g]![v]!;
      const id = viewers[v]!.id;
      if (where === "member" || where === "facilitator") await addMember(t, group.id, id, where);
      if (where === "guide") {
        await addMember(t, group.id, id, "guide");
        // The guide's own group has not been handed over: set per group below.
      }
      if (where === "observer") await addMember(t, group.id, id, "guide");
      if (where === "left") {
        await addMember(t, group.id, id);
        await t.database.db.execute(
          sql`update memberships set state = 'left', ended_at = now() where group_id = ${group.id} and person_id = ${id}`,
        );
      }
      if (where === "requested" || where === "waitlisted") await addWaiting(t, group.id, id, where);
    }
    // A group with a guide still before the handover: its guides take part.
    if (random.places[g]!.includes("guide") && !random.places[g]!.includes("observer")) {
      await t.database.db.execute(sql`update groups set handover_at = null where id = ${group.id}`);
    }
    const threads = await t.database.db
      .insert(boardThreads)
      .values(
        [0, 1, 2, 3, 4].map((n) => ({
          groupId: group.id,
          authorId: author,
          title: `Thread ${g}.${n}`,
          lastActivityAt: new Date(now.getTime() - n * 60_000),
        })),
      )
      .returning();
    threadIds.push(threads.map((th) => th.id));
    await t.database.db.insert(boardPosts).values(
      threads.map((th) => ({
        threadId: th.id,
        groupId: group.id,
        authorId: author,
        opening: true,
        body: `Opening of ${th.title}`,
      })),
    );
  }
  for (const [n, p] of random.posts.entries()) {
    const [row] = await t.database.db
      .insert(boardPosts)
      .values({
        threadId: threadIds[p.group]![p.thread]!,
        groupId: (
          await t.database.db.execute<{ group_id: string }>(
            sql`select group_id from board_threads where id = ${threadIds[p.group]![p.thread]!}`,
          )
        ).rows[0]!.group_id,
        authorId: viewers[p.author]!.id,
        body: p.deleted ? "" : `Reply number ${n}`,
        deletedAt: p.deleted ? now : null,
        hiddenAt: p.hidden ? now : null,
        hiddenReason: p.hidden ? "Please keep names out" : null,
      })
      .returning();
    items.push({ slug: groupSlugs[p.group]!, threadId: row!.threadId, postId: row!.id });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Listed = { status: number; threads: Map<string, string | null>; posts: Map<string, unknown> };
const lists = new Map<string, Listed>();

/** What a viewer's lists show of a group's board: its threads, and every thread's posts. */
async function listsOf(viewer: Viewer, slug: string): Promise<Listed> {
  const key = `${viewer.id} ${slug}`;
  const known = lists.get(key);
  if (known) return known;
  const board = await viewer.browser.json("GET", `/api/v1/groups/${slug}/board`);
  const listed: Listed = { status: board.statusCode, threads: new Map(), posts: new Map() };
  if (board.statusCode === 200) {
    for (const thread of board.json().threads as { id: string; title: string | null }[]) {
      listed.threads.set(thread.id, thread.title);
      const one = await viewer.browser.json(
        "GET",
        `/api/v1/groups/${slug}/board/threads/${thread.id}`,
      );
      for (const post of one.json().posts as { id: string }[]) listed.posts.set(post.id, post);
    }
  }
  lists.set(key, listed);
  return listed;
}

const threads = new Map<string, number>();

/** What a thread's own address answers the viewer: asked once per viewer and thread. */
async function threadStatus(viewer: Viewer, item: Item): Promise<number> {
  const key = `${viewer.id} ${item.threadId}`;
  if (!threads.has(key)) {
    const url = `/api/v1/groups/${item.slug}/board/threads/${item.threadId}`;
    threads.set(key, (await viewer.browser.json("GET", url)).statusCode);
  }
  return threads.get(key)!;
}

describe("what the board's lists show and what each item's address allows", () => {
  it("agree for a thousand random pairs of viewer and post, with no mismatch", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(viewers.length - 1), fc.nat(items.length - 1), async (v, i) => {
        const viewer = viewers[v]!;
        const item = items[i]!;
        const single = await viewer.browser.json(
          "GET",
          `/api/v1/groups/${item.slug}/board/posts/${item.postId}`,
        );
        const listed = await listsOf(viewer, item.slug);
        expect([200, 404]).toContain(single.statusCode);
        expect(await threadStatus(viewer, item)).toBe(single.statusCode);
        expect(listed.status).toBe(single.statusCode);
        if (single.statusCode === 404) {
          expect(listed.posts.has(item.postId)).toBe(false);
          expect(listed.threads.has(item.threadId)).toBe(false);
        } else {
          // The same post, the same words (or the same reason why not), the same abilities.
          expect(listed.posts.get(item.postId)).toEqual(single.json());
          expect(listed.threads.has(item.threadId)).toBe(true);
        }
        checked += 1;
      }),
      { numRuns: 1_000, seed: 17 },
    );
    expect(checked).toBeGreaterThanOrEqual(1_000);
  }, 300_000);

  it("shows hidden words only to their author and those who lead, in lists and on their own", async () => {
    for (const viewer of viewers) {
      for (const slug of groupSlugs) {
        const listed = await listsOf(viewer, slug);
        for (const post of listed.posts.values() as Iterable<{
          shown: string;
          body: string | null;
          hidden: unknown;
          author: { id: string } | null;
        }>) {
          if (post.shown !== "words") expect(post.body).toBeNull();
          if (post.hidden !== null && post.author?.id !== viewer.id) {
            const leads = await viewer.browser.json("GET", `/api/v1/groups/${slug}/board`);
            expect(leads.json().abilities["board.announce"]).toBe(true);
          }
        }
      }
    }
  }, 300_000);
});

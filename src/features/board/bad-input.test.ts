import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withoutControlCharacters } from "../../infra/html/form.js";
import type { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { POST_MAX } from "./inputs.js";
import { boardPosts, boardReactions, boardThreads } from "./tables.js";

/**
 * What members type and send to the board, at random, through both doors: every answer is a
 * saved post (a redirect, or 201), or a plain refusal that saves nothing (the form again with its
 * message, or a 4xx JSON problem), never a 5xx. An empty post, a post of 100 KB, a reaction on
 * another group's post and a reaction that is not one of the three are always refused.
 */
let t: TestApp;
let slug: string;
let groupId: string;
let ada: TestBrowser;
let otherPostId: string;
let otherSlug: string;
let threadId: string;
let postId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const group = await createGroup(t);
  slug = group.slug;
  groupId = group.id;
  const joined = new Date("2026-01-01T00:00:00.000Z");
  const member = await personWithSession(t, { displayName: "Ada" });
  const marco = await personWithSession(t, { displayName: "Marco" });
  await addMember(t, group.id, member.person.id, "member", joined);
  await addMember(t, group.id, marco.person.id, "member", joined);
  ada = member.browser;
  await ada.get("/sign-in");
  const started = await marco.browser.json("POST", `/api/v1/groups/${slug}/board/threads`, {
    title: "Tuesday",
    body: "How was it?",
  });
  threadId = started.json().threadId;
  postId = started.json().post.id;
  const other = await createGroup(t);
  otherSlug = other.slug;
  const stranger = await personWithSession(t);
  await addMember(t, other.id, stranger.person.id, "member", joined);
  otherPostId = (
    await stranger.browser.json("POST", `/api/v1/groups/${other.slug}/board/threads`, {
      title: "Elsewhere",
      body: "Hello",
    })
  ).json().post.id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  // Far enough on that the pace of posting never refuses what the property sends.
  t.clock.advance(60_000);
});

const counts = async () => {
  const [threads] = await t.database.db
    .select({ n: count() })
    .from(boardThreads)
    .where(eq(boardThreads.groupId, groupId));
  const [posts] = await t.database.db
    .select({ n: count() })
    .from(boardPosts)
    .where(eq(boardPosts.groupId, groupId));
  const [reactions] = await t.database.db.select({ n: count() }).from(boardReactions);
  return { threads: threads!.n, posts: posts!.n, reactions: reactions!.n };
};

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "\n\t ",
    "\u0000",
    "<script>alert(1)</script>",
    "**",
    "[x](javascript:1)",
  ),
  fc.nat(POST_MAX + 100).map((n) => "a".repeat(n)),
);
/** What the schema reads: the control characters a keyboard never types dropped, then trimmed. */
const clean = (text: string) => withoutControlCharacters(text).trim();

describe("bad input to the board", () => {
  it("a thread is saved only with a title and a message of the right length, by either door", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, fc.boolean(), async (title, body, json) => {
        t.clock.advance(6_000);
        const before = await counts();
        const response = json
          ? await ada.json("POST", `/api/v1/groups/${slug}/board/threads`, { title, body })
          : await ada.post(`/groups/${slug}/board/threads`, { title, body });
        expect(response.statusCode).toBeLessThan(500);
        const after = await counts();
        const fine =
          clean(title) !== "" &&
          clean(body) !== "" &&
          clean(title).length <= 150 &&
          clean(body).length <= POST_MAX;
        if (response.statusCode === (json ? 201 : 303)) {
          expect(after.threads).toBe(before.threads + 1);
        } else {
          expect(response.statusCode).toBe(400);
          expect(after).toEqual(before);
          if (json) expect(response.json().error.code).toBeTruthy();
          else expect(response.body).toContain('class="error-summary"');
        }
        // Both doors read the same words: the form and the JSON agree on what is fine.
        expect(response.statusCode === (json ? 201 : 303)).toBe(fine);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it("a reply of nothing, or of 100 KB, is refused with a plain message and saves nothing", async () => {
    const before = await counts();
    for (const body of ["", "   ", "\n\n", "x".repeat(100 * 1024), "é".repeat(100 * 1024)]) {
      const page = await ada.post(`/groups/${slug}/board/threads/${threadId}/replies`, { body });
      expect(page.statusCode).toBe(400);
      expect(page.body).toMatch(/Write your message|too long/);
      const api = await ada.json(
        "POST",
        `/api/v1/groups/${slug}/board/threads/${threadId}/replies`,
        {
          body,
        },
      );
      expect(api.statusCode).toBe(400);
      expect(api.json().error.fields.body).toBeTruthy();
    }
    expect(await counts()).toEqual(before);
  });

  it("a reaction is only one of the three, on a post of the group whose address it uses", async () => {
    const kinds = fc.oneof(fc.constantFrom("me_too", "thank_you", "helped_me"), anyText);
    const answers = fc.oneof(fc.constantFrom("yes", "no"), anyText);
    await fc.assert(
      fc.asyncProperty(kinds, answers, fc.boolean(), async (kind, reacted, elsewhere) => {
        const before = await counts();
        const url = elsewhere
          ? `/api/v1/groups/${slug}/board/posts/${otherPostId}/reactions`
          : `/api/v1/groups/${slug}/board/posts/${postId}/reactions`;
        const response = await ada.json("PUT", url, { kind, reacted });
        expect(response.statusCode).toBeLessThan(500);
        const valid =
          ["me_too", "thank_you", "helped_me"].includes(kind) && ["yes", "no"].includes(reacted);
        if (elsewhere) expect(response.statusCode).toBe(404);
        else expect(response.statusCode).toBe(valid ? 200 : 400);
        if (response.statusCode !== 200) expect(await counts()).toEqual(before);
      }),
      { numRuns: 120 },
    );
    // Another group's post through its own group's address: that board is not Ada's either.
    const there = await ada.json(
      "PUT",
      `/api/v1/groups/${otherSlug}/board/posts/${otherPostId}/reactions`,
      {
        kind: "me_too",
        reacted: "yes",
      },
    );
    expect(there.statusCode).toBe(404);
  });
});

import { count, eq, isNotNull } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "../../infra/audit/tables.js";
import type { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { boardPosts } from "../board/tables.js";
import { startThread } from "../board/writes.js";
import { moderationLog, postReports, reportReasons } from "./tables.js";

/**
 * What members and facilitators send to moderation, wrong or at random, through both doors: a
 * clear refusal that saves nothing (the form again with its message by the field, or a 4xx JSON
 * problem), never a 5xx. Nothing is saved means no report, no log step, no audit event, no
 * hiding and no e-mail.
 */
let t: TestApp;
let slug: string;
let rita: TestBrowser;
let ada: TestBrowser;
let grace: TestBrowser;
let adaPostId: string;
let ritaPostId: string;
let otherPostId: string;

async function post(groupId: string, authorId: string, at: Date) {
  const started = await startThread(
    t.database.db,
    {
      groupId,
      authorId,
      joinedAt: null,
      title: "A week",
      body: "Words of a week.",
      announcement: false,
      toEveryone: false,
    },
    at,
  );
  if (!started.ok) throw new Error(started.reason);
  return started.post.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  const group = await createGroup(t);
  slug = group.slug;
  const people = await Promise.all(
    ["Rita", "Ada", "Grace"].map((displayName) => personWithSession(t, { displayName })),
  );
  const [r, a, g] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await addMember(t, group.id, r.person.id);
  await addMember(t, group.id, a.person.id);
  await addMember(t, group.id, g.person.id, "facilitator");
  [rita, ada, grace] = [r.browser, a.browser, g.browser];
  const now = t.clock.now();
  adaPostId = await post(group.id, a.person.id, now);
  ritaPostId = await post(group.id, r.person.id, now);
  const other = await createGroup(t);
  const stranger = await personWithSession(t);
  await addMember(t, other.id, stranger.person.id);
  otherPostId = await post(other.id, stranger.person.id, now);
  for (const browser of [rita, ada, grace]) await browser.get("/sign-in");
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.mail.clear();
});

/** Everything moderation could have saved, counted. */
async function saved() {
  const db = t.database.db;
  const [reports] = await db.select({ n: count() }).from(postReports);
  const [steps] = await db.select({ n: count() }).from(moderationLog);
  const [audits] = await db.select({ n: count() }).from(auditEvents);
  const [hidden] = await db
    .select({ n: count() })
    .from(boardPosts)
    .where(isNotNull(boardPosts.hiddenAt));
  return { reports: reports!.n, steps: steps!.n, audits: audits!.n, hidden: hidden!.n };
}

const page = (postId: string, rest: string, group = slug) =>
  `/groups/${group}/board/posts/${postId}${rest}`;
const api = (postId: string, rest: string) => `/api/v1/groups/${slug}/board/posts/${postId}${rest}`;

describe("bad input to moderation changes nothing", () => {
  it("a report without a reason: the form again, with the message by the field and the words kept", async () => {
    const before = await saved();
    const sent = await rita.post(page(adaPostId, "/report"), { details: "It was unkind." });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('id="reason-error"');
    expect(sent.body).toContain("Choose why you are reporting it");
    expect(sent.body).toContain("It was unkind.");
    const json = await rita.json("POST", api(adaPostId, "/reports"), { details: "x" });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields.reason).toBe("Choose why you are reporting it");
    const unknown = await rita.json("POST", api(adaPostId, "/reports"), { reason: "rude" });
    expect(unknown.statusCode).toBe(400);
    expect(await saved()).toEqual(before);
    expect(t.mail.messages).toEqual([]);
  });

  it("a hiding reason of 10 KB, or none: the form again with a plain message, and the post stays", async () => {
    const before = await saved();
    const long = "a".repeat(10 * 1024);
    const sent = await grace.post(page(adaPostId, "/hide"), { reason: long });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain("Please keep the reason under 500 characters");
    const empty = await grace.post(page(adaPostId, "/hide"), { reason: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Say why you are hiding it: its author will read this");
    const json = await grace.json("POST", api(adaPostId, "/hide"), { reason: long });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields.reason).toBe("Please keep the reason under 500 characters");
    const none = await grace.json("POST", api(adaPostId, "/hide"), {});
    expect(none.statusCode).toBe(400);
    const details = await rita.json("POST", api(adaPostId, "/reports"), {
      reason: "other",
      details: long,
    });
    expect(details.statusCode).toBe(400);
    expect(details.json().error.fields.details).toBe(
      "Please keep what you write under 2,000 characters",
    );
    expect(await saved()).toEqual(before);
    expect(t.mail.messages).toEqual([]);
  });

  it("reporting one's own post: 409 with words saying why, through both doors", async () => {
    const before = await saved();
    const form = await rita.get(page(ritaPostId, "/report"));
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain("You cannot report your own message.");
    const sent = await rita.post(page(ritaPostId, "/report"), { reason: "other" });
    expect(sent.statusCode).toBe(409);
    expect(sent.body).toContain("You cannot report your own message.");
    const json = await rita.json("POST", api(ritaPostId, "/reports"), { reason: "other" });
    expect(json.statusCode).toBe(409);
    expect(json.json().error).toMatchObject({
      code: "own_post",
      message: "You cannot report your own message. You can change it or delete it.",
    });
    expect(await saved()).toEqual(before);
  });

  it("reporting twice keeps one report; the second is told it was reported already", async () => {
    expect((await ada.post(page(ritaPostId, "/report"), { reason: "other" })).statusCode).toBe(303);
    const after = await saved();
    const twice = await ada.post(page(ritaPostId, "/report"), { reason: "unkind" });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("You have reported this message already.");
    const json = await ada.json("POST", api(ritaPostId, "/reports"), { reason: "unkind" });
    expect(json.statusCode).toBe(409);
    expect(await saved()).toEqual(after);
  });

  it("a post of another group, through this group's address: 404 for reporting and for hiding, as for no post at all", async () => {
    const before = await saved();
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const id of [otherPostId, missing]) {
      const report = await rita.post(page(id, "/report"), { reason: "unkind" });
      expect(report.statusCode).toBe(404);
      const form = await rita.get(page(id, "/report"));
      expect(form.statusCode).toBe(404);
      const json = await rita.json("POST", api(id, "/reports"), { reason: "unkind" });
      expect(json.statusCode).toBe(404);
      const hide = await grace.json("POST", api(id, "/hide"), { reason: "No." });
      expect(hide.statusCode).toBe(404);
    }
    const [a, b] = await Promise.all([
      rita.json("POST", api(otherPostId, "/reports"), { reason: "unkind" }),
      rita.json("POST", api(missing, "/reports"), { reason: "unkind" }),
    ]);
    expect(a.body).toBe(b.body);
    expect(await saved()).toEqual(before);
  });

  it("answers anything sent to the report and hide forms with a saved step or a 4xx, never a 5xx", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 600 }),
      fc.constantFrom("", " ", "\u0000", "<script>alert(1)</script>", "a".repeat(2_001)),
    );
    const body = fc.record(
      {
        reason: fc.oneof(fc.constantFrom(...reportReasons), text),
        details: fc.oneof(text, fc.integer(), fc.array(fc.string(), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.boolean(),
        fc.constantFrom("report", "hide"),
        async (b, asJson, what) => {
          const before = await saved();
          const target = what === "report" ? adaPostId : ritaPostId;
          const sent = asJson
            ? await grace.json("POST", api(target, what === "report" ? "/reports" : "/hide"), b)
            : await grace.post(
                page(target, `/${what}`),
                Object.fromEntries(
                  Object.entries(b).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]),
                ),
              );
          expect(sent.statusCode).toBeLessThan(500);
          if (sent.statusCode >= 400) {
            expect(await saved()).toEqual(before);
          } else {
            // Saved: undo it, so the next case starts from the same place.
            await t.database.db.delete(postReports).where(eq(postReports.postId, target));
            await t.database.db.delete(moderationLog).where(eq(moderationLog.postId, target));
            await t.database.db
              .update(boardPosts)
              .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null })
              .where(eq(boardPosts.id, target));
          }
        },
      ),
      { numRuns: 250 },
    );
  }, 240_000);
});

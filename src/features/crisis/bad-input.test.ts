import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, createPerson, personWithSession } from "../../test/factories.js";
import { boardPosts, boardThreads } from "../board/tables.js";
import { backupContacts, crisisAlerts, riskPhrases } from "./tables.js";

let t: TestApp;
let s: Awaited<ReturnType<typeof scene>>;
beforeAll(async () => {
  t = await buildTestApp();
  s = await scene();
});
afterAll(async () => {
  await t.close();
});

async function scene() {
  const group = await createGroup(t);
  const grace = await personWithSession(t, { displayName: "Grace" });
  await addMember(t, group.id, grace.person.id, "facilitator");
  const marco = await personWithSession(t, { displayName: "Marco" });
  await addMember(t, group.id, marco.person.id);
  const ada = await createPerson(t, { displayName: "Ada" });
  await addMember(t, group.id, ada.id);
  const [thread] = await t.database.db
    .insert(boardThreads)
    .values({ groupId: group.id, authorId: ada.id, title: "Hi", lastActivityAt: t.clock.now() })
    .returning();
  const [post] = await t.database.db
    .insert(boardPosts)
    .values({
      threadId: thread!.id,
      groupId: group.id,
      authorId: ada.id,
      opening: true,
      body: "Hi",
    })
    .returning();
  const [alert] = await t.database.db
    .insert(crisisAlerts)
    .values({
      groupId: group.id,
      postId: post!.id,
      subjectId: ada.id,
      source: "phrase",
      category: "danger",
    })
    .returning();
  return { group, grace, marco, ada, post: post!, alert: alert! };
}

const alertNow = async () =>
  (await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.id, s.alert.id)))[0]!;
const alertPage = () => `/groups/${s.group.slug}/alerts/${s.alert.id}`;

describe("bad input to an alert changes nothing", () => {
  it("refuses closing without a note, with the form again and its message", async () => {
    const before = await alertNow();
    const page = await s.grace.browser.post(alertPage(), { state: "closed", note: "   " });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("Write a note on why the alert is closed.");
    expect(await alertNow()).toEqual(before);
  });

  it("refuses a 10 KB note, keeping what was typed", async () => {
    const before = await alertNow();
    const long = "Rang her sister. ".repeat(600);
    const page = await s.grace.browser.post(alertPage(), { state: "acted_on", note: long });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("Write at most 2,000 characters.");
    expect(page.body).toContain("Rang her sister.");
    expect(await alertNow()).toEqual(before);
  });

  it("refuses an unknown state through both doors", async () => {
    const before = await alertNow();
    expect((await s.grace.browser.post(alertPage(), { state: "resolved" })).statusCode).toBe(400);
    const json = await s.grace.browser.json("PATCH", `/api/v1${alertPage()}`, { state: "new" });
    expect(json.statusCode).toBe(400);
    expect(await alertNow()).toEqual(before);
  });

  it("answers any body with 400 or a step, never 5xx, and never half a change (property)", async () => {
    const states = fc.oneof(
      fc.constantFrom("seen", "acted_on", "closed", "new", "", "CLOSED", "seen ", "delete"),
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.constant(null),
    );
    const notes = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constant(""),
      fc.constant("x".repeat(2001)),
      fc.string({ minLength: 2001, maxLength: 2100 }),
      fc.constant(42),
    );
    await fc.assert(
      fc.asyncProperty(states, notes, fc.boolean(), async (state, note, extra) => {
        const before = await alertNow();
        const body: Record<string, unknown> = { state, note };
        if (extra) body.subjectId = s.marco.person.id;
        const response = await s.grace.browser.json("PATCH", `/api/v1${alertPage()}`, body);
        expect(response.statusCode).toBeLessThan(500);
        const after = await alertNow();
        if (response.statusCode !== 200) expect(after).toEqual(before);
        else expect(after.subjectId).toBe(s.ada.id);
        // Closed by a good body: open it again for the next run.
        if (after.state !== "new") {
          await t.database.db
            .update(crisisAlerts)
            .set({ ...before })
            .where(eq(crisisAlerts.id, s.alert.id));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("bad input elsewhere in the crisis protocol changes nothing", () => {
  it("refuses a worry note over 1,000 characters", async () => {
    const count = async () =>
      (await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.groupId, s.group.id)))
        .length;
    const before = await count();
    const path = `/groups/${s.group.slug}/board/posts/${s.post.id}/worried`;
    const page = await s.marco.browser.post(path, { note: "a".repeat(10_000) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("Write at most 1,000 characters.");
    const json = await s.marco.browser.json("POST", `/api/v1${path}`, { note: 7 });
    expect(json.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it("refuses a backup contact who is not one of the choices", async () => {
    const path = `/groups/${s.group.slug}/backup-contact`;
    const bogus = await s.grace.browser.post(path, { contact: "bogus" });
    expect(bogus.statusCode).toBe(400);
    // A member who does not lead the group, and the lead of an organisation it does not have.
    for (const contact of [s.marco.person.id, "lead"]) {
      const refused = await s.grace.browser.post(path, { contact });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain("Choose one of the people listed.");
      const json = await s.grace.browser.json("PUT", `/api/v1${path}`, { contact });
      expect(json.statusCode).toBe(422);
    }
    const rows = await t.database.db
      .select()
      .from(backupContacts)
      .where(eq(backupContacts.groupId, s.group.id));
    expect(rows).toEqual([]);
  });

  it("refuses a phrase with no words, in no language, or listed already", async () => {
    const admin = await personWithSession(t, { isAdmin: true }, "passkey");
    const count = async () => (await t.database.db.select().from(riskPhrases)).length;
    const before = await count();
    const cases: [Record<string, string>, string][] = [
      [{ language: "en", phrase: "*", category: "danger" }, "Write at least one word."],
      [{ language: "en", phrase: "?!", category: "danger" }, "Write at least one word."],
      [{ language: "english", phrase: "help me", category: "danger" }, "two-letter code"],
      [{ language: "en", phrase: "help me", category: "sadness" }, "Choose what it is about."],
      [{ language: "en", phrase: "x".repeat(101), category: "danger" }, "at most 100"],
    ];
    for (const [form, message] of cases) {
      const page = await admin.browser.post("/admin/risk-phrases", form);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain(message);
    }
    await admin.browser.post("/admin/risk-phrases", {
      language: "en",
      phrase: "by the old quarry tonight",
      category: "danger",
    });
    const twice = await admin.browser.post("/admin/risk-phrases", {
      language: "en",
      phrase: "by the old quarry tonight",
      category: "danger",
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("This phrase is already on the list.");
    expect(await count()).toBe(before + 1);
  });
});

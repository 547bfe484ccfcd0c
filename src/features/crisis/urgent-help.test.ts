import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../config.js";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, createPerson, personWithSession } from "../../test/factories.js";
import { boardPosts, boardThreads } from "../board/tables.js";
import { crisisAlerts } from "./tables.js";
import { emergencyNumberFor } from "./urgent-help/present.js";
import { issueAlertLink } from "./writes.js";

describe("the emergency number of a group's country", () => {
  it.each([
    ["IT", "112", null],
    ["de", "112", null],
    ["GB", "999", "112"],
    ["IE", "112", "999"],
    ["US", "911", null],
    ["CA", "911", null],
    ["AU", "000", "112"],
    ["NZ", "111", null],
  ])("is %s: %s", (country, number, also) => {
    expect(emergencyNumberFor(country, "118")).toEqual({ number, also });
  });

  it("falls back to the instance's number for a group with no country, or one not known", () => {
    expect(emergencyNumberFor(null, "118")).toEqual({ number: "118", also: null });
    expect(emergencyNumberFor("ZZ", "118")).toEqual({ number: "118", also: null });
  });

  it("reads HELPLINES as names and numbers, and refuses anything else at start", () => {
    const ok = parseConfig({ HELPLINES: "Samaritans: 116 123; Telefono Amico: 02 2327 2327" });
    expect(ok.ok && ok.config.helplines).toEqual([
      { name: "Samaritans", phone: "116 123" },
      { name: "Telefono Amico", phone: "02 2327 2327" },
    ]);
    const none = parseConfig({});
    expect(none.ok && none.config.helplines).toEqual([]);
    const bad = parseConfig({ HELPLINES: "call someone" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join()).toContain("HELPLINES");
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: {
      EMERGENCY_NUMBER: "118",
      HELPLINES: "Samaritans: 116 123; Telefono Amico: 02 2327 2327",
    },
  });
});
afterAll(async () => {
  await t.close();
});

async function memberOf(values: { country: string | null }) {
  const group = await createGroup(t, values);
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, group.id, ada.person.id);
  return { group, ada };
}

/** A post by Ada, put straight in the board's tables: the board's own pace is not tested here. */
async function postOf(groupId: string, authorId: string) {
  const [thread] = await t.database.db
    .insert(boardThreads)
    .values({ groupId, authorId, title: "A hard week", lastActivityAt: t.clock.now() })
    .returning();
  const [post] = await t.database.db
    .insert(boardPosts)
    .values({ threadId: thread!.id, groupId, authorId, opening: true, body: "Hello" })
    .returning();
  return post!;
}

describe("a group's urgent-help page", () => {
  it("gives the instance's number and helplines for a group with no country, with tel: links", async () => {
    const { group, ada } = await memberOf({ country: null });
    const page = await ada.browser.get(`/groups/${group.slug}/urgent-help`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("If you are in danger now, call 118.");
    expect(page.body).toContain('href="tel:118"');
    expect(page.body).toContain('href="tel:116123"');
    expect(page.body).toContain("Telefono Amico: 02 2327 2327");
    // Not reached from a post: nothing says a message was posted.
    expect(page.body).not.toContain("Your message is on the board");
    const json = await ada.browser.json("GET", `/api/v1/groups/${group.slug}/urgent-help`);
    expect(json.json()).toMatchObject({
      emergency: { number: "118", also: null },
      helplines: [{ name: "Samaritans", phone: "116 123" }, { name: "Telefono Amico" }],
      thread: null,
    });
  });

  it("gives the group's own country's number, and the way back to the post that brought them", async () => {
    const { group, ada } = await memberOf({ country: "US" });
    const post = await postOf(group.id, ada.person.id);
    const page = await ada.browser.get(`/groups/${group.slug}/urgent-help?post=${post.id}`);
    expect(page.body).toContain("If you are in danger now, call 911.");
    expect(page.body).toContain("Your message is on the board, as you wrote it.");
    expect(page.body).toContain(`/board/threads/${post.threadId}#post-${post.id}`);
    // Another group's post is no post of this page's.
    const other = await memberOf({ country: "IT" });
    const elsewhere = await postOf(other.group.id, other.ada.person.id);
    const foreign = await ada.browser.get(`/groups/${group.slug}/urgent-help?post=${elsewhere.id}`);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.body).not.toContain("Your message is on the board");
    expect(foreign.body).not.toContain(elsewhere.threadId);
  });
});

describe("urgent help, worry and alerts are never rate-limited", () => {
  it("answers 50 requests in a row on each, all accepted", async () => {
    const { group, ada } = await memberOf({ country: "IT" });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, group.id, grace.person.id, "facilitator");
    for (let i = 0; i < 50; i++) {
      expect((await ada.browser.get(`/groups/${group.slug}/urgent-help`)).statusCode).toBe(200);
      const json = await ada.browser.json("GET", `/api/v1/groups/${group.slug}/urgent-help`);
      expect(json.statusCode).toBe(200);
    }
    const marco = await createPerson(t, { displayName: "Marco" });
    await addMember(t, group.id, marco.id);
    const worries = [];
    for (let i = 0; i < 50; i++) {
      const post = await postOf(group.id, marco.id);
      worries.push(
        await ada.browser.post(`/groups/${group.slug}/board/posts/${post.id}/worried`, {
          note: "",
        }),
      );
    }
    expect(worries.map((r) => r.statusCode)).toEqual(Array(50).fill(303));
    const alerts = await t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, group.id));
    expect(alerts).toHaveLength(50);
    const alertId = alerts[0]!.id;
    const token = await issueAlertLink(
      t.database.db,
      { alertId, personId: grace.person.id },
      t.clock.now(),
    );
    const outside = new TestBrowser(t.app);
    for (let i = 0; i < 50; i++) {
      const step = await grace.browser.json(
        "PATCH",
        `/api/v1/groups/${group.slug}/alerts/${alertId}`,
        { state: "seen" },
      );
      expect(step.statusCode).toBe(200);
      expect((await grace.browser.get(`/groups/${group.slug}/alerts/${alertId}`)).statusCode).toBe(
        200,
      );
      expect((await outside.get(`/alerts/${token}`)).statusCode).toBe(200);
      const linked = await outside.json("PATCH", `/api/v1/alerts/${token}`, { state: "seen" });
      expect(linked.statusCode).toBe(200);
    }
  });
});

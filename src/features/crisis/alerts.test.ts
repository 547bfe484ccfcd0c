import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "../../infra/audit/tables.js";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import {
  addMember,
  createGroup,
  createOrganisation,
  createPerson,
  personWithSession,
} from "../../test/factories.js";
import { boardPosts } from "../board/tables.js";
import { sendAlertMail } from "./jobs.js";
import { backupContacts, crisisAlerts, riskPhrases, safeguardingLeads } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // The phrases these tests write, whatever the seeded lists hold besides.
  await t.database.db
    .insert(riskPhrases)
    .values([
      { language: "en", phrase: "want to die", category: "suicide" },
      { language: "it", phrase: "voglio morire", category: "suicide" },
    ])
    .onConflictDoNothing();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.mail.clear();
});

const HOUR = 3_600_000;
const WORDS = "Since the funeral I want to die, most nights. The garden is overgrown.";

/**
 * A group of four: Grace facilitates, Ada and Marco are members, Gianna was its guide until the
 * handover (an observer now) and is its backup contact; Lucia is the organisation's lead.
 */
async function scene(options: { country?: string | null; independent?: boolean } = {}) {
  const lucia = await createPerson(t, { displayName: "Lucia" });
  const organisation = options.independent
    ? null
    : await createOrganisation(t, "Associazione Alzheimer Trento");
  if (organisation) {
    await t.database.db
      .insert(safeguardingLeads)
      .values({ organisationId: organisation.id, personId: lucia.id });
  }
  const group = await createGroup(t, {
    languages: ["en", "it"],
    country: options.country === undefined ? "IT" : options.country,
    organisationId: organisation?.id ?? null,
    handoverAt: new Date(t.clock.now().getTime() - 24 * HOUR),
  });
  const joined = new Date(t.clock.now().getTime() - 48 * HOUR);
  const people: Record<string, Awaited<ReturnType<typeof personWithSession>>> = {};
  const roles = { Grace: "facilitator", Ada: "member", Marco: "member", Gianna: "guide" } as const;
  for (const [name, role] of Object.entries(roles)) {
    people[name] = await personWithSession(t, { displayName: name });
    await addMember(t, group.id, people[name]!.person.id, role, joined);
  }
  await t.database.db
    .insert(backupContacts)
    .values({ groupId: group.id, kind: "guide", personId: people.Gianna!.person.id });
  return {
    group,
    organisation,
    lucia,
    grace: people.Grace!,
    ada: people.Ada!,
    marco: people.Marco!,
    gianna: people.Gianna!,
  };
}

type Scene = Awaited<ReturnType<typeof scene>>;

/** Ada starts a conversation through the board's page, as a person does. */
async function adaPosts(s: Scene, body = WORDS) {
  t.clock.advance(10_000);
  const posted = await s.ada.browser.post(`/groups/${s.group.slug}/board/threads`, {
    title: "A hard week",
    body,
  });
  expect(posted.statusCode).toBe(303);
  const [post] = await t.database.db
    .select()
    .from(boardPosts)
    .where(eq(boardPosts.authorId, s.ada.person.id));
  return { posted, post: post! };
}

const alertsOf = (groupId: string) =>
  t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.groupId, groupId));
const alertMail = (email: string) =>
  t.mail.messages.filter((m) => m.to.includes(email) && /may need support/.test(m.subject));
const linkIn = (text: string) => /https?:\/\/\S+\/alerts\/\S+/.exec(text)?.[0] ?? "";

describe("words that may mean someone is at risk", () => {
  it("reads a thread's title as the author's words too", async () => {
    const s = await scene({ country: "GB" });
    t.clock.advance(10_000);
    const posted = await s.ada.browser.post(`/groups/${s.group.slug}/board/threads`, {
      title: "I want to end it all",
      body: "Sorry to write this here.",
    });
    expect(posted.headers.location).toMatch(/\/urgent-help\?post=/);
    expect(await alertsOf(s.group.id)).toHaveLength(1);
  });

  it("publishes the post as written and unhidden, alerts privately, and sends its author to urgent help", async () => {
    const s = await scene({ country: "GB" });
    const { posted, post } = await adaPosts(s);
    expect(posted.headers.location).toBe(`/groups/${s.group.slug}/urgent-help?post=${post.id}`);
    expect(post.body).toBe(WORDS);
    expect(post.hiddenAt).toBeNull();
    const [alert, ...more] = await alertsOf(s.group.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      source: "phrase",
      category: "suicide",
      subjectId: s.ada.person.id,
      postId: post.id,
      state: "new",
      raisedBy: null,
    });
    const landing = await s.ada.browser.get(posted.headers.location as string);
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain("Your message is on the board, as you wrote it.");
    expect(landing.body).toContain('href="tel:999"');
    expect(landing.body).toContain("If you are in danger now, call 999.");
    expect(landing.body).toContain('href="tel:112"');
    expect(landing.body).toContain(`/board/threads/${post.threadId}#post-${post.id}`);
    // Everyone on the board still reads it as written.
    const thread = await s.marco.browser.get(
      `/groups/${s.group.slug}/board/threads/${post.threadId}`,
    );
    expect(thread.body).toContain("The garden is overgrown.");
  });

  it("e-mails each facilitator and the backup contact exactly once, without the post's words", async () => {
    const s = await scene();
    await adaPosts(s);
    await t.runJobs();
    await t.runJobs();
    const [alert] = await alertsOf(s.group.id);
    // The job tried again (after a failure, or on a second instance) writes to nobody twice.
    expect(await sendAlertMail(t.app.deps, { alertId: alert!.id, round: 0 }, t.clock.now())).toBe(
      0,
    );
    const toGrace = alertMail(s.grace.person.email);
    const toGianna = alertMail(s.gianna.person.email);
    expect(toGrace).toHaveLength(1);
    expect(toGianna).toHaveLength(1);
    expect(alertMail(s.ada.person.email)).toHaveLength(0);
    expect(alertMail(s.marco.person.email)).toHaveLength(0);
    expect(alertMail(s.lucia.email)).toHaveLength(0);
    // Grace handles it on the group's pages; Gianna, an observer now, through a link of her own.
    expect(toGrace[0]!.text).toContain(`/groups/${s.group.slug}/alerts/${alert!.id}`);
    expect(linkIn(toGianna[0]!.text)).toMatch(/\/alerts\/[A-Za-z0-9_-]{43}$/);
    for (const mail of [...toGrace, ...toGianna]) {
      for (const part of [mail.text, mail.html, mail.subject]) {
        expect(part).not.toContain("want to die");
        expect(part).not.toContain("garden");
        expect(part).not.toContain("Ada");
      }
      expect(mail.text).toContain("words about suicide");
    }
  });

  it("raises no second alert when an edit still matches while the first is open", async () => {
    const s = await scene();
    const { post } = await adaPosts(s);
    const edited = await s.ada.browser.post(`/groups/${s.group.slug}/board/posts/${post.id}/edit`, {
      body: `${WORDS} I still want to die.`,
    });
    expect(edited.statusCode).toBe(303);
    expect(edited.headers.location).toBe(`/groups/${s.group.slug}/urgent-help?post=${post.id}`);
    expect(await alertsOf(s.group.id)).toHaveLength(1);
  });

  it("checks replies and Italian words too, and lets ordinary posts through untouched", async () => {
    const s = await scene();
    const { post } = await adaPosts(s, "Oggi il caffè era buono, grazie a tutti.");
    expect(await alertsOf(s.group.id)).toHaveLength(0);
    t.clock.advance(10_000);
    const reply = await s.marco.browser.post(
      `/groups/${s.group.slug}/board/threads/${post.threadId}/replies`,
      { body: "Io invece certe sere voglio morire." },
    );
    expect(reply.headers.location).toMatch(/\/urgent-help\?post=/);
    const [alert] = await alertsOf(s.group.id);
    expect(alert?.subjectId).toBe(s.marco.person.id);
  });

  it("records the alert in the audit log by ids, without the words", async () => {
    const s = await scene();
    await adaPosts(s);
    const [alert] = await alertsOf(s.group.id);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, alert!.id));
    expect(events.map((e) => e.action)).toEqual(["crisis.alert_raised"]);
    expect(JSON.stringify(events)).not.toContain("die");
    expect(JSON.stringify(events)).not.toContain(s.ada.person.id);
  });
});

describe("an alert nobody looks at", () => {
  it("goes again to the same people after 12 hours unseen, then to the organisation's lead", async () => {
    const s = await scene();
    await adaPosts(s);
    await t.runJobs();
    t.clock.advance(11 * HOUR);
    await t.runTask("crisis.escalate");
    await t.runJobs();
    expect(alertMail(s.grace.person.email)).toHaveLength(1);
    t.clock.advance(1 * HOUR + 60_000);
    await t.runTask("crisis.escalate");
    await t.runJobs();
    await t.runJobs();
    expect(alertMail(s.grace.person.email)).toHaveLength(2);
    expect(alertMail(s.gianna.person.email)).toHaveLength(2);
    expect(alertMail(s.grace.person.email)[1]!.subject).toMatch(/^Still not seen/);
    expect(alertMail(s.lucia.email)).toHaveLength(0);
    t.clock.advance(12 * HOUR + 60_000);
    await t.runTask("crisis.escalate");
    await t.runJobs();
    await t.runTask("crisis.escalate");
    await t.runJobs();
    const toLucia = alertMail(s.lucia.email);
    expect(toLucia).toHaveLength(1);
    expect(toLucia[0]!.text).toContain("safeguarding lead");
    expect(linkIn(toLucia[0]!.text)).toMatch(/\/alerts\/[A-Za-z0-9_-]{43}$/);
    expect(alertMail(s.grace.person.email)).toHaveLength(2);
    const [alert] = await alertsOf(s.group.id);
    expect(alert?.round).toBe(2);
    const escalated = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, alert!.id), eq(auditEvents.action, "crisis.alert_escalated")),
      );
    expect(escalated).toHaveLength(2);
  });

  it("stops going round once someone says they have seen it, and records how soon", async () => {
    const s = await scene();
    await adaPosts(s);
    await t.runJobs();
    const [raised] = await alertsOf(s.group.id);
    t.clock.advance(HOUR);
    const page = `/groups/${s.group.slug}/alerts/${raised!.id}`;
    const seen = await s.grace.browser.post(page, { state: "seen" });
    expect(seen.statusCode).toBe(303);
    t.clock.advance(30 * HOUR);
    await t.runTask("crisis.escalate");
    await t.runJobs();
    expect(alertMail(s.grace.person.email)).toHaveLength(1);
    expect(alertMail(s.lucia.email)).toHaveLength(0);
    const [alert] = await alertsOf(s.group.id);
    expect(alert).toMatchObject({ state: "seen", round: 0, firstSeenBy: s.grace.person.id });
    expect(alert!.firstSeenAt!.getTime() - alert!.createdAt.getTime()).toBe(HOUR);
    const json = await s.grace.browser.json(
      "GET",
      `/api/v1/groups/${s.group.slug}/alerts/${raised!.id}`,
    );
    expect(json.json()).toMatchObject({
      state: "seen",
      firstSeen: { afterMinutes: 60, by: { name: "Grace" } },
    });
  });

  it("opening an alert does not count as seen: only its button records the first look", async () => {
    const s = await scene();
    await adaPosts(s);
    const [raised] = await alertsOf(s.group.id);
    const opened = await s.grace.browser.get(`/groups/${s.group.slug}/alerts/${raised!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Alert about Ada");
    expect(opened.body).not.toContain("want to die");
    await s.grace.browser.get(`/api/v1/groups/${s.group.slug}/alerts/${raised!.id}`);
    const [alert] = await alertsOf(s.group.id);
    expect(alert).toMatchObject({ state: "new", firstSeenAt: null });
  });

  it("says in the log that an independent group has no lead, and writes to the instance's help address", async () => {
    const s = await scene({ independent: true });
    await adaPosts(s);
    await t.runJobs();
    t.clock.advance(12 * HOUR + 60_000);
    await t.runTask("crisis.escalate");
    t.clock.advance(12 * HOUR + 60_000);
    await t.runTask("crisis.escalate");
    await t.runJobs();
    const [alert] = await alertsOf(s.group.id);
    expect(t.logs.join("\n")).toContain(`Crisis alert ${alert!.id} has gone unseen`);
    expect(t.logs.join("\n")).toContain("no safeguarding lead");
    const help = t.mail.messages.filter((m) => m.to.includes("help@mutua.example"));
    expect(help).toHaveLength(1);
    expect(help[0]!.text).not.toContain("want to die");
    expect(help[0]!.text).not.toContain("Ada");
  });
});

describe("a group nobody leads just now", () => {
  it("sends its alert straight to the organisation's lead", async () => {
    const lucia = await createPerson(t, { displayName: "Lucia" });
    const organisation = await createOrganisation(t, "Associazione Alzheimer Trento");
    await t.database.db
      .insert(safeguardingLeads)
      .values({ organisationId: organisation.id, personId: lucia.id });
    const group = await createGroup(t, { languages: ["en"], organisationId: organisation.id });
    const ada = await personWithSession(t, { displayName: "Ada" });
    await addMember(
      t,
      group.id,
      ada.person.id,
      "member",
      new Date(t.clock.now().getTime() - 48 * HOUR),
    );
    t.clock.advance(10_000);
    await ada.browser.post(`/groups/${group.slug}/board/threads`, { title: "Hi", body: WORDS });
    await t.runJobs();
    const toLucia = alertMail(lucia.email);
    expect(toLucia).toHaveLength(1);
    expect(toLucia[0]!.text).toContain("nobody leads the group just now");
    expect(linkIn(toLucia[0]!.text)).toMatch(/\/alerts\/[A-Za-z0-9_-]{43}$/);
  });
});

describe("an alert through its e-mailed link", () => {
  it("opens without signing in, without the post, and takes the same steps", async () => {
    const s = await scene();
    await adaPosts(s);
    await t.runJobs();
    const link = new URL(linkIn(alertMail(s.gianna.person.email)[0]!.text)).pathname;
    const stranger = new TestBrowser(t.app);
    const opened = await stranger.get(link);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Alert about Ada");
    expect(opened.body).not.toContain("want to die");
    expect(opened.body).not.toContain("/board/threads/");
    const acted = await stranger.post(link, {
      state: "acted_on",
      note: "I rang her; she is with her son.",
    });
    expect(acted.statusCode).toBe(303);
    expect(acted.headers.location).toBe(link);
    const [alert] = await alertsOf(s.group.id);
    expect(alert).toMatchObject({ state: "acted_on", firstSeenBy: s.gianna.person.id });
    // The form keeps its CSRF token all the same.
    const forged = await stranger.post(link, { state: "closed", note: "x" }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    const closed = await stranger.json("PATCH", `/api/v1${link}`, {
      state: "closed",
      note: "All well.",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: "closed", post: null });
    const unknown = await stranger.get(`/alerts/${"x".repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
  });

  it("stops opening the alert once the link is 60 days old", async () => {
    const s = await scene();
    await adaPosts(s);
    await t.runJobs();
    const link = new URL(linkIn(alertMail(s.gianna.person.email)[0]!.text)).pathname;
    t.clock.advance(61 * 24 * HOUR);
    expect((await new TestBrowser(t.app).get(link)).statusCode).toBe(404);
  });
});

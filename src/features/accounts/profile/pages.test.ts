import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../../infra/audit/tables.js";
import { deliverNowOrLater } from "../../../infra/mail/later.js";
import { TestBrowser } from "../../../test/browser.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { dumpDatabase } from "../../../test/dump.js";
import {
  addMember,
  createGroup,
  createPerson,
  signedInPerson,
  signIn,
  uniqueEmail,
} from "../../../test/factories.js";
import { signInSecrets } from "../../../test/smtp.js";
import { getGroupBySlug } from "../../groups/reads.js";
import { createInvitation } from "../../invitations/writes.js";
import { listUpcomingMeetings } from "../../meetings/reads.js";
import { planMeetings, respondToMeeting, suggestTheme } from "../../meetings/writes.js";
import { changeRole } from "../../roles/writes.js";
import { chooseInSplit, proposeSplit } from "../../split/writes.js";
import { people } from "../tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("profile", () => {
  it("saves name, language, text size and contrast, and applies them on every page", async () => {
    const { browser } = await signedInPerson(t, { displayName: "Ada" });
    const saved = await browser.post("/account/profile", {
      displayName: "Ada Maria",
      language: "it",
      textSize: "largest",
      contrast: "high",
    });
    expect(saved.statusCode).toBe(303);
    for (const path of ["/", "/account", "/urgent-help"]) {
      const page = await browser.get(path);
      expect(page.body).toContain('<html lang="it" data-text-size="largest" data-contrast="high">');
    }
    expect((await browser.get("/account")).body).toContain("Ada Maria");
  });

  it("re-renders the form with the input and a message by each bad field, saving nothing", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Luca" });
    const response = await browser.post("/account/profile", {
      displayName: "x".repeat(41),
      language: "fr",
      textSize: "huge",
      contrast: "high",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`value="${"x".repeat(41)}"`);
    expect(response.body).toContain("Your name can be at most 40 characters");
    expect(response.body).toContain("Choose one of the options");
    expect(response.body).toContain('id="displayName-error"');
    const [after] = await t.database.db.select().from(people).where(eq(people.id, person.id));
    expect(after?.displayName).toBe("Luca");
    expect(after?.contrast).toBe("standard");
  });

  it("never asks for a surname and refuses markup in a name", async () => {
    const { browser } = await signedInPerson(t);
    const response = await browser.post("/welcome", { displayName: "<b>Ada</b>" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`value="&lt;b>Ada&lt;/b>"`);
    expect(response.body).not.toContain("<b>Ada</b>");
  });
});

describe("download your data", () => {
  it("gives a JSON file with the person's account, devices and security events", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Grace", language: "en" });
    const response = await browser.get("/account/export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="mutua-my-data-/,
    );
    const data = response.json();
    expect(data.account).toMatchObject({
      email: person.email,
      displayName: "Grace",
      language: "en",
    });
    expect(data.signedInDevices).toHaveLength(1);
    expect(data.securityEvents.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["account.signed_in", "account.exported"]),
    );
    expect(JSON.stringify(data)).not.toMatch(/id_hash|idHash|token/i);
  });

  it("includes the person's groups, what they asked, their answers, attendance, themes and e-mail choices", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Ada" });
    const group = await createGroup(t, { name: "Caffè del martedì", startsOn: "2026-03-03" });
    await addMember(t, group.id, person.id);
    const asked = await createGroup(t, { name: "Gruppo su richiesta", joiningPolicy: "ask" });
    await browser.post(`/groups/${asked.slug}/join`, { message: "I care for my mother." });
    const stored = (await getGroupBySlug(t.database.db, group.slug))!;
    await planMeetings(t.database.db, stored, t.clock.now());
    const [meeting] = await listUpcomingMeetings(t.database.db, group.id, person.id, {
      now: t.clock.now(),
      to: new Date(t.clock.now().getTime() + 30 * 86_400_000),
    });
    await respondToMeeting(
      t.database.db,
      { groupId: group.id, meetingId: meeting!.id, personId: person.id, answer: "yes" },
      t.clock.now(),
    );
    await suggestTheme(
      t.database.db,
      { meetingId: meeting!.id, personId: person.id, text: "Sleep, and the lack of it" },
      t.clock.now(),
    );
    await browser.post(`/groups/${group.slug}/reminders`, { emails: ["weeklyDigest"] });

    const data = (await browser.get("/account/export")).json();
    expect(data.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: "Caffè del martedì", state: "active" }),
        expect.objectContaining({
          group: "Gruppo su richiesta",
          state: "requested",
          whatYouWrote: "I care for my mother.",
        }),
      ]),
    );
    expect(data.meetings.answers).toEqual([
      expect.objectContaining({ group: "Caffè del martedì", answer: "yes" }),
    ]);
    expect(data.meetings.themes).toEqual([
      expect.objectContaining({ theme: "Sleep, and the lack of it" }),
    ]);
    expect(data.meetings.emails).toEqual([
      expect.objectContaining({ group: "Caffè del martedì", weeklyDigest: true, dayBefore: false }),
    ]);
  });
});

describe("the copy of a person's data, continued", () => {
  it("includes the changes of the person's role and their choice in a split, naming nobody else", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Ada" });
    const grace = await createPerson(t, { displayName: "Grace Quillby" });
    const marco = await createPerson(t, { displayName: "Marco Fennimore" });
    const group = await createGroup(t, { name: "Gruppo del lunedì" });
    await addMember(t, group.id, grace.id, "facilitator");
    await addMember(t, group.id, person.id);
    await addMember(t, group.id, marco.id);
    const db = t.database.db;
    const now = t.clock.now();
    const made = await changeRole(
      db,
      { groupId: group.id, personId: person.id, role: "facilitator", changedBy: grace.id },
      now,
    );
    expect(made.ok).toBe(true);
    await changeRole(
      db,
      { groupId: group.id, personId: marco.id, role: "facilitator", changedBy: person.id },
      now,
    );
    const split = await proposeSplit(
      db,
      {
        groupId: group.id,
        proposedBy: grace.id,
        minimum: 3,
        form: {
          name1: "Lunedì mattina",
          weekday1: "1",
          time1: "10:00",
          facilitators1: [grace.id],
          name2: "Lunedì sera",
          weekday2: "1",
          time2: "18:00",
          facilitators2: [marco.id],
        },
      },
      now,
    );
    expect(split.ok).toBe(true);
    expect(await chooseInSplit(db, { groupId: group.id, personId: person.id, part: 2 }, now)).toBe(
      true,
    );

    const response = await browser.get("/account/export");
    const data = response.json();
    expect(data.roles.changes).toEqual([
      expect.objectContaining({
        group: "Gruppo del lunedì",
        fromRole: "member",
        toRole: "facilitator",
        madeByYou: false,
      }),
    ]);
    expect(data.splits.choices).toEqual([
      expect.objectContaining({ group: "Gruppo del lunedì", youChose: "Lunedì sera" }),
    ]);
    expect(data.splits.proposed).toEqual([]);
    // Grace made the change and proposed the split; Marco was made a facilitator by Ada.
    expect(response.body).not.toContain("Grace");
    expect(response.body).not.toContain("Marco");
  });
});

describe("deleting an account", () => {
  it("erases the e-mail address and name from the whole database, keeping only an opaque audit entry", async () => {
    const email = uniqueEmail("leaving");
    const person = await createPerson(t, { email, displayName: "Zelinda" });
    const browser = await signIn(t, email);
    // A pending sign-in request in another browser must go too, and an invitation to a group.
    await new TestBrowser(t.app).post("/sign-in", { email });
    const group = await createGroup(t);
    const inviter = await createPerson(t, { displayName: "Grace" });
    await createInvitation(
      t.database.db,
      { groupId: group.id, email: email.toUpperCase(), invitedBy: inviter.id },
      t.clock.now(),
    );
    // An e-mail to them that the mail server could not take yet waits in the queue.
    t.mail.away = true;
    try {
      await deliverNowOrLater(t.app.deps.mailer, t.database.db, t.app.log).send({
        to: email.toUpperCase(),
        subject: "A place is free for you",
        text: "A place is free.",
        html: "<p>A place is free.</p>",
      });
    } finally {
      t.mail.away = false;
    }
    expect((await dumpDatabase(t.databaseUrl)).toLowerCase()).toContain(email.toLowerCase());
    const confirm = await browser.get("/account/delete");
    expect(confirm.body).toContain("Delete your account?");
    const deleted = await browser.post("/account/delete");
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain("Your account has been deleted");
    expect((await browser.get("/account")).statusCode).toBe(303);

    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.toLowerCase()).not.toContain(email.toLowerCase());
    expect(dump).not.toContain("Zelinda");
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, person.id));
    expect(events.map((e) => e.action)).toContain("account.deleted");
  });
});

describe("secrets at rest", () => {
  it("keeps no link, code or session secret in plain text in a database dump", async () => {
    const email = uniqueEmail("secret");
    await createPerson(t, { email });
    // Six digits may well stand alone somewhere already (a phone number, a PIN): the code must
    // not appear once more after signing in than it did before.
    const before = await dumpDatabase(t.databaseUrl);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email });
    const { code, link } = signInSecrets(await t.mail.lastTo(email));
    const linkToken = new URL(link).searchParams.get("token")!;
    const browserBinding = browser.cookies.get("__Host-mutua_signin")!.split(".")[1]!;
    await browser.post("/sign-in/code", { code });
    const sessionSecret = browser.cookies.get("__Host-mutua_session")!;
    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump).toContain(email);
    for (const secret of [linkToken, browserBinding, sessionSecret])
      expect(dump).not.toContain(secret);
    // As a value of its own (six digits may well be some timestamp's microseconds).
    const standing = new RegExp(`(?<![.\\w])${code}(?!\\w)`, "g");
    expect((dump.match(standing) ?? []).length).toBe((before.match(standing) ?? []).length);
  });
});

describe("sessions", () => {
  it("signs out this device only, or every device", async () => {
    const person = await createPerson(t);
    const first = await signIn(t, person.email);
    const second = await signIn(t, person.email);
    const third = await signIn(t, person.email);
    expect((await first.post("/sign-out")).statusCode).toBe(303);
    expect((await first.get("/account")).statusCode).toBe(303);
    expect((await second.get("/account")).statusCode).toBe(200);
    // A sign-in code is waiting in the mailbox, asked for in yet another browser.
    const waiting = new TestBrowser(t.app);
    await waiting.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    expect((await second.post("/sign-out/everywhere")).statusCode).toBe(303);
    expect((await third.get("/account")).statusCode).toBe(303);
    // "Everywhere" includes the sign-in not finished yet.
    expect((await waiting.post("/sign-in/code", { code })).statusCode).toBe(400);
    expect((await waiting.get("/account")).statusCode).toBe(303);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, person.id));
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === "account.signed_in")).toHaveLength(3);
    expect(actions).toContain("account.signed_out");
    expect(actions).toContain("account.signed_out_everywhere");
    // Who, what and when only: no address, name or secret in any audit entry.
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual([
        "action",
        "actorId",
        "details",
        "id",
        "occurredAt",
        "subjectId",
      ]);
      expect(JSON.stringify(event)).not.toContain(person.email);
    }
  });

  it("slides: a member who comes back within 14 days stays signed in; after 14 idle days they sign in again", async () => {
    const { browser } = await signedInPerson(t);
    for (let day = 0; day < 5; day++) {
      t.clock.advance(13 * 24 * 3_600_000);
      expect((await browser.get("/account")).statusCode).toBe(200);
    }
    t.clock.advance(14 * 24 * 3_600_000 + 60_000);
    expect((await browser.get("/account")).statusCode).toBe(303);
  });

  it("keeps a member signed in for at least 20 hours without any activity", async () => {
    const { browser } = await signedInPerson(t);
    t.clock.advance(20 * 3_600_000);
    expect((await browser.get("/account")).statusCode).toBe(200);
  });

  it("gives administrators a shorter idle limit of 12 hours", async () => {
    const { browser } = await signedInPerson(t, { isAdmin: true });
    t.clock.advance(11 * 3_600_000);
    expect((await browser.get("/account")).statusCode).toBe(200);
    t.clock.advance(12 * 3_600_000 + 60_000);
    expect((await browser.get("/account")).statusCode).toBe(303);
  });
});

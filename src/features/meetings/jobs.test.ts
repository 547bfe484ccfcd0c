import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateTime } from "../../infra/time/zoned.js";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { failingFrom, type ReceivedMail } from "../../test/smtp.js";
import { moveMeeting } from "./changes/writes.js";
import { askForFacilitators, planDueGroups, sendDigests, sendDueReminders } from "./jobs.js";
import {
  claimDigest,
  claimMeetingsWithoutFacilitator,
  claimReminder,
  claimRotaRequest,
  digestWeek,
} from "./reminders/writes.js";
import { stepDown, volunteerToFacilitate } from "./rota/writes.js";
import { meetings } from "./tables.js";

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await buildTestApp({ jobs: true });
  // A second instance of the app on the same database, with its own mail server.
  b = await buildTestApp({ jobs: true, sharing: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const allMail = (): ReceivedMail[] => [...a.mail.messages, ...b.mail.messages];
const mailTo = (email: string, subject: RegExp) =>
  allMail().filter((m) => m.to.includes(email) && subject.test(m.subject));

/** An online group that meets only when a meeting is added, with three members. */
async function onlineGroup(t: TestApp) {
  const group = await createGroup(t, {
    format: "online",
    videoUrl: "https://video.example/caffe",
    phoneNumber: "+39 0461 000111",
    phonePin: "4321",
    scheduleKind: "one_off",
    rrule: null,
    startsOn: null,
    weekday: null,
  });
  const people = [];
  for (const name of ["Grace", "Ada", "Marco"]) {
    const { person, browser } = await personWithSession(t, { displayName: name });
    await addMember(t, group.id, person.id, name === "Grace" ? "facilitator" : "member");
    people.push({ person, browser });
  }
  return { group, people };
}

async function addMeetingAt(t: TestApp, groupId: string, startsAt: Date) {
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      groupId,
      uid: `${groupId}-${startsAt.getTime()}@test`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    })
    .returning();
  return meeting!;
}

async function waitForQueue(t: TestApp) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from graphile_worker._private_jobs where task_id in (select id from graphile_worker._private_tasks where identifier = 'meetings.reminders')",
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error("The reminder jobs did not run");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("reminders with two instances running", () => {
  it("sends each due reminder exactly once, to each member who wants it", async () => {
    const now = new Date();
    a.clock.set(now);
    b.clock.set(now);
    const { group, people } = await onlineGroup(a);
    const [grace, ada, marco] = people;
    // Marco wants no reminder an hour before.
    const chose = await marco!.browser.post(`/groups/${group.slug}/reminders`, {
      emails: ["dayBefore"],
    });
    expect(chose.statusCode).toBe(303);
    await addMeetingAt(a, group.id, new Date(now.getTime() + 50 * 60_000));

    // Both instances' workers take reminder jobs at the same time, many times over.
    for (let i = 0; i < 8; i++) {
      await a.database.db.execute(sql`select graphile_worker.add_job('meetings.reminders')`);
    }
    await waitForQueue(a);
    const once = () => [grace!, ada!].map((m) => mailTo(m.person.email, /Starting soon/).length);
    expect(once()).toEqual([1, 1]);
    // And when both run the round by hand at the same instant, nothing is sent again.
    await Promise.all([sendDueReminders(a.app.deps, now), sendDueReminders(b.app.deps, now)]);
    expect(once()).toEqual([1, 1]);

    for (const member of [grace!, ada!]) {
      const reminders = mailTo(member.person.email, /about an hour|Starting soon/);
      expect(reminders, member.person.displayName ?? "").toHaveLength(1);
      const [reminder] = reminders;
      expect(reminder!.text).toContain("https://video.example/caffe");
      expect(reminder!.text).toContain("4321");
      expect(reminder!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    }
    expect(mailTo(marco!.person.email, /Starting soon/)).toHaveLength(0);
  });

  it("sends a reminder the mail server refused, and those after it, in the next round", async () => {
    const now = new Date(Date.now() + 40 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    await addMeetingAt(a, group.id, new Date(now.getTime() + 40 * 60_000));
    const failing = { ...a.app.deps, mailer: failingFrom(a.app.deps.mailer, 2) };
    await expect(sendDueReminders(failing, now)).rejects.toThrow("the mail server went away");
    await sendDueReminders(a.app.deps, now);
    for (const { person } of people) {
      expect(mailTo(person.email, /Starting soon/), person.displayName ?? "").toHaveLength(1);
    }
  });

  it("keeps writing to everyone else when the mail server refuses one address for good", async () => {
    const now = new Date(Date.now() + 70 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    const [grace, ada, marco] = people;
    a.mail.refused.add(ada!.person.email);
    try {
      await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
      await addMeetingAt(a, group.id, new Date(now.getTime() + 45 * 60_000));
      // Each round is done in one go: the refused address holds up nobody, and is not retried.
      expect(await sendDueReminders(a.app.deps, now)).toBe(2);
      expect(await sendDueReminders(a.app.deps, now)).toBe(0);
      // Both meetings are within the week and have nobody to facilitate.
      expect(await askForFacilitators(a.app.deps, now)).toBe(4);
      for (const { browser } of people) {
        await browser.post(`/groups/${group.slug}/reminders`, { emails: ["weeklyDigest"] });
      }
      expect(await sendDigests(a.app.deps, now)).toBe(2);
      for (const member of [grace, marco]) {
        expect(mailTo(member!.person.email, /Starting soon/)).toHaveLength(1);
        expect(mailTo(member!.person.email, /who will facilitate/)).toHaveLength(2);
        expect(mailTo(member!.person.email, /the week ahead/)).toHaveLength(1);
      }
      expect(allMail().filter((m) => m.to.includes(ada!.person.email))).toHaveLength(0);
    } finally {
      a.mail.refused.clear();
    }
  });

  it("writes nothing about the meetings to a guide after the handover", async () => {
    const now = new Date(Date.now() + 80 * 86_400_000);
    a.clock.set(now);
    const { group, people } = await onlineGroup(a);
    const guide = await personWithSession(a, { displayName: "Giulia" });
    await addMember(a, group.id, guide.person.id, "guide");
    // She asked for everything while she was the group's guide.
    await guide.browser.post(`/groups/${group.slug}/reminders`, {
      emails: ["dayBefore", "hourBefore", "weeklyDigest"],
    });
    const handover = new Date(now.getTime() - 86_400_000).toISOString();
    await a.database.db.execute(
      sql`update groups set handover_at = ${handover}::timestamptz where id = ${group.id}`,
    );
    await addMeetingAt(a, group.id, new Date(now.getTime() + 30 * 60_000));
    await addMeetingAt(a, group.id, new Date(now.getTime() + 5 * 86_400_000));
    await sendDueReminders(a.app.deps, now);
    await askForFacilitators(a.app.deps, now);
    await sendDigests(a.app.deps, now);
    // A newcomer asks to join: the request goes to the facilitators, not to the observer.
    await a.database.db.execute(
      sql`update groups set joining_policy = 'ask' where id = ${group.id}`,
    );
    const newcomer = await personWithSession(a, { displayName: "Nora" });
    await newcomer.browser.get(`/groups/${group.slug}/join`);
    const asked = await newcomer.browser.post(`/groups/${group.slug}/join`, {
      message: "I care for my father.",
    });
    expect(asked.statusCode).toBe(303);
    const [grace] = people;
    await a.mail.lastTo(grace!.person.email);
    expect(mailTo(grace!.person.email, /Nora would like to join/)).toHaveLength(1);
    expect(mailTo(grace!.person.email, /Starting soon/)).toHaveLength(1);
    expect(allMail().filter((m) => m.to.includes(guide.person.email))).toHaveLength(0);
  });

  it("reminds the members afresh of a meeting moved after its reminder went", async () => {
    const now = new Date(Date.now() + 100 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 20 * 3_600_000));
    await sendDueReminders(a.app.deps, now);
    const reminded = () => people.map(({ person }) => mailTo(person.email, /tomorrow/).length);
    expect(reminded()).toEqual([1, 1, 1]);
    // Moved two days on; the day before the new date, everyone is reminded again.
    const later = localDateTime(
      new Date(meeting.startsAt.getTime() + 2 * 86_400_000),
      "Europe/Rome",
    );
    const moved = await moveMeeting(
      a.database.db,
      {
        group: { id: group.id, timeZone: "Europe/Rome" },
        meetingId: meeting.id,
        date: later.localDate,
        startTime: later.localTime,
        reason: "The hall is closed.",
      },
      now,
    );
    expect(moved.ok).toBe(true);
    await sendDueReminders(a.app.deps, new Date(now.getTime() + 2 * 86_400_000));
    expect(reminded()).toEqual([2, 2, 2]);
  });

  it("sends a reminder whose instance stopped after claiming it, once the claim lapses, and once only", async () => {
    const now = new Date(Date.now() + 150 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 20 * 3_600_000));
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const reminded = () => people.map(({ person }) => mailTo(person.email, /tomorrow/).length);

    // Instance b claims the day-before reminders and stops before sending any.
    const claimed = await claimReminder(
      b.database.db,
      { meetingId: meeting.id, groupId: group.id, kind: "day" },
      now,
    );
    expect(claimed).toHaveLength(3);
    // While b might still be sending, nobody else sends them.
    expect(await sendDueReminders(a.app.deps, minutes(29))).toBe(0);
    expect(reminded()).toEqual([0, 0, 0]);
    // Once the claim has lapsed, the next round sends each, on one instance only.
    const rounds = await Promise.all([
      sendDueReminders(a.app.deps, minutes(31)),
      sendDueReminders(b.app.deps, minutes(31)),
    ]);
    expect(rounds[0] + rounds[1]).toBe(3);
    expect(reminded()).toEqual([1, 1, 1]);
    // A reminder that went is settled: no later round sends it again.
    await sendDueReminders(a.app.deps, minutes(90));
    expect(reminded()).toEqual([1, 1, 1]);
  });

  it("sends the day-before reminder once, and lets a member stop reminders in one click", async () => {
    const now = new Date(Date.now() + 3 * 86_400_000);
    a.clock.set(now);
    b.clock.set(now);
    const { group, people } = await onlineGroup(b);
    const [, ada] = people;
    await addMeetingAt(b, group.id, new Date(now.getTime() + 20 * 3_600_000));
    await Promise.all([sendDueReminders(b.app.deps, now), sendDueReminders(a.app.deps, now)]);
    const [reminder, ...more] = mailTo(ada!.person.email, /tomorrow/);
    expect(reminder).toBeDefined();
    expect(more).toHaveLength(0);

    // The mail program's one-click POST (RFC 8058): no form, no cookie, just the link.
    const link = String(reminder!.header("list-unsubscribe")).replace(/^<|>$/g, "");
    const path = new URL(link).pathname;
    const opened = await new TestBrowser(b.app).get(path);
    expect(opened.statusCode).toBe(200);
    const clicked = await b.app.inject({
      method: "POST",
      url: path,
      payload: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(clicked.statusCode).toBe(200);
    const page = await ada!.browser.get(`/groups/${group.slug}/reminders`);
    expect(page.body).not.toMatch(/value="dayBefore"[^>]*checked/);

    await addMeetingAt(b, group.id, new Date(now.getTime() + 30 * 60_000));
    await sendDueReminders(b.app.deps, now);
    expect(mailTo(ada!.person.email, /Starting soon/)).toHaveLength(0);
    // Nor is she asked for a volunteer: the link said "stop these e-mails".
    await addMeetingAt(b, group.id, new Date(now.getTime() + 5 * 86_400_000));
    await askForFacilitators(b.app.deps, now);
    expect(mailTo(ada!.person.email, /who will facilitate/)).toHaveLength(0);
    expect(mailTo(people[0]!.person.email, /who will facilitate/).length).toBeGreaterThan(0);
    const unknown = await new TestBrowser(b.app).post(`/unsubscribe/${"x".repeat(43)}`, {});
    expect(unknown.statusCode).toBe(404);
  });
});

describe("asking for a facilitator and the weekly digest", () => {
  it("asks the group once when a meeting within the week has nobody to facilitate", async () => {
    const now = new Date(Date.now() + 10 * 86_400_000);
    a.clock.set(now);
    const { group, people } = await onlineGroup(a);
    await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
    const asked = await Promise.all([
      askForFacilitators(a.app.deps, now),
      askForFacilitators(b.app.deps, now),
    ]);
    expect(asked[0] + asked[1]).toBe(3);
    for (const { person } of people) {
      expect(mailTo(person.email, /who will facilitate/)).toHaveLength(1);
    }
    expect(await askForFacilitators(a.app.deps, now)).toBe(0);
  });

  it("asks the group after all when the instance that claimed the meeting stopped before writing, once only", async () => {
    const now = new Date(Date.now() + 230 * 86_400_000);
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const { group, people } = await onlineGroup(a);
    await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
    const asked = () =>
      people.map(({ person }) => mailTo(person.email, /who will facilitate/).length);
    // Instance b claims the meeting and stops before writing to anyone.
    expect(await claimMeetingsWithoutFacilitator(b.database.db, now)).toHaveLength(1);
    // While b might still be writing, nobody else asks.
    expect(await askForFacilitators(a.app.deps, minutes(29))).toBe(0);
    expect(asked()).toEqual([0, 0, 0]);
    // Once its claim has lapsed, the next round asks each member, on one instance only.
    const rounds = await Promise.all([
      askForFacilitators(a.app.deps, minutes(31)),
      askForFacilitators(b.app.deps, minutes(31)),
    ]);
    expect(rounds[0] + rounds[1]).toBe(3);
    expect(asked()).toEqual([1, 1, 1]);
    // Asked and settled: no later round asks again.
    expect(await askForFacilitators(a.app.deps, minutes(120))).toBe(0);
    expect(asked()).toEqual([1, 1, 1]);
  });

  it("leaves the meeting open while another instance still holds a member's request, so that member is asked too", async () => {
    const now = new Date(Date.now() + 260 * 86_400_000);
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const { group, people } = await onlineGroup(a);
    const [grace] = people;
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
    const asked = () =>
      people.map(({ person }) => mailTo(person.email, /who will facilitate/).length);
    // Instance b claims the meeting, is slow to reach Grace, and stops before writing to her.
    expect(await claimMeetingsWithoutFacilitator(b.database.db, now)).toHaveLength(1);
    const claim = { meetingId: meeting.id, personId: grace!.person.id };
    expect(await claimRotaRequest(b.database.db, claim, minutes(20))).toBe(true);
    // The meeting's claim lapses first: the others are asked; Grace's request is still b's.
    await askForFacilitators(a.app.deps, minutes(31));
    expect(asked()).toEqual([0, 1, 1]);
    // The meeting stayed open, so once Grace's claim lapses too, she is asked, and only she.
    await askForFacilitators(a.app.deps, minutes(62));
    expect(asked()).toEqual([1, 1, 1]);
    await askForFacilitators(a.app.deps, minutes(180));
    expect(asked()).toEqual([1, 1, 1]);
  });

  it("asks again about a meeting moved beyond the coming week, a week before its new date", async () => {
    const now = new Date(Date.now() + 300 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
    const asked = () =>
      people.map(({ person }) => mailTo(person.email, /who will facilitate/).length);
    expect(await askForFacilitators(a.app.deps, now)).toBe(3);
    const later = localDateTime(new Date(now.getTime() + 20 * 86_400_000), "Europe/Rome");
    const moved = await moveMeeting(
      a.database.db,
      {
        group: { id: group.id, timeZone: "Europe/Rome" },
        meetingId: meeting.id,
        date: later.localDate,
        startTime: later.localTime,
        reason: "The hall is closed.",
      },
      now,
    );
    expect(moved.ok).toBe(true);
    expect(await askForFacilitators(a.app.deps, new Date(now.getTime() + 86_400_000))).toBe(0);
    expect(await askForFacilitators(a.app.deps, new Date(now.getTime() + 14 * 86_400_000))).toBe(3);
    expect(asked()).toEqual([2, 2, 2]);
  });

  it("asks the group again when the volunteer steps down, or leaves the group", async () => {
    const now = new Date(Date.now() + 90 * 86_400_000);
    a.clock.set(now);
    const { group, people } = await onlineGroup(a);
    const [, ada, marco] = people;
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 6 * 86_400_000));
    const asked = () =>
      people.map(({ person }) => mailTo(person.email, /who will facilitate/).length);
    expect(await askForFacilitators(a.app.deps, now)).toBe(3);
    expect(asked()).toEqual([1, 1, 1]);

    await volunteerToFacilitate(
      a.database.db,
      { groupId: group.id, meetingId: meeting.id, personId: ada!.person.id },
      now,
    );
    await stepDown(a.database.db, { meetingId: meeting.id, personId: ada!.person.id }, now);
    expect(await askForFacilitators(a.app.deps, now)).toBe(3);
    expect(asked()).toEqual([2, 2, 2]);

    await volunteerToFacilitate(
      a.database.db,
      { groupId: group.id, meetingId: meeting.id, personId: marco!.person.id },
      now,
    );
    expect((await marco!.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    const [after] = await a.database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after!.facilitatorId).toBeNull();
    expect(await askForFacilitators(a.app.deps, now)).toBe(2);
    expect(asked()).toEqual([3, 3, 2]);
  });

  it("finishes asking for a facilitator after the mail server failed half way, writing to nobody twice", async () => {
    const now = new Date(Date.now() + 60 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    await addMeetingAt(a, group.id, new Date(now.getTime() + 5 * 86_400_000));
    const failing = { ...a.app.deps, mailer: failingFrom(a.app.deps.mailer, 2) };
    await expect(askForFacilitators(failing, now)).rejects.toThrow("the mail server went away");
    expect(await askForFacilitators(b.app.deps, now)).toBe(2);
    for (const { person } of people) {
      expect(mailTo(person.email, /who will facilitate/)).toHaveLength(1);
    }
    expect(await askForFacilitators(a.app.deps, now)).toBe(0);
  });

  it("sends the week ahead to members who asked for it, and only to them", async () => {
    const now = new Date(Date.now() + 20 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    const [grace, ada] = people;
    await ada!.browser.post(`/groups/${group.slug}/reminders`, {
      emails: ["dayBefore", "weeklyDigest"],
    });
    await addMeetingAt(a, group.id, new Date(now.getTime() + 2 * 86_400_000));
    await sendDigests(a.app.deps, now);
    expect(mailTo(ada!.person.email, /the week ahead/)).toHaveLength(1);
    expect(mailTo(grace!.person.email, /the week ahead/)).toHaveLength(0);
  });

  it("sends each digest of a week once, on two instances, and after a round that failed", async () => {
    const now = new Date(Date.now() + 50 * 86_400_000);
    const { group, people } = await onlineGroup(a);
    for (const { browser } of people) {
      await browser.post(`/groups/${group.slug}/reminders`, { emails: ["weeklyDigest"] });
    }
    await addMeetingAt(a, group.id, new Date(now.getTime() + 2 * 86_400_000));
    const digests = () => people.map(({ person }) => mailTo(person.email, /the week ahead/).length);

    // The mail server fails after the first digest; the round is run again, as the queue retries.
    await expect(
      sendDigests({ ...a.app.deps, mailer: failingFrom(a.app.deps.mailer, 2) }, now),
    ).rejects.toThrow();
    await Promise.all([sendDigests(a.app.deps, now), sendDigests(b.app.deps, now)]);
    expect(digests()).toEqual([1, 1, 1]);
    await sendDigests(b.app.deps, now);
    expect(digests()).toEqual([1, 1, 1]);

    // The next week is another digest.
    await sendDigests(a.app.deps, new Date(now.getTime() + 7 * 86_400_000));
    expect(digests()).toEqual([2, 2, 2]);
  });

  it("sends a week's digest once when the round that failed on Monday is retried on Tuesday", async () => {
    // A Monday at 07:00 UTC, when the digest is due.
    const monday = new Date(Date.now() + 80 * 86_400_000);
    monday.setUTCHours(7, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const tuesday = new Date(monday.getTime() + 20 * 3_600_000);
    const { group, people } = await onlineGroup(a);
    for (const { browser } of people) {
      await browser.post(`/groups/${group.slug}/reminders`, { emails: ["weeklyDigest"] });
    }
    await addMeetingAt(a, group.id, new Date(monday.getTime() + 3 * 86_400_000));
    const digests = () => people.map(({ person }) => mailTo(person.email, /the week ahead/).length);

    // The mail server goes away after the first of this group's digests has gone.
    const ours = new Set(people.map(({ person }) => person.email));
    let sentToUs = 0;
    const goesAway = {
      async send(message: Parameters<typeof a.app.deps.mailer.send>[0]) {
        if (ours.has(String(message.to)) && ++sentToUs > 1) throw new Error("gone away");
        await a.app.deps.mailer.send(message);
      },
      close: () => undefined,
    };
    await expect(sendDigests({ ...a.app.deps, mailer: goesAway }, monday)).rejects.toThrow();
    expect(digests().sort()).toEqual([0, 0, 1]);
    await sendDigests(a.app.deps, tuesday);
    expect(digests()).toEqual([1, 1, 1]);
  });

  it("sends a digest or a request whose instance stopped after claiming it, once the claim lapses", async () => {
    const now = new Date(Date.now() + 160 * 86_400_000);
    now.setUTCHours(7, 0, 0, 0);
    const later = new Date(now.getTime() + 31 * 60_000);
    const { group, people } = await onlineGroup(a);
    const [grace, ada] = people;
    await ada!.browser.post(`/groups/${group.slug}/reminders`, {
      emails: ["weeklyDigest"],
    });
    const meeting = await addMeetingAt(a, group.id, new Date(now.getTime() + 5 * 86_400_000));
    const weekOf = digestWeek(now);
    expect(
      await claimDigest(
        b.database.db,
        { groupId: group.id, personId: ada!.person.id, weekOf },
        now,
      ),
    ).toBe(true);
    const claim = { meetingId: meeting.id, personId: grace!.person.id };
    await a.database.db
      .update(meetings)
      .set({ rotaAskedAt: now })
      .where(eq(meetings.id, meeting.id));
    expect(await claimRotaRequest(b.database.db, claim, now)).toBe(true);
    // The same claims, made again before they lapse, are refused.
    expect(await claimRotaRequest(a.database.db, claim, new Date(now.getTime() + 60_000))).toBe(
      false,
    );

    await sendDigests(a.app.deps, new Date(now.getTime() + 60_000));
    expect(mailTo(ada!.person.email, /the week ahead/)).toHaveLength(0);
    await sendDigests(a.app.deps, later);
    await sendDigests(b.app.deps, later);
    expect(mailTo(ada!.person.email, /the week ahead/)).toHaveLength(1);

    // The request for a facilitator, claimed by the stopped instance, is claimed afresh.
    expect(await claimRotaRequest(a.database.db, claim, later)).toBe(true);
    expect(await claimRotaRequest(b.database.db, claim, later)).toBe(false);
  });
});

describe("planning every group's meetings", () => {
  it("plans the groups never planned, and those whose plan falls short of 12 weeks", async () => {
    const now = new Date("2026-03-10T09:00:00.000Z");
    const weekly = await createGroup(a);
    const planned = await planDueGroups(a.database.db, now);
    expect(planned).toBeGreaterThanOrEqual(1);
    const [row] = await a.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(sql`${meetings.groupId} = ${weekly.id}`);
    expect(row!.n).toBe(13);
    // Planned now: nothing is due until the window has moved on by a day.
    expect(await planDueGroups(a.database.db, now)).toBe(0);
    expect(
      await planDueGroups(a.database.db, new Date(now.getTime() + 2 * 86_400_000)),
    ).toBeGreaterThanOrEqual(1);
  });
});

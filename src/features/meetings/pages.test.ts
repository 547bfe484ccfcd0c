import { and, asc, eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localDateTime } from "../../infra/time/zoned.js";
import { onceIn, TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { atTheSameMoment, whileAnotherCommits } from "../../test/same-moment.js";
import { failingFrom } from "../../test/smtp.js";
import { getGroupBySlug } from "../groups/reads.js";
import { sendChangeNotices } from "./changes/jobs.js";
import { changeFromQueue } from "./changes/writes.js";
import { attendance, meetingResponses, meetings } from "./tables.js";
import { planMeetings } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  // Tuesday 10 March 2026, 10:00 in Rome: half an hour before the weekly meeting.
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
  t.mail.clear();
});

async function plannedGroup(values: Parameters<typeof createGroup>[1] = {}) {
  const row = await createGroup(t, values);
  const group = (await getGroupBySlug(t.database.db, row.slug))!;
  await planMeetings(t.database.db, group, t.clock.now());
  return group;
}

async function meetingsOf(groupId: string) {
  return t.database.db
    .select()
    .from(meetings)
    .where(eq(meetings.groupId, groupId))
    .orderBy(asc(meetings.startsAt));
}

/** A facilitator and two members, each signed in. */
async function groupWithPeople(values: Parameters<typeof createGroup>[1] = {}) {
  const group = await plannedGroup(values);
  const grace = await personWithSession(t, { displayName: "Grace", language: "en" });
  const ada = await personWithSession(t, { displayName: "Ada", language: "it" });
  const marco = await personWithSession(t, { displayName: "Marco", language: "en" });
  await addMember(t, group.id, grace.person.id, "facilitator");
  await addMember(t, group.id, ada.person.id);
  await addMember(t, group.id, marco.person.id);
  return { group, grace, ada, marco };
}

describe("planning meetings from the schedule", () => {
  it("plans the next 12 weeks at 10:30 in Rome on both sides of the change to summer time", async () => {
    const group = await plannedGroup();
    const planned = await meetingsOf(group.id);
    // 10 March (under way soon) to 2 June: 13 Tuesdays that have not ended within 12 weeks.
    expect(planned).toHaveLength(13);
    for (const meeting of planned) {
      const local = localDateTime(meeting.startsAt, "Europe/Rome");
      expect(local.localTime).toBe("10:30");
      expect(new Date(`${local.localDate}T12:00:00Z`).getUTCDay()).toBe(2);
    }
    expect(planned[0]!.startsAt.toISOString()).toBe("2026-03-10T09:30:00.000Z");
    expect(planned.find((m) => m.occurrenceKey === "2026-03-31")!.startsAt.toISOString()).toBe(
      "2026-03-31T08:30:00.000Z",
    );
  });

  it("adds only what is missing when planned again, a week later", async () => {
    const group = await plannedGroup();
    const before = await meetingsOf(group.id);
    await planMeetings(t.database.db, group, t.clock.now());
    expect(await meetingsOf(group.id)).toHaveLength(before.length);
    t.clock.advance(7 * 86_400_000);
    await planMeetings(t.database.db, group, t.clock.now());
    const after = await meetingsOf(group.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((m) => m.id).slice(0, before.length)).toEqual(before.map((m) => m.id));
  });

  it("follows a change of schedule, cancelling rather than removing a meeting someone answered", async () => {
    const { group, ada } = await groupWithPeople();
    const [, second, third] = await meetingsOf(group.id);
    await t.database.db
      .insert(meetingResponses)
      .values({ meetingId: second!.id, personId: ada.person.id, answer: "yes" });
    await t.database.db.execute(
      sql`update groups set rrule = 'FREQ=WEEKLY;BYDAY=TH', weekday = 4 where id = ${group.id}`,
    );
    const changed = (await getGroupBySlug(t.database.db, group.slug))!;
    const result = await planMeetings(t.database.db, changed, t.clock.now());
    const after = await meetingsOf(group.id);
    const answered = after.find((m) => m.id === second!.id)!;
    expect(answered.status).toBe("cancelled");
    expect(answered.sequence).toBe(1);
    expect(after.find((m) => m.id === third!.id)).toBeUndefined();
    expect(result.cancelled.map((m) => m.id)).toEqual([second!.id]);
    const thursdays = after.filter((m) => m.status === "scheduled" && m.startsAt > t.clock.now());
    for (const m of thursdays) {
      expect(
        new Date(`${localDateTime(m.startsAt, "Europe/Rome").localDate}T12:00:00Z`).getUTCDay(),
      ).toBe(4);
    }
  });
});

describe("starting a group", () => {
  it("plans its meetings at once, and its founder sees them", async () => {
    const grace = await personWithSession(t, { displayName: "Grace" });
    const founded = await grace.browser.post("/groups", {
      name: "Caregivers online",
      description: "A group for people who care for someone with dementia.",
      firstMeeting: "",
      difficulties: "dementia-care",
      audience: "carers",
      languages: "en",
      format: "online",
      videoUrl: "https://video.example/room",
      scheduleKind: "weekly",
      weekday: "4",
      startsOn: "2026-03-12",
      startTime: "19:00",
      duration: "90",
      capacity: "12",
      joiningPolicy: "open",
      visibility: "listed",
    });
    expect(founded.statusCode).toBe(303);
    const slug = String(founded.headers.location).replace("/groups/", "");
    const group = (await getGroupBySlug(t.database.db, slug))!;
    expect(await meetingsOf(group.id)).toHaveLength(12);
    const page = await grace.browser.get(`/groups/${slug}`);
    expect(page.body).toContain(`href="/groups/${slug}/meetings"`);
    expect((await grace.browser.get(`/groups/${slug}/meetings`)).statusCode).toBe(200);
  });
});

describe("a member's meetings", () => {
  it("lists the coming meetings for members and lets them answer", async () => {
    const { group, ada } = await groupWithPeople();
    const list = await ada.browser.get(`/groups/${group.slug}/meetings`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("martedì 10 marzo 2026, ore 10:30");
    // The zone in words people use, not its database name.
    expect(list.body).toContain("(Ora dell’Europa centrale)");
    expect(list.body).not.toContain("Europe/Rome");
    const [first] = await meetingsOf(group.id);
    const answered = await ada.browser.post(`/groups/${group.slug}/meetings/${first!.id}/answer`, {
      answer: "yes",
    });
    expect(answered.statusCode).toBe(303);
    const page = await ada.browser.get(`/groups/${group.slug}/meetings/${first!.id}`);
    expect(page.body).toContain("Ada: viene");
    expect(page.body).toContain("Hai detto che verrai.");
  });

  it("answers 404 to people outside the group, as for a meeting that does not exist", async () => {
    const { group } = await groupWithPeople();
    const [first] = await meetingsOf(group.id);
    const stranger = await personWithSession(t, { displayName: "Luca" });
    for (const path of [
      `/groups/${group.slug}/meetings`,
      `/groups/${group.slug}/meetings/${first!.id}`,
      `/groups/${group.slug}/rota`,
    ]) {
      expect((await stranger.browser.get(path)).statusCode).toBe(404);
    }
    const missing = await stranger.browser.get(
      `/groups/${group.slug}/meetings/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.statusCode).toBe(404);
    const anonymous = await new TestBrowser(t.app).get(`/groups/${group.slug}/meetings`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in");
  });

  it("shows the video link's button only from 15 minutes before, and the dial-in always", async () => {
    const { group, marco } = await groupWithPeople({
      format: "hybrid",
      videoUrl: "https://video.example/caffe",
      phoneNumber: "+39 0461 000111",
      phonePin: "4321",
    });
    const [first] = await meetingsOf(group.id);
    const early = await marco.browser.get(`/groups/${group.slug}/meetings/${first!.id}`);
    expect(early.body).not.toContain("https://video.example/caffe");
    expect(early.body).toContain("PIN: 4321");
    t.clock.set(new Date("2026-03-10T09:16:00.000Z"));
    const soon = await marco.browser.get(`/groups/${group.slug}/meetings/${first!.id}`);
    expect(soon.body).toContain('href="https://video.example/caffe"');
    expect(soon.body).toContain("Join the meeting now");
  });
});

describe("moving and cancelling a meeting", () => {
  it("e-mails every member the new time in words with an .ics that updates the same UID", async () => {
    const { group, grace, ada, marco } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[2]!; // Tuesday 24 March
    const moved = await grace.browser.post(`/groups/${group.slug}/meetings/${target.id}/move`, {
      date: "2026-03-26",
      startTime: "15:00",
      reason: "The hall is closed on Tuesday.",
    });
    expect(moved.statusCode).toBe(303);
    await t.runJobs();

    for (const person of [grace.person, ada.person, marco.person]) {
      const mail = await t.mail.lastTo(person.email);
      const invitation = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      expect(invitation, `an invitation to ${person.email}`).toBeDefined();
      const calendar = new ICAL.Component(ICAL.parse(invitation!.content));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      // From the instance, as organizer: calendar programs apply updates only from it.
      expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("organizer")).toBe(
        "mailto:no-reply@localhost",
      );
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.uid).toBe(target.uid);
      expect(event.sequence).toBeGreaterThan(target.sequence);
      expect(event.startDate.toString()).toBe("2026-03-26T15:00:00");
      expect(event.startDate.zone?.tzid).toBe("Europe/Rome");
      if (person.id === ada.person.id) {
        expect(mail.text).toContain("giovedì 26 marzo 2026, ore 15:00");
        expect(mail.text).toContain("The hall is closed on Tuesday.");
      } else {
        expect(mail.text).toContain("Thursday 26 March 2026, 3:00pm");
        expect(mail.text).toContain("Tuesday 24 March 2026, 10:30am");
      }
    }
    const [after] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(after!.startsAt.toISOString()).toBe("2026-03-26T14:00:00.000Z");
    expect(after!.moved).toBe(true);

    // The group's page tells search engines the new time.
    const publicPage = await new TestBrowser(t.app).get(`/groups/${group.slug}`);
    const starts = structuredData(publicPage.body).subEvent.map((e) => e.startDate);
    expect(starts).toContain("2026-03-26T15:00:00+01:00");
    expect(starts).not.toContain("2026-03-24T10:30:00+01:00");

    // The schedule is planned again later: the moved meeting stays where it was put.
    await planMeetings(t.database.db, group, t.clock.now());
    const [kept] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(kept!.startsAt.toISOString()).toBe("2026-03-26T14:00:00.000Z");
  });

  it("moves or cancels a meeting once when the form is sent twice, each member told once", async () => {
    const { group, grace, ada } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[2]!;
    const url = `/groups/${group.slug}/meetings/${target.id}`;
    t.mail.clear();
    const move = { date: "2026-03-26", startTime: "15:00", reason: "The hall is closed." };
    const moved = await Promise.all([
      grace.browser.post(`${url}/move`, move),
      grace.browser.post(`${url}/move`, move),
    ]);
    expect(moved.map((r) => r.statusCode)).toEqual([303, 303]);
    await t.runJobs();
    await t.mail.lastTo(ada.person.email);
    const toAda = () => t.mail.messages.filter((m) => m.to.includes(ada.person.email));
    expect(toAda()).toHaveLength(1);
    const [after] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(after!.sequence).toBe(target.sequence + 1);

    const reason = { reason: "Too few of us can come." };
    const cancelled = await Promise.all([
      grace.browser.post(`${url}/cancel`, reason),
      grace.browser.post(`${url}/cancel`, reason),
    ]);
    // Sent again later, the page kept open: the same answer, not "this cannot be done now".
    const later = await grace.browser.post(`${url}/cancel`, reason);
    expect([...cancelled, later].map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, url]),
    );
    await t.runJobs();
    expect(toAda()).toHaveLength(2);
    expect(toAda()[1]!.text).toContain("Too few of us can come.");
  });

  it("tells every member once, though the mail server fails half way or refuses an address for good", async () => {
    const { group, grace, ada, marco } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[3]!;
    t.mail.refused.add(marco.person.email);
    try {
      const moved = await grace.browser.post(`/groups/${group.slug}/meetings/${target.id}/move`, {
        date: "2026-04-02",
        startTime: "15:00",
        reason: "The hall is closed.",
      });
      // The change is saved and the page answers whatever the mail server does.
      expect(moved.statusCode).toBe(303);
      const { rows } = await t.database.pool.query(
        "select payload from graphile_worker._private_jobs where key = $1",
        [`meeting-change:${target.id}:${target.sequence + 1}`],
      );
      const change = changeFromQueue(rows[0]?.payload);
      expect(change?.meeting.startsAt.toISOString()).toBe("2026-04-02T13:00:00.000Z");
      // A first run stops when the mail server goes away after one message; the queue runs the
      // job again, and it writes only to those not yet written to.
      const failing = { ...t.app.deps, mailer: failingFrom(t.app.deps.mailer, 2) };
      await expect(sendChangeNotices(failing, change!, t.clock.now())).rejects.toThrow();
      await t.runJobs();
      const about = (email: string) =>
        t.mail.messages.filter(
          (m) => m.to.includes(email) && m.text.includes("The hall is closed."),
        );
      expect(about(grace.person.email)).toHaveLength(1);
      expect(about(ada.person.email)).toHaveLength(1);
      expect(about(marco.person.email)).toHaveLength(0);
    } finally {
      t.mail.refused.clear();
    }
  });

  it("sends a cancellation every calendar applies to the event it has", async () => {
    const { group, grace, ada } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[1]!;
    const cancelled = await grace.browser.post(
      `/groups/${group.slug}/meetings/${target.id}/cancel`,
      { reason: "Grace is unwell." },
    );
    expect(cancelled.statusCode).toBe(303);
    await t.runJobs();
    const mail = await t.mail.lastTo(ada.person.email);
    const invitation = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const calendar = new ICAL.Component(ICAL.parse(invitation.content));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("uid")).toBe(target.uid);
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    const page = await ada.browser.get(`/groups/${group.slug}/meetings`);
    expect(page.body).toContain("Questo incontro è annullato.");

    // Subscribed calendars learn it from the group's public feed too, and so does its page.
    const feed = await new TestBrowser(t.app).get(`/groups/${group.slug}/calendar.ics`);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents("vevent");
    const same = events.filter((e) => e.getFirstPropertyValue("uid") === target.uid);
    expect(same).toHaveLength(1);
    expect(same[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(same[0]!.getFirstPropertyValue("sequence")).toBe(1);
    const publicPage = await new TestBrowser(t.app).get(`/groups/${group.slug}`);
    expect(publicPage.body).toContain("<del>Tuesday 17 March 2026, 10:30am (CET)</del>");
    // Search engines read the page's structured data: the meeting is marked as not happening.
    const series = structuredData(publicPage.body);
    expect(series.subEvent).toEqual([
      expect.objectContaining({
        startDate: "2026-03-10T10:30:00+01:00",
        eventStatus: "https://schema.org/EventScheduled",
      }),
      expect.objectContaining({
        startDate: "2026-03-17T10:30:00+01:00",
        eventStatus: "https://schema.org/EventCancelled",
      }),
      expect.objectContaining({
        startDate: "2026-03-24T10:30:00+01:00",
        eventStatus: "https://schema.org/EventScheduled",
      }),
    ]);
  });

  it("refuses a meeting in the past or one that ends before it starts, keeping what was typed", async () => {
    const { group, grace } = await groupWithPeople();
    const before = await meetingsOf(group.id);
    t.mail.clear();
    const past = await grace.browser.post(`/groups/${group.slug}/meetings`, {
      date: "2026-03-09",
      startTime: "10:00",
      endTime: "11:00",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("Choose a date and time that have not passed yet");
    expect(past.body).toContain('value="2026-03-09"');
    const backwards = await grace.browser.post(`/groups/${group.slug}/meetings`, {
      date: "2026-04-02",
      startTime: "11:00",
      endTime: "10:00",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain("The meeting must end after it starts");
    const target = before[1]!;
    const movedBack = await grace.browser.post(`/groups/${group.slug}/meetings/${target.id}/move`, {
      date: "2026-03-01",
      startTime: "10:30",
      reason: "Earlier",
    });
    expect(movedBack.statusCode).toBe(400);
    expect(await meetingsOf(group.id)).toEqual(before);
    expect(t.mail.messages).toHaveLength(0);

    // The date as people write it.
    const added = await grace.browser.post(`/groups/${group.slug}/meetings`, {
      date: "Thursday 2 April 2026",
      startTime: "17:00",
      endTime: "18:30",
      theme: "Holidays with someone who has dementia",
    });
    expect(added.statusCode).toBe(303);
    const after = await meetingsOf(group.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((m) => m.startsAt.toISOString())).toContain("2026-04-02T15:00:00.000Z");
  });

  it("adds one meeting when the form is sent twice (a double click), even after a mistake", async () => {
    const { group, grace } = await groupWithPeople();
    const before = await meetingsOf(group.id);
    const form = await grace.browser.get(`/groups/${group.slug}/meetings/new`);
    const once = onceIn(form.body);
    const meeting = { date: "2/4/2026", startTime: "17:00", endTime: "18:30", _once: once };
    const wrong = await grace.browser.post(`/groups/${group.slug}/meetings`, {
      ...meeting,
      endTime: "16:00",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(`name="_once" value="${once}"`);
    const [first, second] = await Promise.all([
      grace.browser.post(`/groups/${group.slug}/meetings`, meeting),
      grace.browser.post(`/groups/${group.slug}/meetings`, meeting),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await meetingsOf(group.id)).toHaveLength(before.length + 1);
  });

  it("takes a member's theme once, however often it is sent, for a facilitator to choose", async () => {
    const { group, grace, ada } = await groupWithPeople();
    const meeting = (await meetingsOf(group.id))[1]!;
    const url = `/groups/${group.slug}/meetings/${meeting.id}`;
    const once = onceIn((await ada.browser.get(url)).body);
    const tooLong = await ada.browser.post(`${url}/suggestions`, {
      text: "Dormire ".repeat(30),
      _once: once,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(`name="_once" value="${once}"`);
    const sent = { text: "Dormire quando si assiste di notte", _once: once };
    const [first, second] = await Promise.all([
      ada.browser.post(`${url}/suggestions`, sent),
      ada.browser.post(`${url}/suggestions`, sent),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(url);
    const page = (await grace.browser.get(url)).body;
    expect(page.split("Dormire quando si assiste di notte (suggested by Ada)")).toHaveLength(2);
    expect(
      (await grace.browser.post(`${url}/theme`, { theme: "Dormire quando si assiste di notte" }))
        .statusCode,
    ).toBe(303);
    expect((await grace.browser.get(url)).body).toContain(
      "Theme: Dormire quando si assiste di notte",
    );
  });

  it("answers 409, saving nothing, when the meeting is taken off just as a member answers it", async () => {
    const { group, ada } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[1]!;
    // A new schedule takes the meeting off at the very moment Ada's answer is written.
    const answered = await atTheSameMoment(
      t,
      {
        table: "meeting_responses",
        when: "before insert",
        statement: "delete from meetings where id = new.meeting_id",
      },
      () =>
        ada.browser.post(`/groups/${group.slug}/meetings/${target.id}/answer`, { answer: "yes" }),
    );
    expect(answered.statusCode).toBe(409);
    expect(answered.body).toContain("È cambiato proprio in quel momento");
    expect(t.logs.join("")).not.toContain("request failed");
  });

  it("records no answer and no facilitator from a member removed at the same moment", async () => {
    const { group, ada } = await groupWithPeople();
    const meeting = (await meetingsOf(group.id))[1]!;
    const url = `/groups/${group.slug}/meetings/${meeting.id}`;
    // The removal lands first, by a hair: Ada's page still offered her the buttons.
    const membership = "update memberships set state = $3 where group_id = $1 and person_id = $2";
    const removed = { text: membership, values: [group.id, ada.person.id, "removed"] };
    const answered = await whileAnotherCommits(t, removed, () =>
      ada.browser.post(`${url}/answer`, { answer: "yes" }),
    );
    expect(answered.statusCode).toBe(404);
    await t.database.pool.query(membership, [group.id, ada.person.id, "active"]);
    const volunteered = await whileAnotherCommits(t, removed, () =>
      ada.browser.post(`${url}/volunteer`),
    );
    expect(volunteered.statusCode).toBe(404);
    const answers = await t.database.db
      .select()
      .from(meetingResponses)
      .where(eq(meetingResponses.meetingId, meeting.id));
    expect(answers).toEqual([]);
    const [after] = await t.database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after!.facilitatorId).toBeNull();
  });

  it("lets only the group's facilitators change meetings", async () => {
    const { group, ada } = await groupWithPeople();
    const target = (await meetingsOf(group.id))[1]!;
    const tried = await ada.browser.post(`/groups/${group.slug}/meetings/${target.id}/cancel`, {
      reason: "No",
    });
    expect(tried.statusCode).toBe(403);
    expect((await ada.browser.get(`/groups/${group.slug}/meetings/new`)).statusCode).toBe(404);
    const [same] = await t.database.db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(same!.status).toBe("scheduled");
  });
});

describe("the rota and attendance", () => {
  it("says plainly when no meetings are planned, with no empty table", async () => {
    const { group, grace } = await groupWithPeople({
      scheduleKind: "one_off",
      rrule: null,
      startsOn: null,
      weekday: null,
    });
    const rota = await grace.browser.get(`/groups/${group.slug}/rota`);
    expect(rota.statusCode).toBe(200);
    expect(rota.body).toContain("No meetings are planned at the moment.");
    expect(rota.body).not.toContain("<table");
  });

  it("lets a member volunteer, records who came, and counts the members who led", async () => {
    const { group, grace, ada, marco } = await groupWithPeople();
    const [first, second] = await meetingsOf(group.id);
    expect(
      (await marco.browser.post(`/groups/${group.slug}/meetings/${first!.id}/volunteer`))
        .statusCode,
    ).toBe(303);
    // The place is taken: a second volunteer is told, and the rota is unchanged.
    await ada.browser.post(`/groups/${group.slug}/meetings/${first!.id}/volunteer`);
    const [taken] = await t.database.db.select().from(meetings).where(eq(meetings.id, first!.id));
    expect(taken!.facilitatorId).toBe(marco.person.id);
    await ada.browser.post(`/groups/${group.slug}/meetings/${second!.id}/volunteer`);

    // The meeting has started: Marco records who came; Ada records herself.
    t.clock.set(new Date("2026-03-10T09:45:00.000Z"));
    const stranger = await personWithSession(t, { displayName: "Luca" });
    const refused = await marco.browser.post(
      `/groups/${group.slug}/meetings/${first!.id}/attendance`,
      { present: [grace.person.id, stranger.person.id] },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Tick only members of the group");
    const recordedNothing = await t.database.db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, first!.id));
    expect(recordedNothing).toHaveLength(0);
    const recorded = await marco.browser.post(
      `/groups/${group.slug}/meetings/${first!.id}/attendance`,
      { present: grace.person.id },
    );
    expect(recorded.statusCode).toBe(303);
    expect(
      (await ada.browser.post(`/groups/${group.slug}/meetings/${first!.id}/present`)).statusCode,
    ).toBe(303);
    const present = await t.database.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, first!.id)));
    expect(present.map((p) => p.personId).sort()).toEqual([grace.person.id, ada.person.id].sort());
    const page = await grace.browser.get(`/groups/${group.slug}/meetings/${first!.id}`);
    expect(page.body).toContain("Who came");
    expect(
      (await stranger.browser.get(`/groups/${group.slug}/meetings/${first!.id}`)).statusCode,
    ).toBe(404);

    // A week later, the rota shows who led, and that one member led in the last 3 months.
    t.clock.set(new Date("2026-03-12T09:00:00.000Z"));
    const rota = await grace.browser.get(`/groups/${group.slug}/rota`);
    expect(rota.statusCode).toBe(200);
    expect(rota.body).toContain("In the last 3 months, 1 member led a meeting.");
    expect(rota.body).toContain("Marco");
    expect(rota.body).toContain("Ada");

    // Ada leaves the group. Saving the list again, without her name on it, keeps that she came.
    expect((await ada.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    const [stillMarco] = await t.database.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, second!.id));
    expect(stillMarco!.facilitatorId).toBeNull();
    await marco.browser.post(`/groups/${group.slug}/meetings/${first!.id}/attendance`, {
      present: grace.person.id,
    });
    const kept = await t.database.db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, first!.id));
    expect(kept.map((p) => p.personId).sort()).toEqual([grace.person.id, ada.person.id].sort());
  });
});

/** The schema.org data a group's page carries for search engines. */
function structuredData(html: string): { subEvent: { startDate: string; eventStatus: string }[] } {
  const found = html.match(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/);
  if (!found?.[1]) throw new Error("the page has no structured data");
  return JSON.parse(found[1]);
}

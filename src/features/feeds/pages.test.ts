import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthlyRule } from "../../infra/time/recurrence.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup, createPerson } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groupOneOffDates } from "../groups/tables.js";
import { cancelMeeting, moveMeeting } from "../meetings/changes/writes.js";
import { listUpcomingMeetings } from "../meetings/reads.js";
import { planMeetings } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { joinGroup, leaveGroup } from "../memberships/writes.js";

// Sentinels: none of these may ever appear in a public feed.
const VIDEO = "https://video.example/room-SENTINEL-VIDEO";
const PHONE = "+39 0461 555 SENTINEL";
const PIN = "SENTINEL-PIN-4711";
const STREET = "Vicolo Segreto 7 SENTINEL-STREET";
const POSTCODE = "SENTINEL-CAP";
const VENUE = "Casa Privata SENTINEL-VENUE";
const EXACT_LATITUDE = 46.0679137;
const EXACT_LONGITUDE = 11.1211449;
const PEOPLE = ["Zebedee Quillfeather", "Ottilia Brambleworth", "Crispin Harrowgate"];

const privateValues = [
  VIDEO,
  PHONE,
  PIN,
  STREET,
  POSTCODE,
  VENUE,
  String(EXACT_LATITUDE),
  String(EXACT_LONGITUDE),
  ...PEOPLE,
  ...PEOPLE.map((name) => name.split(" ")[1]!),
];

const privateFields = {
  videoUrl: VIDEO,
  phoneNumber: PHONE,
  phonePin: PIN,
  streetAddress: STREET,
  postalCode: POSTCODE,
  venueName: VENUE,
  latitude: EXACT_LATITUDE,
  longitude: EXACT_LONGITUDE,
  publishAddress: false,
};

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ publicUrl: "https://groups.example.org" });
});
afterAll(async () => {
  await t?.close();
});

async function withPeople(groupId: string) {
  const [founder, ...members] = await Promise.all(
    PEOPLE.map((displayName) => createPerson(t, { displayName })),
  );
  await t.database.db.execute(
    sql`update groups set founded_by = ${founder!.id} where id = ${groupId}`,
  );
  await t.database.db.insert(memberships).values(
    [founder!, ...members].map((person, i) => ({
      groupId,
      personId: person.id,
      state: "active" as const,
      role: i === 0 ? ("facilitator" as const) : ("member" as const),
      joinedAt: new Date("2026-01-01T10:00:00Z"),
    })),
  );
}

async function createOrganisation(name: string): Promise<string> {
  const result = await t.database.db.execute<{ id: string }>(
    sql`insert into organisations (name, contact_email) values (${name}, 'coordinator@example.org') returning id`,
  );
  return result.rows[0]!.id;
}

type ParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  location: string | null;
  description: string;
  url: string;
  tzid: string | null;
  local: string;
  utc: string;
};

function parseCalendar(text: string): { events: ParsedEvent[]; zones: string[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location ?? null,
      description: event.description,
      url: String(vevent.getFirstPropertyValue("url")),
      tzid: (vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string) ?? null,
      local: `${start.year}-${pad(start.month)}-${pad(start.day)}T${pad(start.hour)}:${pad(start.minute)}`,
      utc: start.toJSDate().toISOString(),
    };
  });
  return { events, zones: zones.map((z) => String(z.getFirstPropertyValue("tzid"))) };
}

describe("a group's calendar feed", () => {
  it("keeps a monthly second-Tuesday 10:30 Rome meeting at 10:30 local in March and November", async () => {
    const group = await createGroup(t, {
      ...privateFields,
      scheduleKind: "monthly",
      rrule: monthlyRule(2, 2),
      startsOn: "2026-01-13",
      startTime: "10:30:00",
      durationMinutes: 90,
    });
    await withPeople(group.id);

    t.clock.set(new Date("2026-02-20T12:00:00Z"));
    const spring = await t.app.inject(`/groups/${group.slug}/calendar.ics`);
    expect(spring.statusCode).toBe(200);
    expect(spring.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const march = parseCalendar(spring.body);
    expect(march.zones).toEqual(["Europe/Rome"]);
    expect(march.events.map((e) => [e.local, e.utc])).toEqual([
      ["2026-03-10T10:30", "2026-03-10T09:30:00.000Z"],
      ["2026-04-14T10:30", "2026-04-14T08:30:00.000Z"],
      ["2026-05-12T10:30", "2026-05-12T08:30:00.000Z"],
    ]);

    t.clock.set(new Date("2026-10-01T12:00:00Z"));
    const autumn = parseCalendar((await t.app.inject(`/groups/${group.slug}/calendar.ics`)).body);
    expect(autumn.events.map((e) => [e.local, e.utc])).toEqual([
      ["2026-10-13T10:30", "2026-10-13T08:30:00.000Z"],
      ["2026-11-10T10:30", "2026-11-10T09:30:00.000Z"],
      ["2026-12-08T10:30", "2026-12-08T09:30:00.000Z"],
    ]);
    for (const event of [...march.events, ...autumn.events]) {
      expect(event.tzid).toBe("Europe/Rome");
      expect(event.uid).toBe(`${group.id}-${event.local.slice(0, 10)}@mutua`);
      expect(event.sequence).toBe(0);
      expect(event.summary).toBe(group.name);
      expect(event.location).toBe("Trento");
      expect(event.url).toBe(`https://groups.example.org/groups/${group.slug}`);
      expect(event.description).toContain(group.description);
    }
  });

  it("lists that monthly group in the Meeting Guide feed on Tuesdays at 10:30 Rome time in March and November", async () => {
    const group = await createGroup(t, {
      scheduleKind: "monthly",
      rrule: monthlyRule(2, 2),
      startsOn: "2026-01-13",
      startTime: "10:30:00",
      durationMinutes: 90,
      languages: ["it"],
    });
    const feedEntry = async () => {
      const entries: Record<string, unknown>[] = (await t.app.inject("/meetings.json")).json();
      return entries.find((entry) => entry.slug === group.slug);
    };
    const when = { day: 2, time: "10:30", end_time: "12:00", timezone: "Europe/Rome" };

    t.clock.set(new Date("2026-02-20T12:00:00Z"));
    const spring = await feedEntry();
    expect(spring).toMatchObject(when);
    expect(spring?.notes).toMatch(
      /^Non ogni settimana\. Ogni secondo martedì del mese alle 10:30\. Prossimo incontro: martedì 10 marzo 2026\./,
    );

    t.clock.set(new Date("2026-10-20T12:00:00Z"));
    const autumn = await feedEntry();
    expect(autumn).toMatchObject(when);
    expect(autumn?.notes).toMatch(/Prossimo incontro: martedì 10 novembre 2026\./);
    expect(meetingGuideProblems(autumn!)).toEqual([]);
  });

  it("writes the time as TZID local time with the zone's VTIMEZONE, never only in UTC", async () => {
    const group = await createGroup(t, {
      timeZone: "America/New_York",
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      startsOn: "2026-03-01",
      startTime: "09:00:00",
      weekday: 0,
    });
    t.clock.set(new Date("2026-02-25T12:00:00Z"));
    const body = (await t.app.inject(`/groups/${group.slug}/calendar.ics`)).body;
    expect(body).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York");
    expect(body).toContain("DTSTART;TZID=America/New_York:20260301T090000");
    expect(body).toContain("DTSTART;TZID=America/New_York:20260308T090000");
    expect(body).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const { events } = parseCalendar(body);
    expect(events).toHaveLength(12);
    expect(events.slice(0, 2).map((e) => e.utc)).toEqual([
      "2026-03-01T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
    ]);
  });

  it("never carries the video link, telephone, PIN, unpublished address or anyone's name", async () => {
    const hybrid = await createGroup(t, { ...privateFields, format: "hybrid" });
    await withPeople(hybrid.id);
    const online = await createGroup(t, { ...privateFields, format: "online", town: null });
    t.clock.set(new Date("2026-03-01T12:00:00Z"));
    for (const group of [hybrid, online]) {
      const body = (await t.app.inject(`/groups/${group.slug}/calendar.ics`)).body;
      for (const value of privateValues) expect(body).not.toContain(value);
      const { events } = parseCalendar(body);
      expect(events.length).toBeGreaterThan(0);
      expect(events[0]!.location).toBe(
        group.format === "online" ? "Online" : "Trento, oppure online",
      );
    }
  });

  it("writes the street address when the group publishes it", async () => {
    const group = await createGroup(t, {
      publishAddress: true,
      venueName: "Sala civica",
      streetAddress: "Via Roma 1",
      postalCode: "38122",
    });
    t.clock.set(new Date("2026-03-01T12:00:00Z"));
    const { events } = parseCalendar(
      (await t.app.inject(`/groups/${group.slug}/calendar.ics`)).body,
    );
    expect(events[0]!.location).toBe("Sala civica, Via Roma 1, 38122 Trento");
  });

  it("adds one-off dates to the calendar", async () => {
    const group = await createGroup(t, {
      scheduleKind: "one_off",
      rrule: null,
      startsOn: "2026-04-02",
      startTime: "15:00:00",
      weekday: null,
    });
    await t.database.db.insert(groupOneOffDates).values([
      { groupId: group.id, startsAtLocal: new Date("2026-04-02T15:00:00Z") },
      { groupId: group.id, startsAtLocal: new Date("2026-05-07T18:30:00Z") },
    ]);
    t.clock.set(new Date("2026-03-20T12:00:00Z"));
    const { events } = parseCalendar(
      (await t.app.inject(`/groups/${group.slug}/calendar.ics`)).body,
    );
    expect(events.map((e) => e.local)).toEqual(["2026-04-02T15:00", "2026-05-07T18:30"]);
  });

  it("gives one meeting's file as the meeting now stands: moved, or cancelled", async () => {
    const group = await createGroup(t, { startsOn: "2026-03-03" });
    t.clock.set(new Date("2026-03-01T12:00:00Z"));
    const stored = (await getGroupBySlug(t.database.db, group.slug))!;
    await planMeetings(t.database.db, stored, t.clock.now());
    const file = async (date: string) =>
      parseCalendar((await t.app.inject(`/groups/${group.slug}/meetings/${date}.ics`)).body)
        .events[0]!;
    const before = await file("2026-03-10");
    expect(before).toMatchObject({ local: "2026-03-10T10:30", sequence: 0 });

    const planned = await listUpcomingMeetings(
      t.database.db,
      group.id,
      "00000000-0000-0000-0000-000000000000",
      {
        now: t.clock.now(),
        to: new Date("2026-03-25T00:00:00Z"),
      },
    );
    const on = (date: string) => planned.find((m) => m.occurrenceKey === date)!;
    const [tenth, seventeenth] = [on("2026-03-10"), on("2026-03-17")];
    await moveMeeting(
      t.database.db,
      {
        group: stored,
        meetingId: tenth!.id,
        date: "2026-03-12",
        startTime: "15:00",
        reason: "The hall is closed.",
      },
      t.clock.now(),
    );
    await cancelMeeting(
      t.database.db,
      { groupId: group.id, meetingId: seventeenth!.id, reason: "Easter." },
      t.clock.now(),
    );
    const moved = await file("2026-03-10");
    expect(moved).toMatchObject({ uid: before.uid, local: "2026-03-12T15:00", sequence: 1 });
    // Years ahead, there is nothing to look for.
    expect((await t.app.inject(`/groups/${group.slug}/meetings/9999-12-28.ics`)).statusCode).toBe(
      404,
    );
    const cancelled = await t.app.inject(`/groups/${group.slug}/meetings/2026-03-17.ics`);
    const vevent = new ICAL.Component(ICAL.parse(cancelled.body)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("serves an unlisted group's calendar by its address, a paused or closed one's empty", async () => {
    const unlisted = await createGroup(t, { visibility: "unlisted" });
    const paused = await createGroup(t, { status: "paused" });
    const closed = await createGroup(t, {
      ...privateFields,
      name: "Gruppo del giovedì a Rovereto",
      status: "closed",
    });
    t.clock.set(new Date("2026-03-01T12:00:00Z"));

    const shown = await t.app.inject(`/groups/${unlisted.slug}/calendar.ics`);
    expect(shown.statusCode).toBe(200);
    expect(parseCalendar(shown.body).events.length).toBe(12);
    // Reachable by its link, but kept out of search engines, page and files alike.
    expect(shown.headers["x-robots-tag"]).toBe("noindex");
    const page = await t.app.inject(`/groups/${unlisted.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["x-robots-tag"]).toBe("noindex");
    const listed = await t.app.inject(`/groups/${paused.slug}/calendar.ics`);
    expect(listed.headers["x-robots-tag"]).toBeUndefined();

    const quiet = await t.app.inject(`/groups/${paused.slug}/calendar.ics`);
    expect(quiet.statusCode).toBe(200);
    expect(parseCalendar(quiet.body).events).toEqual([]);

    // A calendar program that subscribed takes the closed group's meetings away at its next look.
    const ended = await t.app.inject(`/groups/${closed.slug}/calendar.ics`);
    expect(ended.statusCode).toBe(200);
    expect(ended.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(parseCalendar(ended.body).events).toEqual([]);
    expect(ended.body).toContain("Questo gruppo ha chiuso");
    expect(ended.body).not.toContain("Rovereto");
    for (const value of privateValues) expect(ended.body).not.toContain(value);
    expect((await t.app.inject(`/groups/${closed.slug}/meetings/2026-03-03.ics`)).statusCode).toBe(
      404,
    );
    expect((await t.app.inject("/groups/no-such-group/calendar.ics")).statusCode).toBe(404);
    expect((await t.app.inject("/groups/NOT_A_SLUG/calendar.ics")).statusCode).toBe(404);
  });
});

describe("one meeting's .ics", () => {
  it("answers one event for a day the group meets, and 404 for any other day", async () => {
    const group = await createGroup(t, { visibility: "unlisted" });
    const found = await t.app.inject(`/groups/${group.slug}/meetings/2026-11-10.ics`);
    expect(found.statusCode).toBe(200);
    expect(found.headers["content-disposition"]).toBe(
      `attachment; filename="${group.slug}-2026-11-10.ics"`,
    );
    const { events } = parseCalendar(found.body);
    expect(events.map((e) => [e.uid, e.local, e.utc])).toEqual([
      [`${group.id}-2026-11-10@mutua`, "2026-11-10T10:30", "2026-11-10T09:30:00.000Z"],
    ]);
    for (const date of ["2026-11-11", "2026-02-30", "2026-1-1", "tomorrow"]) {
      const missing = await t.app.inject(`/groups/${group.slug}/meetings/${date}.ics`);
      expect(missing.statusCode, date).toBe(404);
    }
  });
});

/** The field types of the Meeting Guide spec (code4recovery/spec, meeting.schema.json). */
function meetingGuideProblems(entry: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const is = (ok: boolean, what: string) => ok || problems.push(what);
  const optionalString = (key: string) =>
    entry[key] === undefined || is(typeof entry[key] === "string", `${key} is a string`);
  const hhmm = /^([01]?[0-9]|2[0-3]):[0-5][0-9]$/;
  is(typeof entry.name === "string" && entry.name.length > 0, "name required");
  is((entry.name as string)?.length <= 255, "name ≤ 255");
  is(typeof entry.slug === "string" && /^[a-z0-9-]{1,64}$/.test(entry.slug), "slug URL-safe ≤ 64");
  const days = Array.isArray(entry.day) ? entry.day : [entry.day];
  is(
    days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6),
    "day 0–6 or array",
  );
  is(typeof entry.time === "string" && hhmm.test(entry.time), "time HH:MM");
  is(typeof entry.end_time === "string" && hhmm.test(entry.end_time), "end_time HH:MM");
  is(typeof entry.timezone === "string" && isZone(entry.timezone), "timezone tz name");
  for (const key of [
    "formatted_address",
    "location",
    "region",
    "notes",
    "conference_url_notes",
    "conference_phone_notes",
    "group",
    "entity",
    "entity_email",
    "entity_phone",
  ])
    optionalString(key);
  for (const key of ["latitude", "longitude"])
    is(entry[key] === undefined || typeof entry[key] === "number", `${key} is a number`);
  is(
    entry.approximate === undefined || ["yes", "no"].includes(entry.approximate as string),
    "approximate yes/no",
  );
  is(
    Array.isArray(entry.types) && entry.types.every((x) => typeof x === "string"),
    "types strings",
  );
  for (const key of ["url", "entity_website_url"])
    is(entry[key] === undefined || URL.canParse(String(entry[key])), `${key} is a URI`);
  is(
    entry.updated === undefined ||
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(entry.updated)),
    "updated YYYY-MM-DD HH:MM:SS",
  );
  for (const key of Object.keys(entry)) {
    is(!/^contact_/.test(key), `no ${key}`);
    is(!["conference_url", "conference_phone", "feedback_emails"].includes(key), `no ${key}`);
  }
  return problems;
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

describe("the Meeting Guide feed", () => {
  let entries: Record<string, unknown>[];
  let body: string;
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    const organisationId = await createOrganisation("Associazione Carers Trentino");
    const weekly = await createGroup(t, {
      ...privateFields,
      name: "Caffè Alzheimer del martedì",
      organisationId,
      stepFree: true,
      accessibleToilet: true,
      languages: ["it", "en"],
    });
    await withPeople(weekly.id);
    const published = await createGroup(t, {
      publishAddress: true,
      venueName: "Sala civica",
      streetAddress: "Via Roma 1",
      postalCode: "38122",
      joiningPolicy: "ask",
      rrule: "FREQ=WEEKLY;BYDAY=MO,TH",
      startTime: "18:00:00",
      durationMinutes: 120,
    });
    const online = await createGroup(
      t,
      { ...privateFields, format: "online", town: null, languages: ["en"] },
      ["lgbt-later-life"],
    );
    const telephone = await createGroup(t, { ...privateFields, format: "telephone", town: null });
    const fortnightly = await createGroup(t, {
      scheduleKind: "fortnightly",
      rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
      startsOn: "2026-01-08",
      startTime: "15:00:00",
      languages: ["en"],
    });
    const excluded = {
      oneOff: await createGroup(t, { scheduleKind: "one_off", rrule: null }),
      unlisted: await createGroup(t, { visibility: "unlisted" }),
      paused: await createGroup(t, { status: "paused" }),
      closed: await createGroup(t, { status: "closed" }),
      notTakingNewcomers: await createGroup(t, { joiningPolicy: "closed" }),
    };
    Object.assign(slugs, {
      weekly: weekly.slug,
      published: published.slug,
      online: online.slug,
      telephone: telephone.slug,
      fortnightly: fortnightly.slug,
    });
    for (const [name, group] of Object.entries(excluded)) slugs[name] = group.slug;

    const response = await t.app.inject("/meetings.json");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    body = response.body;
    entries = response.json();
  });

  const entry = (key: string) => entries.find((e) => e.slug === slugs[key]);

  it("validates against the spec's field types", () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const e of entries) expect(meetingGuideProblems(e), String(e.slug)).toEqual([]);
  });

  it("writes a weekly Tuesday 10:30 Rome group as day 2, 10:30–12:00, Europe/Rome", () => {
    expect(entry("weekly")).toMatchObject({
      name: "Caffè Alzheimer del martedì",
      day: 2,
      time: "10:30",
      end_time: "12:00",
      timezone: "Europe/Rome",
      formatted_address: "Trento, Italy",
      approximate: "yes",
      location: "Trento",
      region: "Trento",
      latitude: 46.07,
      longitude: 11.12,
      group: "Associazione Carers Trentino",
      url: `https://groups.example.org/groups/${slugs.weekly}`,
      entity: "Mutua",
      entity_website_url: "https://groups.example.org/",
      entity_email: "help@mutua.example",
    });
    expect(entry("weekly")?.types).toEqual(["SEN", "C", "BE", "X", "XB", "ITA", "EN"]);
    expect(entry("weekly")?.notes).toContain("Ci incontriamo");
    expect(entry("weekly")?.updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("writes a published street address and several weekdays", () => {
    expect(entry("published")).toMatchObject({
      day: [1, 4],
      time: "18:00",
      end_time: "20:00",
      formatted_address: "Via Roma 1, 38122 Trento, Italy",
      approximate: "no",
      location: "Sala civica",
    });
    expect(entry("published")?.types).not.toContain("BE");
  });

  it("tells online and telephone groups' readers to join for the link, and gives no link", () => {
    const online = entry("online")!;
    expect(online.conference_url_notes).toContain(`/groups/${slugs.online}`);
    expect(online.types).toEqual(["SEN", "C", "BE", "ONL", "LGBTQ", "EN"]);
    expect(online.formatted_address).toBeUndefined();
    const telephone = entry("telephone")!;
    expect(telephone.conference_phone_notes).toContain(`/groups/${slugs.telephone}`);
    expect(telephone.conference_url_notes).toBeUndefined();
  });

  it("writes a group meeting every other week on its weekday, saying first that it is not every week", () => {
    expect(entry("fortnightly")).toMatchObject({ day: 4, time: "15:00", timezone: "Europe/Rome" });
    const notes = String(entry("fortnightly")?.notes);
    expect(notes).toMatch(
      /^Not every week\. Every other Thursday at 15:00\. Next meeting: Thursday \d{1,2} \w+ \d{4}\.\n\n/,
    );
    const next = /Next meeting: (Thursday \d{1,2} \w+ \d{4})/.exec(notes)![1]!;
    const startsOn = Date.UTC(2026, 0, 8);
    const nextDay = Date.parse(`${next.slice("Thursday ".length)} UTC`);
    expect(nextDay).toBeGreaterThan(t.clock.now().getTime() - 86_400_000);
    expect(((nextDay - startsOn) / 86_400_000) % 14).toBe(0);
  });

  it("leaves out groups with no regular weekday, unlisted, paused, closed or taking no one new", () => {
    for (const key of ["oneOff", "unlisted", "paused", "closed", "notTakingNewcomers"]) {
      expect(entry(key), key).toBeUndefined();
      expect(body).not.toContain(slugs[key]!);
    }
  });

  it("contains no personal names and no private fields", () => {
    for (const value of privateValues) expect(body).not.toContain(value);
    expect(body).not.toContain("coordinator@example.org");
    expect(body).not.toMatch(/founder|contact_|video_url|phone_pin|conference_url"/);
  });
});

describe("the sitemap", () => {
  it("lists the home page, the directory and listed active groups, and nothing unlisted", async () => {
    const listed = await createGroup(t);
    const unlisted = await createGroup(t, { visibility: "unlisted" });
    const paused = await createGroup(t, { status: "paused" });
    const closed = await createGroup(t, { status: "closed" });
    const response = await t.app.inject("/sitemap.xml");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(response.body).toContain("<loc>https://groups.example.org/</loc>");
    expect(response.body).toContain("<loc>https://groups.example.org/groups</loc>");
    expect(response.body).toContain(`<loc>https://groups.example.org/groups/${listed.slug}</loc>`);
    for (const hidden of [unlisted, paused, closed])
      expect(response.body).not.toContain(hidden.slug);
  });

  it("does not tell, by a group's last change, when someone joined or left it", async () => {
    const group = await createGroup(t, { joiningPolicy: "open" });
    const published = async () => {
      const feed = (await t.app.inject("/meetings.json")).json() as {
        slug: string;
        updated?: string;
      }[];
      const sitemap = (await t.app.inject("/sitemap.xml")).body;
      const at = sitemap.indexOf(`/groups/${group.slug}</loc>`);
      return {
        updated: feed.find((entry) => entry.slug === group.slug)?.updated,
        lastmod: sitemap.slice(at, sitemap.indexOf("</url>", at)),
      };
    };
    const before = await published();
    expect(before.updated).toBeDefined();
    const person = await createPerson(t);
    const later = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    expect(
      (await joinGroup(t.database.db, { groupId: group.id, personId: person.id }, later)).ok,
    ).toBe(true);
    await leaveGroup(
      t.database.db,
      { groupId: group.id, personId: person.id },
      new Date(later.getTime() + 86_400_000),
    );
    expect(await published()).toEqual(before);
  });
});

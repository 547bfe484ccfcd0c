import { describe, expect, it } from "vitest";
import { monthlyRule } from "../../infra/time/recurrence.js";
import { groupEventJsonLd } from "../feeds/json-ld/present.js";
import { presentMeetingGuide } from "../feeds/meeting-guide/present.js";
import { presentCalendar, scheduleEntries } from "./calendar/present.js";
import { type ScheduledGroup, upcomingMeetings } from "./present.js";

const baseUrl = new URL("https://groups.example.org");

const group: ScheduledGroup = {
  id: "6f1c1a52-8d0e-4a59-9b3a-3f0c7d1e2a10",
  slug: "caffe-alzheimer-trento",
  name: "Caffè Alzheimer Trento",
  description: "Ci incontriamo per parlare di come assistere chi amiamo.",
  format: "in_person",
  languages: ["it"],
  venueName: "Casa Privata SENTINEL-VENUE",
  streetAddress: "Vicolo Segreto 7 SENTINEL-STREET",
  postalCode: "SENTINEL-CAP",
  town: "Trento",
  country: "IT",
  publishAddress: false,
  publicLatitude: 46.07,
  publicLongitude: 11.12,
  timeZone: "Europe/Rome",
  visibility: "listed",
  status: "active",
  organisationName: "Associazione Carers Trentino",
  rrule: monthlyRule(2, 2),
  startsOn: "2026-01-13",
  startTime: "10:30:00",
  durationMinutes: 90,
};

const from = new Date("2026-02-20T00:00:00Z");

describe("schema.org data for a group page", () => {
  it("is an EventSeries of the next three meetings, with local times and their offsets", () => {
    const meetings = upcomingMeetings(group, { from, limit: 5 });
    const data = groupEventJsonLd(group, meetings, baseUrl);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "EventSeries",
      name: "Caffè Alzheimer Trento",
      url: "https://groups.example.org/groups/caffe-alzheimer-trento",
      startDate: "2026-03-10T10:30:00+01:00",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      isAccessibleForFree: true,
      inLanguage: "it",
      organizer: { "@type": "Organization", name: "Associazione Carers Trentino" },
      location: {
        "@type": "Place",
        name: "Trento",
        address: { "@type": "PostalAddress", addressLocality: "Trento", addressCountry: "IT" },
        geo: { "@type": "GeoCoordinates", latitude: 46.07, longitude: 11.12 },
      },
    });
    const subEvents = (data as { subEvent: Record<string, unknown>[] }).subEvent;
    expect(subEvents.map((e) => [e.startDate, e.endDate])).toEqual([
      ["2026-03-10T10:30:00+01:00", "2026-03-10T12:00:00+01:00"],
      ["2026-04-14T10:30:00+02:00", "2026-04-14T12:00:00+02:00"],
      ["2026-05-12T10:30:00+02:00", "2026-05-12T12:00:00+02:00"],
    ]);
    expect(JSON.stringify(data)).not.toMatch(/SENTINEL/);
  });

  it("is one Event for a single meeting, with the published street address", () => {
    const published = { ...group, publishAddress: true, streetAddress: "Via Roma 1" };
    const [next] = upcomingMeetings(published, { from, limit: 1 });
    expect(groupEventJsonLd(published, [next!], baseUrl)).toMatchObject({
      "@type": "Event",
      startDate: "2026-03-10T10:30:00+01:00",
      endDate: "2026-03-10T12:00:00+01:00",
      eventStatus: "https://schema.org/EventScheduled",
      location: {
        name: "Casa Privata SENTINEL-VENUE",
        address: { streetAddress: "Via Roma 1", postalCode: "SENTINEL-CAP" },
      },
    });
  });

  it("gives online and hybrid meetings a VirtualLocation without any link", () => {
    const meetings = upcomingMeetings(group, { from, limit: 3 });
    // The group page passes its whole row, members-only columns included.
    const row = {
      ...group,
      format: "online" as const,
      videoUrl: "https://video.example/SENTINEL-VIDEO",
      phoneNumber: "+39 0461 SENTINEL",
      phonePin: "SENTINEL-PIN",
    };
    const online = groupEventJsonLd(row, meetings, baseUrl);
    expect(JSON.stringify(online)).not.toMatch(/SENTINEL/);
    expect(online).toMatchObject({
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      location: { "@type": "VirtualLocation", name: "Online" },
    });
    expect(JSON.stringify(online)).not.toMatch(/"url":"https?:\/\/(?!groups\.example\.org)/);
    const hybrid = groupEventJsonLd({ ...group, format: "hybrid" }, meetings, baseUrl);
    expect(hybrid).not.toBeNull();
    expect(hybrid!.eventAttendanceMode).toBe("https://schema.org/MixedEventAttendanceMode");
    expect((hybrid!.location as { "@type": string }[]).map((l) => l["@type"])).toEqual([
      "Place",
      "VirtualLocation",
    ]);
  });

  it("is null for unlisted, paused or closed groups, and when no meeting is coming", () => {
    const meetings = upcomingMeetings(group, { from, limit: 3 });
    expect(groupEventJsonLd({ ...group, visibility: "unlisted" }, meetings, baseUrl)).toBeNull();
    expect(groupEventJsonLd({ ...group, status: "paused" }, meetings, baseUrl)).toBeNull();
    expect(groupEventJsonLd({ ...group, status: "closed" }, meetings, baseUrl)).toBeNull();
    expect(groupEventJsonLd(group, [], baseUrl)).toBeNull();
  });
});

describe("upcoming meetings", () => {
  it("are none for a paused group or a schedule that cannot be read", () => {
    expect(upcomingMeetings({ ...group, status: "paused" }, { from })).toEqual([]);
    const broken = { ...group, rrule: "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2" };
    expect(upcomingMeetings(broken, { from })).toEqual([]);
  });
});

describe("calendar files", () => {
  it("name a zone the VTIMEZONE package knows by ICU's name for it (Europe/Kyiv → Europe/Kiev)", () => {
    const kyiv = { ...group, timeZone: "Europe/Kyiv" };
    const text = presentCalendar(
      kyiv,
      scheduleEntries(kyiv, upcomingMeetings(kyiv, { from, limit: 1 })),
      {
        baseUrl,
        now: from,
        instanceName: "Mutua",
      },
    );
    expect(text).toContain("TZID:Europe/Kiev");
    expect(text).toContain("DTSTART;TZID=Europe/Kiev:20260310T103000");
  });
});

describe("the Meeting Guide presenter", () => {
  it("checks again what the query chose: only listed, active groups on a weekday that take newcomers", () => {
    const weekly = {
      ...group,
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      scheduleKind: "weekly" as const,
      joiningPolicy: "open" as const,
      stepFree: false,
      accessibleToilet: false,
      updatedAt: new Date("2026-03-01T08:00:00Z"),
      difficultySlugs: [],
    };
    const context = { baseUrl, now: from, instanceName: "Mutua" };
    expect(presentMeetingGuide([weekly], context)).toHaveLength(1);
    for (const change of [
      { visibility: "unlisted" as const },
      { status: "paused" as const },
      { joiningPolicy: "closed" as const },
      { rrule: null },
      { rrule: "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU" },
      { rrule: "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2" },
      { startTime: null },
    ]) {
      expect(
        presentMeetingGuide([{ ...weekly, ...change }], context),
        JSON.stringify(change),
      ).toEqual([]);
    }
    expect(presentMeetingGuide([weekly], context)[0]?.updated).toBe("2026-03-01 08:00:00");
  });
});

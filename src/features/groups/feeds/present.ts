import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import { isLanguage, type Language, type Translate, translator } from "../../../infra/i18n/i18n.js";
import { dateTimeFormat, displayNames } from "../../../infra/i18n/intl-cache.js";
import { describeSchedule } from "../../../infra/time/describe-schedule.js";
import {
  type ExpandWindow,
  expandSchedule,
  type Occurrence,
  type Schedule,
  weeklyDays,
} from "../../../infra/time/recurrence.js";
import {
  DAY_MS,
  isoWithOffset,
  MINUTE_MS,
  parseLocalTime,
  wallAt,
} from "../../../infra/time/zoned.js";
import type { groups } from "../tables.js";

type GroupRow = typeof groups.$inferSelect;

/**
 * The group fields the public feeds and JSON-LD read. A whole groups row fits (the presenters
 * apply `publishAddress` themselves), and so does a FeedGroup from feeds/reads.ts.
 */
export type PublicGroup = Pick<
  GroupRow,
  | "id"
  | "slug"
  | "name"
  | "description"
  | "format"
  | "languages"
  | "venueName"
  | "streetAddress"
  | "postalCode"
  | "town"
  | "country"
  | "publishAddress"
  | "publicLatitude"
  | "publicLongitude"
  | "timeZone"
  | "visibility"
  | "status"
> & { organisationName?: string | null };

/** A group with its schedule: what calendars need. */
export type ScheduledGroup = PublicGroup &
  Pick<GroupRow, "rrule" | "startsOn" | "startTime" | "durationMinutes"> & {
    /** Chosen dates, local "YYYY-MM-DDTHH:MM". */
    oneOffs?: readonly string[];
  };

export type FeedContext = {
  /** The instance's public address (config.publicUrl). */
  baseUrl: URL;
  now: Date;
  instanceName: string;
};

export function groupPageUrl(slug: string, baseUrl: URL | string): string {
  return new URL(`/groups/${slug}`, baseUrl).toString();
}

/** The language the group speaks that Mutua speaks too, for words written into its feeds. */
export function groupLanguage(group: Pick<GroupRow, "languages">): Language {
  return group.languages.find(isLanguage) ?? "en";
}

export function scheduleOf(group: ScheduledGroup): Schedule {
  return {
    rrule: group.rrule,
    startsOn: group.startsOn,
    startTime: group.startTime,
    timeZone: group.timeZone,
    durationMinutes: group.durationMinutes,
    oneOffs: group.oneOffs ?? [],
  };
}

/**
 * The group's meetings in a window. A paused or closed group has none; so has a schedule that
 * cannot be read (a stored rule validateRule would now refuse): a feed must not fail for it.
 */
export function upcomingMeetings(group: ScheduledGroup, window: ExpandWindow): Occurrence[] {
  if (group.status !== "active") return [];
  try {
    return expandSchedule(scheduleOf(group), window);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

const meetsInPerson = (format: string) => format === "in_person" || format === "hybrid";

/** The place as the public may know it: street, venue and postal code only when published. */
function publicPlace(group: PublicGroup) {
  if (!meetsInPerson(group.format)) return null;
  const published = group.publishAddress;
  return {
    venueName: published ? group.venueName : null,
    streetAddress: published ? group.streetAddress : null,
    postalCode: published ? group.postalCode : null,
    town: group.town,
    country: group.country,
    latitude: group.publicLatitude,
    longitude: group.publicLongitude,
  };
}

/** One line for a calendar's LOCATION: never a video link, telephone number or PIN. */
function locationText(group: PublicGroup, t: Translate): string | null {
  if (group.format === "online") return t("feeds.location.online");
  if (group.format === "telephone") return t("feeds.location.telephone");
  const place = publicPlace(group);
  const line = [place?.venueName, place?.streetAddress, [place?.postalCode, place?.town]]
    .map((part) => (Array.isArray(part) ? part.filter(Boolean).join(" ") : part))
    .filter(Boolean)
    .join(", ");
  if (!line) return group.format === "hybrid" ? t("feeds.location.online") : null;
  return group.format === "hybrid" ? t("feeds.location.hybrid", { place: line }) : line;
}

function plainDescription(group: PublicGroup, t: Translate, url: string): string {
  const remote = group.format !== "in_person" ? [t("feeds.description.membersOnly")] : [];
  return [group.description.trim(), ...remote, t("feeds.description.page", { url })]
    .filter(Boolean)
    .join("\n\n");
}

/**
 * ical-generator writes a plain Date with a TZID in the server's own zone; given a Temporal-like
 * zoned date-time it writes that date-time's wall clock. This is the smallest such object.
 */
function zonedDateTime(instant: Date, timeZone: string): ICalTemporalZonedDateTimeStub {
  const d = new Date(wallAt(instant, timeZone));
  const fields = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
  const iso = isoWithOffset(instant, timeZone);
  const asInstant: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
    toZonedDateTimeISO: (zone) => zonedDateTime(instant, zone),
  };
  const plain: ICalTemporalPlainDateTimeStub = {
    ...fields,
    toPlainDate: () => ({
      year: fields.year,
      month: fields.month,
      day: fields.day,
      toJSON: () => iso.slice(0, 10),
      toString: () => iso.slice(0, 10),
    }),
    toZonedDateTime: () => zoned,
    toJSON: () => iso.slice(0, 19),
    toString: () => iso.slice(0, 19),
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...fields,
    timeZoneId: timeZone,
    toInstant: () => asInstant,
    toPlainDateTime: () => plain,
    withTimeZone: (zone) => (zone === timeZone ? zoned : zonedDateTime(instant, zone)),
    toJSON: () => iso,
    toString: () => `${iso}[${timeZone}]`,
  };
  return zoned;
}

/**
 * The zone name to write as TZID, for which a VTIMEZONE exists: the group's, or ICU's name for
 * it (the package knows Europe/Kiev, not Europe/Kyiv). Null: times are written in UTC instead,
 * since a TZID without its VTIMEZONE is not valid iCalendar.
 */
function calendarZone(timeZone: string): string | null {
  if (getVtimezoneComponent(timeZone)) return timeZone;
  try {
    const icu = dateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
    return getVtimezoneComponent(icu) ? icu : null;
  } catch {
    return null;
  }
}

/** The UID a meeting keeps in every feed and file, so calendars update it rather than add one. */
export function meetingUid(groupId: string, localDate: string): string {
  return `${groupId}-${localDate}@mutua`;
}

/** One event of a calendar: a meeting as calendars know it, by its UID and SEQUENCE. */
export type CalendarEntry = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  cancelled?: boolean;
};

/** Occurrences of the schedule as calendar events that have never changed. */
export function scheduleEntries(
  group: Pick<GroupRow, "id">,
  meetings: readonly Occurrence[],
): CalendarEntry[] {
  return meetings.map((m) => ({
    uid: meetingUid(group.id, m.localDate),
    sequence: 0,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
  }));
}

/**
 * A calendar of the group's meetings: each event in the group's time zone (TZID plus its
 * VTIMEZONE, never UTC only, so 10:30 stays 10:30 across daylight-saving changes), with the
 * public place only and plain-text words in the group's language. With a method (RFC 5546), it
 * is an invitation e-mailed to members: REQUEST for a new or moved meeting, CANCEL for one
 * called off, matched to the event they have by its UID and a higher SEQUENCE.
 */
export function presentCalendar(
  group: ScheduledGroup,
  entries: readonly CalendarEntry[],
  context: FeedContext,
  method?: "REQUEST" | "CANCEL",
): string {
  const language = groupLanguage(group);
  const t = translator(language);
  const url = groupPageUrl(group.slug, context.baseUrl);
  const zone = calendarZone(group.timeZone);
  const calendar = ical({
    prodId: "//Mutua//Mutua//EN",
    name: group.name,
    description: describeSchedule(scheduleOf(group), language),
    url,
    // Calendar programs that subscribe look again about this often.
    ttl: 6 * 60 * 60,
    ...(method
      ? { method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST }
      : {}),
  });
  // No calendar-wide zone: DTSTAMP stays in UTC; each event names its own zone.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const location = locationText(group, t);
  const description = plainDescription(group, t, url);
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: context.now,
      start: zone ? zonedDateTime(entry.startsAt, zone) : entry.startsAt,
      end: zone ? zonedDateTime(entry.endsAt, zone) : entry.endsAt,
      timezone: zone,
      summary: group.name,
      location,
      description,
      url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A Meeting Guide entry (code4recovery/spec): exactly these fields leave the server. */
export type MeetingGuideEntry = {
  name: string;
  slug: string;
  day: number | number[];
  time: string;
  end_time: string;
  timezone: string;
  formatted_address?: string;
  approximate?: "yes" | "no";
  latitude?: number;
  longitude?: number;
  location?: string;
  region?: string;
  conference_url_notes?: string;
  conference_phone_notes?: string;
  types: string[];
  notes: string;
  url: string;
  updated: string;
  group?: string;
  entity: string;
  entity_website_url: string;
  entity_email?: string;
  entity_phone?: string;
};

export type MeetingGuideGroup = ScheduledGroup &
  Pick<
    GroupRow,
    "stepFree" | "accessibleToilet" | "joiningPolicy" | "scheduleKind" | "updatedAt"
  > & {
    difficultySlugs: readonly string[];
  };

/** ISO 639-1 → the spec's language type codes (its own list: "ITA", "S" for Spanish, "DE"…). */
const languageTypes: Record<string, string> = {
  af: "AF",
  am: "AM",
  ar: "AR",
  bg: "BG",
  da: "DA",
  de: "DE",
  el: "EL",
  en: "EN",
  es: "S",
  fa: "FA",
  fi: "FI",
  fr: "FR",
  he: "HE",
  hi: "HI",
  hr: "HR",
  hu: "HU",
  is: "IS",
  it: "ITA",
  ja: "JA",
  ka: "KA",
  ko: "KOR",
  lt: "LT",
  ml: "ML",
  mt: "MT",
  nb: "NO",
  ne: "NE",
  nl: "NL",
  no: "NO",
  pa: "PUN",
  pl: "POL",
  pt: "POR",
  ru: "RUS",
  sk: "SK",
  sl: "SL",
  sv: "SV",
  th: "TH",
  tl: "TL",
  tr: "TUR",
  uk: "UK",
};

const countryNames = displayNames("en", "region");
function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const hhmm = (ms: number) => {
  const minutes = Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

/** "YYYY-MM-DD HH:MM:SS" in UTC, as the spec's `updated` wants. */
const specTimestamp = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

/**
 * The Meeting Guide feed: one entry per listed, active group that meets every week (the format is
 * weekly only, so fortnightly, monthly and one-off groups cannot be written truthfully).
 *
 * Choices, since Mutua groups are not twelve-step meetings:
 * - No conference_url or conference_phone: video links, numbers and PINs are for members only.
 *   conference_url_notes / conference_phone_notes and notes say to ask to join on the group page.
 * - The address: the street (formatted_address, with the venue as location) only when the group
 *   publishes it; otherwise the town and country with approximate "yes", and the coarse point.
 * - types: "SEN" for every group (older people and their carers); "C" (closed) for every group,
 *   in the spec's sense that a meeting is for people who share the problem, not for observers;
 *   "BE" (newcomer) when anyone may join at once (joining policy open); "X" and "XB" for a
 *   step-free venue and an accessible toilet (in-person and hybrid only); "ONL" for online and
 *   hybrid groups (a 12 Step Meeting List code the app ignores but keeps); "LGBTQ" for the
 *   LGBT+ later-life difficulty; the spec's language codes. No "TC": paused groups are left out.
 * - Groups closed to newcomers are left out: a meeting finder sends newcomers, who could not join.
 * - group: the sponsoring organisation's name; entity*: this instance and its public help line.
 * - No contact_* fields, founders or members: no person's name or address appears.
 */
export function presentMeetingGuide(
  groups: readonly MeetingGuideGroup[],
  context: FeedContext & { helpEmail?: string; helpPhone?: string },
): MeetingGuideEntry[] {
  const entries: MeetingGuideEntry[] = [];
  for (const group of groups) {
    if (group.visibility !== "listed" || group.status !== "active") continue;
    if (group.scheduleKind !== "weekly" || group.joiningPolicy === "closed") continue;
    if (group.rrule === null || group.startTime === null) continue;
    const days = weeklyDays(group.rrule, group.startsOn);
    const start = parseLocalTime(group.startTime);
    if (!days || days.length === 0 || start === null) continue;

    const t = translator(groupLanguage(group));
    const url = groupPageUrl(group.slug, context.baseUrl);
    const place = publicPlace(group);
    const online = group.format === "online" || group.format === "hybrid";
    const types = [
      "SEN",
      "C",
      ...(group.joiningPolicy === "open" ? ["BE"] : []),
      ...(place && group.stepFree ? ["X"] : []),
      ...(place && group.accessibleToilet ? ["XB"] : []),
      ...(online ? ["ONL"] : []),
      ...(group.difficultySlugs.includes("lgbt-later-life") ? ["LGBTQ"] : []),
      ...group.languages.flatMap((code) => languageTypes[code] ?? []),
    ];
    const entry: MeetingGuideEntry = {
      name: group.name.slice(0, 255),
      slug: group.slug,
      day: days.length === 1 ? days[0]! : days,
      time: hhmm(start),
      end_time: hhmm(start + group.durationMinutes * MINUTE_MS),
      timezone: group.timeZone,
      types: [...new Set(types)],
      notes: [group.description.trim(), t("feeds.meetingGuide.joinFirst")]
        .filter(Boolean)
        .join("\n\n"),
      url,
      updated: specTimestamp(group.updatedAt),
      entity: context.instanceName,
      entity_website_url: new URL("/", context.baseUrl).toString(),
    };
    if (place?.town) {
      const country = countryName(place.country);
      const published = Boolean(place.streetAddress);
      const locality = [place.postalCode, place.town].filter(Boolean).join(" ");
      entry.formatted_address = [place.streetAddress, locality, country].filter(Boolean).join(", ");
      entry.approximate = published ? "no" : "yes";
      entry.location = (published && place.venueName) || place.town;
      entry.region = place.town;
      if (place.latitude !== null && place.longitude !== null) {
        entry.latitude = place.latitude;
        entry.longitude = place.longitude;
      }
    }
    if (online) entry.conference_url_notes = t("feeds.meetingGuide.conferenceNotes", { url });
    if (group.format === "telephone")
      entry.conference_phone_notes = t("feeds.meetingGuide.phoneNotes", { url });
    if (group.organisationName) entry.group = group.organisationName;
    if (context.helpEmail) entry.entity_email = context.helpEmail;
    if (context.helpPhone) entry.entity_phone = context.helpPhone;
    entries.push(entry);
  }
  return entries;
}

const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** sitemaps.org: the home page, the directory, and each listed, active group's page. */
export function presentSitemap(
  pages: readonly { slug: string; updatedAt: Date }[],
  baseUrl: URL,
): string {
  const url = (loc: string, lastmod?: Date) =>
    `  <url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ""}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(new URL("/", baseUrl).toString()),
    url(new URL("/groups", baseUrl).toString()),
    ...pages.map((page) => url(groupPageUrl(page.slug, baseUrl), page.updatedAt)),
    "</urlset>",
    "",
  ].join("\n");
}

const attendanceModes: Record<string, string> = {
  in_person: "https://schema.org/OfflineEventAttendanceMode",
  online: "https://schema.org/OnlineEventAttendanceMode",
  telephone: "https://schema.org/OnlineEventAttendanceMode",
  hybrid: "https://schema.org/MixedEventAttendanceMode",
};

/**
 * schema.org structured data for a listed, active group's page: an Event for a single meeting,
 * or an EventSeries whose subEvents are the next three. The place is the public one (a Place with
 * its PostalAddress, street only when published); online and telephone meetings are a
 * VirtualLocation without any link. Null for unlisted, paused or closed groups, and when no
 * meeting is coming: such pages must not advertise events.
 *
 * The group page passes the group row (with `organisationName` when it has one), its coming
 * meetings as they now stand (moved ones at their new time, cancelled ones marked, so a search
 * engine does not send anyone to a meeting that will not happen) and config.publicUrl.
 */
export function groupEventJsonLd(
  group: PublicGroup,
  meetings: readonly { startsAt: Date; endsAt: Date; cancelled?: boolean }[],
  baseUrl: URL | string,
): Record<string, unknown> | null {
  if (group.visibility !== "listed" || group.status !== "active") return null;
  const next = meetings.slice(0, 3);
  const first = next[0];
  if (!first) return null;
  const t = translator(groupLanguage(group));
  const url = groupPageUrl(group.slug, baseUrl);
  const place = publicPlace(group);
  const locations: Record<string, unknown>[] = [];
  if (place) {
    const address = {
      "@type": "PostalAddress",
      ...(place.streetAddress ? { streetAddress: place.streetAddress } : {}),
      ...(place.postalCode ? { postalCode: place.postalCode } : {}),
      ...(place.town ? { addressLocality: place.town } : {}),
      ...(place.country ? { addressCountry: place.country } : {}),
    };
    locations.push({
      "@type": "Place",
      name: place.venueName ?? place.town ?? group.name,
      address,
      ...(place.latitude !== null && place.longitude !== null
        ? {
            geo: {
              "@type": "GeoCoordinates",
              latitude: place.latitude,
              longitude: place.longitude,
            },
          }
        : {}),
    });
  }
  if (group.format !== "in_person") {
    locations.push({
      "@type": "VirtualLocation",
      name: t(group.format === "telephone" ? "feeds.location.telephone" : "feeds.location.online"),
    });
  }
  const location = locations.length === 1 ? locations[0] : locations;
  const attendance = attendanceModes[group.format] ?? attendanceModes.in_person;
  const inLanguage = group.languages.length === 1 ? group.languages[0] : group.languages;
  const event = (meeting: (typeof next)[number]) => ({
    "@type": "Event",
    name: group.name,
    startDate: isoWithOffset(meeting.startsAt, group.timeZone),
    endDate: isoWithOffset(meeting.endsAt, group.timeZone),
    eventStatus: meeting.cancelled
      ? "https://schema.org/EventCancelled"
      : "https://schema.org/EventScheduled",
    eventAttendanceMode: attendance,
    location,
    url,
  });
  const about = {
    description: group.description,
    isAccessibleForFree: true,
    inLanguage,
    ...(group.organisationName
      ? { organizer: { "@type": "Organization", name: group.organisationName } }
      : {}),
  };
  if (next.length === 1) return { "@context": "https://schema.org", ...event(first), ...about };
  return {
    "@context": "https://schema.org",
    "@type": "EventSeries",
    name: group.name,
    url,
    startDate: isoWithOffset(first.startsAt, group.timeZone),
    eventAttendanceMode: attendance,
    location,
    ...about,
    subEvent: next.map(event),
  };
}

import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import { type Language, type Translate, translator } from "../../../infra/i18n/i18n.js";
import { dateTimeFormat } from "../../../infra/i18n/intl-cache.js";
import { describeSchedule } from "../../../infra/time/describe-schedule.js";
import type { Occurrence } from "../../../infra/time/recurrence.js";
import { isoWithOffset, wallAt } from "../../../infra/time/zoned.js";
import {
  type FeedContext,
  type GroupRow,
  groupLanguage,
  groupPageUrl,
  type PublicGroup,
  publicPlace,
  type ScheduledGroup,
  scheduleOf,
} from "../present.js";

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
      // Calendar programs apply an update only from the organizer of the event they have.
      ...(method && context.organizer ? { organizer: context.organizer } : {}),
    });
  }
  return calendar.toString();
}

/**
 * What a closed group's calendar address answers: a calendar with no meetings, so the programs
 * that subscribed to it take the group's meetings away at their next look (an error would leave
 * them showing meetings that will never happen). It names neither the group nor its place.
 */
export function presentEndedCalendar(language: Language, context: FeedContext): string {
  const t = translator(language);
  return ical({
    prodId: "//Mutua//Mutua//EN",
    name: context.instanceName,
    description: t("feeds.calendar.closed"),
    ttl: 6 * 60 * 60,
  }).toString();
}

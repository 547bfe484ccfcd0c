import { isLanguage, type Language } from "../../../infra/i18n/i18n.js";
import {
  type ExpandWindow,
  expandSchedule,
  type Occurrence,
  type Schedule,
} from "../../../infra/time/recurrence.js";
import type { groups } from "../tables.js";

// What the public feeds share: the group fields they read, its address and language, its
// schedule and its place as the public may know it. Each format has its own folder: calendar/
// (iCalendar), meeting-guide/, json-ld/ (schema.org) and sitemap/.

export type GroupRow = typeof groups.$inferSelect;

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
  /** Who sends an invitation (RFC 5546 wants an ORGANIZER on a REQUEST or a CANCEL). */
  organizer?: { name: string; email: string };
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
export function publicPlace(group: PublicGroup) {
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

import { z } from "zod";
import { isLanguage, type Language } from "../../infra/i18n/i18n.js";
import {
  type ExpandWindow,
  expandSchedule,
  type Occurrence,
  type Schedule,
} from "../../infra/time/recurrence.js";
import { shownCount } from "./policy.js";
import { formats, type groups } from "./tables.js";

// A group as the public may know it: the fields the public pages and feeds read, its address
// and language, its schedule and its places free. Each feed format has its own folder:
// calendar/ (iCalendar) here, and meeting-guide/, json-ld/ (schema.org) and sitemap/ in feeds.

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

/**
 * The places a newcomer can take: the people on the waiting list come first, even while a place
 * is held for one of them, so a group with anyone waiting has none to show as free.
 */
export function placesForNewcomers(group: {
  capacity: number;
  activeMemberCount: number;
  waitlistCount: number;
}): number {
  return Math.max(0, group.capacity - group.activeMemberCount - group.waitlistCount);
}

/**
 * Places free as everyone outside the group is told them: null when some are free but saying
 * how many would tell a count the organisation's overview holds back (members or people waiting,
 * fewer than 5), since the capacity less the places free less one count is the other.
 */
export function placesShown(group: {
  capacity: number;
  activeMemberCount: number;
  waitlistCount: number;
}): number | null {
  const free = placesForNewcomers(group);
  if (free === 0) return 0;
  const waitingShown = group.waitlistCount === 0 || shownCount(group.waitlistCount) !== null;
  return shownCount(group.activeMemberCount) !== null && waitingShown ? free : null;
}

/** Places free, as everyone outside a group is told them (placesShown). */
export const placesCount = z
  .number()
  .int()
  .nullable()
  .describe(
    "How many places are free; null when some are, but the number would tell how few people are in the group",
  );

export const hasPlacesFree = z
  .boolean()
  .describe("False when the group is full and newcomers join the waiting list");

/** Where and how a group meets, and the language of its words, as the public APIs give them. */
export const publicPlaceFields = {
  writtenIn: z
    .string()
    .nullable()
    .describe("The language the group's own words are written in (ISO 639-1), when known"),
  format: z.enum(formats),
  town: z.string().nullable(),
  country: z.string().nullable(),
  address: z
    .object({
      venueName: z.string().nullable(),
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
    })
    .nullable()
    .describe("Only when the group chose to publish where it meets"),
};

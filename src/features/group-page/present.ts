import { z } from "zod";
import type { Executor } from "../../infra/db/database.js";
import { formatDateTime, type Language, writtenLanguage } from "../../infra/i18n/i18n.js";
import { displayNames } from "../../infra/i18n/intl-cache.js";
import { describeSchedule } from "../../infra/time/describe-schedule.js";
import { localDateTime } from "../../infra/time/zoned.js";
import { difficultyNames } from "../difficulties/reads.js";
import { groupEventJsonLd } from "../feeds/json-ld/present.js";
import {
  hasPlacesFree,
  placesCount,
  placesForNewcomers,
  placesShown,
  publicPlaceFields,
  upcomingMeetings,
} from "../groups/present.js";
import type { Group } from "../groups/reads.js";
import { audiences, joiningPolicies } from "../groups/tables.js";
import { calendarEntries } from "../meetings/present.js";
import { listCalendarMeetings } from "../meetings/reads.js";
import { getOrganisation } from "../organisations/reads.js";

const TWELVE_WEEKS_MS = 12 * 7 * 24 * 3_600_000;

export type GroupPageView = Awaited<ReturnType<typeof groupPageView>>;

/**
 * Everything the group page shows, and nothing more: what the group published for everyone,
 * plus the video link, telephone, address and ground rules for its active members only.
 */
export async function groupPageView(
  db: Executor,
  group: Group,
  viewer: { language: Language; now: Date; publicUrl: URL; isMember: boolean },
) {
  const [difficulties, organisation] = await Promise.all([
    difficultyNames(db, group.difficultySlugs, viewer.language),
    group.organisationId ? getOrganisation(db, group.organisationId) : Promise.resolve(null),
  ]);
  const languageNames = displayNames(viewer.language, "language");
  const schedule = {
    rrule: group.rrule,
    startsOn: group.startsOn,
    startTime: group.startTime,
    timeZone: group.timeZone,
    durationMinutes: group.durationMinutes,
    oneOffs: group.oneOffs,
  };
  const window = { from: viewer.now, to: new Date(viewer.now.getTime() + TWELVE_WEEKS_MS) };
  const scheduled = upcomingMeetings({ ...group, organisationName: null }, window);
  const planned = await listCalendarMeetings(db, group.id, {
    ...window,
    keys: scheduled.map((o) => o.localDate),
  });
  const coming = calendarEntries(group.id, window, scheduled, planned);
  const next = coming.slice(0, 4);
  const showAddress = group.publishAddress || viewer.isMember;
  return {
    slug: group.slug,
    name: group.name,
    description: group.description,
    firstMeeting: group.firstMeeting,
    audience: group.audience,
    difficulties,
    openToAnyDifficulty: group.openToAnyDifficulty,
    languages: group.languages.map((code) => ({ code, name: languageNames.of(code) ?? code })),
    writtenIn: writtenLanguage(group),
    format: group.format,
    town: group.town,
    country: group.country,
    venueName: showAddress ? group.venueName : null,
    streetAddress: showAddress ? group.streetAddress : null,
    postalCode: showAddress ? group.postalCode : null,
    access: {
      stepFree: group.stepFree,
      accessibleToilet: group.accessibleToilet,
      hearingLoop: group.hearingLoop,
      parking: group.parking,
      nearPublicTransport: group.nearPublicTransport,
    },
    accessNotes: group.accessNotes,
    timeZone: group.timeZone,
    when: describeSchedule(schedule, viewer.language),
    nextMeetings: next.map((meeting) => ({
      uid: meeting.uid,
      words: formatDateTime(meeting.startsAt, viewer.language, group.timeZone),
      cancelled: meeting.cancelled === true,
    })),
    placesFree: placesForNewcomers(group),
    placesShown: placesShown(group),
    joiningPolicy: group.joiningPolicy,
    unlisted: group.visibility === "unlisted",
    organisation: organisation ? { name: organisation.name } : null,
    jsonLd: groupEventJsonLd(
      { ...group, organisationName: organisation?.name ?? null },
      coming.slice(0, 3),
      viewer.publicUrl,
    ),
    membersOnly: viewer.isMember
      ? {
          videoUrl: group.videoUrl,
          phoneNumber: group.phoneNumber,
          phonePin: group.phonePin,
          agreement: group.agreement,
        }
      : null,
    /** The next meetings as they stand (moved, cancelled), for the API. */
    coming: next,
  };
}

/** `/api/v1/groups/:slug`: exactly these fields leave the server, the same for everyone. */
export const publicGroup = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string(),
  firstMeeting: z.string(),
  audience: z.enum(audiences),
  difficulties: z.array(z.string()),
  openToAnyDifficulty: z.boolean(),
  languages: z.array(z.string()),
  ...publicPlaceFields,
  access: z.array(z.string()),
  timeZone: z.string(),
  schedule: z.string(),
  nextMeetings: z.array(
    z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      localDate: z.string(),
      localTime: z.string(),
      cancelled: z.boolean().describe("Called off: the group will not meet then"),
    }),
  ),
  placesFree: placesCount,
  hasPlacesFree,
  joiningPolicy: z.enum(joiningPolicies),
  organisation: z.string().nullable(),
});

/** Fills `publicGroup`: its type is the schema's own, so the shape is declared once. */
export async function presentGroup(
  db: Executor,
  group: Group,
  viewer: { language: Language; now: Date; publicUrl: URL },
): Promise<z.output<typeof publicGroup>> {
  const view = await groupPageView(db, group, { ...viewer, isMember: false });
  return {
    slug: view.slug,
    name: view.name,
    url: new URL(`/groups/${view.slug}`, viewer.publicUrl).toString(),
    description: view.description,
    firstMeeting: view.firstMeeting,
    audience: view.audience,
    difficulties: view.difficulties,
    openToAnyDifficulty: view.openToAnyDifficulty,
    languages: view.languages.map((l) => l.code),
    writtenIn: view.writtenIn,
    format: view.format,
    town: view.town,
    country: view.country,
    address:
      view.streetAddress || view.venueName
        ? {
            venueName: view.venueName,
            streetAddress: view.streetAddress,
            postalCode: view.postalCode,
          }
        : null,
    access: Object.entries(view.access)
      .filter(([, yes]) => yes)
      .map(([need]) => need),
    timeZone: view.timeZone,
    schedule: view.when,
    // As the page shows them: a moved meeting at its new time, a cancelled one marked so.
    nextMeetings: view.coming.map((meeting) => {
      const local = localDateTime(meeting.startsAt, group.timeZone);
      return {
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        localDate: local.localDate,
        localTime: local.localTime,
        cancelled: meeting.cancelled === true,
      };
    }),
    placesFree: view.placesShown,
    hasPlacesFree: view.placesFree > 0,
    joiningPolicy: view.joiningPolicy,
    organisation: view.organisation?.name ?? null,
  };
}

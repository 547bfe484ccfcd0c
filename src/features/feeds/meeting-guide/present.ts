import { translator } from "../../../infra/i18n/i18n.js";
import { displayNames } from "../../../infra/i18n/intl-cache.js";
import { describeSchedule, fullDate } from "../../../infra/time/describe-schedule.js";
import { choiceFromRule, type Weekday, weeklyDays } from "../../../infra/time/recurrence.js";
import { DAY_MS, MINUTE_MS, parseLocalDate, parseLocalTime } from "../../../infra/time/zoned.js";
import {
  type FeedContext,
  type GroupRow,
  groupLanguage,
  groupPageUrl,
  publicPlace,
  type ScheduledGroup,
  scheduleOf,
  upcomingMeetings,
} from "../../groups/present.js";

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
  Pick<GroupRow, "stepFree" | "accessibleToilet" | "joiningPolicy" | "updatedAt"> & {
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
 * The weekdays the feed's `day` can carry, and whether the group meets on them every week. The
 * format is weekly only; a group meeting every other week or on the nth weekday of the month is
 * written on its weekday, as meeting lists do for monthly meetings, with its notes saying so first.
 * One-off dates and rules that are not one of the plain choices have no weekday to give.
 */
function feedDays(group: MeetingGuideGroup): { days: Weekday[]; everyWeek: boolean } | null {
  if (group.rrule === null) return null;
  const weekly = weeklyDays(group.rrule, group.startsOn);
  if (weekly && weekly.length > 0) return { days: weekly, everyWeek: true };
  const choice = choiceFromRule(group.rrule);
  if (choice === null || choice.kind === "weekly") return null;
  return { days: [choice.weekday], everyWeek: false };
}

/** "Not every week. Every second Tuesday of the month at 10:30. Next meeting: Tuesday 8 December 2026." */
function lessThanWeekly(group: MeetingGuideGroup, now: Date): string | null {
  const language = groupLanguage(group);
  const next = upcomingMeetings(group, { from: now, limit: 1 })[0];
  const wall = next ? parseLocalDate(next.localDate) : null;
  if (wall === null || wall === undefined) return null;
  return translator(language)("feeds.meetingGuide.notWeekly", {
    schedule: describeSchedule(scheduleOf(group), language),
    date: fullDate(wall, language),
  });
}

/**
 * The Meeting Guide feed: one entry per listed, active group with a regular weekday.
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
    if (group.joiningPolicy === "closed" || group.startTime === null) continue;
    const schedule = feedDays(group);
    const start = parseLocalTime(group.startTime);
    if (schedule === null || start === null) continue;
    const { days, everyWeek } = schedule;
    const frequency = everyWeek ? null : lessThanWeekly(group, context.now);
    if (!everyWeek && frequency === null) continue;

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
      notes: [frequency, group.description.trim(), t("feeds.meetingGuide.joinFirst")]
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

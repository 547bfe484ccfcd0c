import { writtenLanguage } from "../../infra/i18n/i18n.js";
import type { Place } from "../../infra/places/find-place.js";
import { choiceFromRule, type MonthlyPosition } from "../../infra/time/recurrence.js";
import { placesForNewcomers, placesShown } from "../groups/present.js";
import { type AccessNeed, accessNeeds, type SearchCriteria, type TimeOfDay } from "./inputs.js";
import type { GroupDifficulty, ListedGroupRow } from "./reads.js";

/** Why a group is in the results: one entry for each thing asked for that it matches. */
export type MatchReason =
  | { kind: "near"; place: string; distanceKm: number }
  | { kind: "remote"; format: "online" | "telephone" | "hybrid" }
  | { kind: "difficulty"; difficulties: GroupDifficulty[] }
  | { kind: "open_to_any_difficulty" }
  | { kind: "audience"; audience: "living_with" | "carers" | "both" }
  | { kind: "language"; languages: string[] }
  | { kind: "day"; weekday: number }
  | { kind: "time_of_day"; timeOfDay: TimeOfDay }
  | { kind: "access"; needs: AccessNeed[] }
  | { kind: "places_free"; count: number | null }
  | { kind: "words" };

const EXCERPT_LENGTH = 180;

/** The start of a description, cut at a word, so a long one does not fill the list. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

function timeOfDay(startTime: string): TimeOfDay {
  if (startTime < "12:00") return "morning";
  return startTime < "17:00" ? "afternoon" : "evening";
}

const accessFlags = (group: ListedGroupRow): Record<AccessNeed, boolean> => ({
  step_free: group.stepFree,
  accessible_toilet: group.accessibleToilet,
  hearing_loop: group.hearingLoop,
  parking: group.parking,
  near_public_transport: group.nearPublicTransport,
});

export function matchReasons(
  group: ListedGroupRow,
  groupDifficulties: GroupDifficulty[],
  criteria: SearchCriteria,
  place: Place | null,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const startTime = group.startTime?.slice(0, 5) ?? null;
  if (place) {
    const near =
      (group.format === "in_person" || group.format === "hybrid") &&
      group.distanceMetres !== null &&
      group.distanceMetres <= criteria.radiusKm * 1000;
    if (near) {
      reasons.push({
        kind: "near",
        place: place.name,
        distanceKm: distanceKm(group.distanceMetres) ?? 0,
      });
    } else if (
      group.format === "online" ||
      group.format === "telephone" ||
      group.format === "hybrid"
    ) {
      reasons.push({ kind: "remote", format: group.format });
    }
  }
  if (criteria.difficulties.length > 0) {
    const listed = groupDifficulties.filter((d) => criteria.difficulties.includes(d.slug));
    if (listed.length > 0) reasons.push({ kind: "difficulty", difficulties: listed });
    else if (group.openToAnyDifficulty) reasons.push({ kind: "open_to_any_difficulty" });
  }
  if (criteria.audience) {
    reasons.push({ kind: "audience", audience: group.audience as "living_with" | "carers" });
  }
  if (criteria.languages.length > 0) {
    const spoken = group.languages.filter((language) => criteria.languages.includes(language));
    reasons.push({ kind: "language", languages: spoken });
  }
  if (criteria.days.length > 0 && group.weekday !== null) {
    reasons.push({ kind: "day", weekday: group.weekday });
  }
  if (criteria.times.length > 0 && startTime) {
    reasons.push({ kind: "time_of_day", timeOfDay: timeOfDay(startTime) });
  }
  if (criteria.access.length > 0) {
    const flags = accessFlags(group);
    reasons.push({ kind: "access", needs: criteria.access.filter((need) => flags[need]) });
  }
  if (criteria.placesFree) {
    reasons.push({ kind: "places_free", count: placesShown(group) });
  }
  if (criteria.text) reasons.push({ kind: "words" });
  return reasons;
}

/** Whole kilometres; under one kilometre is 0 ("less than 1 km"). */
function distanceKm(metres: number | null): number | null {
  if (metres === null) return null;
  return metres < 1000 ? 0 : Math.round(metres / 1000);
}

/**
 * One group as the public directory shows it, on the page and in /api/v1/groups. Exactly these
 * fields go out: never the video link, the telephone number or PIN, the agreement, the exact
 * point, the street address unless the group published it, or anything about its members.
 */
export function presentPublicGroup(
  group: ListedGroupRow,
  groupDifficulties: GroupDifficulty[],
  criteria: SearchCriteria,
  place: Place | null,
) {
  const flags = accessFlags(group);
  const address =
    group.venueName !== null || group.streetAddress !== null
      ? {
          venueName: group.venueName,
          streetAddress: group.streetAddress,
          postalCode: group.postalCode,
        }
      : null;
  return {
    slug: group.slug,
    name: group.name,
    url: `/groups/${group.slug}`,
    excerpt: excerpt(group.description),
    difficulties: groupDifficulties.map((d) => ({ slug: d.slug, name: d.name })),
    openToAnyDifficulty: group.openToAnyDifficulty,
    audience: group.audience,
    languages: group.languages,
    writtenIn: writtenLanguage(group),
    format: group.format,
    town: group.town,
    country: group.country,
    address,
    distanceKm: place ? distanceKm(group.distanceMetres) : null,
    schedule: {
      kind: group.scheduleKind as "weekly" | "fortnightly" | "monthly" | "one_off",
      weekday: group.weekday,
      /** For a monthly group, which of the month's weekdays: 1 to 4, or -1 for the last. */
      position: monthlyPosition(group.rrule),
      startTime: group.startTime?.slice(0, 5) ?? null,
      durationMinutes: group.durationMinutes,
      timeZone: group.timeZone,
      startsOn: group.startsOn,
    },
    placesFree: placesShown(group),
    hasPlacesFree: placesForNewcomers(group) > 0,
    access: accessNeeds.filter((need) => flags[need]),
    joiningPolicy: group.joiningPolicy,
    matchReasons: matchReasons(group, groupDifficulties, criteria, place),
  };
}

export type PublicGroup = ReturnType<typeof presentPublicGroup>;

function monthlyPosition(rrule: string | null): MonthlyPosition | null {
  const choice = rrule ? choiceFromRule(rrule) : null;
  return choice?.kind === "monthly" ? choice.position : null;
}

/** The whole answer of a search, as /api/v1/groups sends it and the page draws it. */
export function presentSearch(
  result: {
    place: Place | null;
    total: number;
    results: { group: ListedGroupRow; difficulties: GroupDifficulty[] }[];
  },
  criteria: SearchCriteria,
  pageSize: number,
) {
  return {
    place: result.place ? { name: result.place.name, country: result.place.country } : null,
    radiusKm: result.place ? criteria.radiusKm : null,
    total: result.total,
    page: criteria.page,
    pageSize,
    results: result.results.map(({ group, difficulties }) =>
      presentPublicGroup(group, difficulties, criteria, result.place),
    ),
  };
}

export type PresentedSearch = ReturnType<typeof presentSearch>;

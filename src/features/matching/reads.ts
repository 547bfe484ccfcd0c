import type { Database } from "../../infra/db/database.js";
import type { Language } from "../../infra/i18n/i18n.js";
import type { Place } from "../../infra/places/find-place.js";
import type { RadiusKm, SearchCriteria, TimeOfDay } from "../directory/inputs.js";
import { type GroupDifficulty, type ListedGroupRow, searchGroups } from "../directory/reads.js";
import { placesForNewcomers } from "../groups/present.js";
import { ANY_DIFFICULTY, type Answers, needsPlace } from "./inputs.js";

/** A short list: a newcomer chooses better between a few groups than among many. */
export const SHOWN = 5;
/** Fewer groups than this, and the results page offers to look wider or to ask for help. */
export const FEW = 3;
/** The directory answers a page at a time; a town has far fewer groups than this many pages. */
const MAX_PAGES = 10;

export type Candidate = { group: ListedGroupRow; difficulties: GroupDifficulty[] };
/** Whether the group meets on a day, and at a time of day, the person chose. */
export type Fit = { day: boolean; time: boolean };
export type RankedMatch = Candidate & { fit: Fit };

export type MatchResult =
  | {
      ok: true;
      /** The town the person gave, as found. */
      place: Place | null;
      criteria: SearchCriteria;
      /** The best SHOWN, best first. */
      matches: RankedMatch[];
      /** How many groups fit in all. */
      total: number;
    }
  | { ok: false; reason: "UNKNOWN_PLACE" | "UNKNOWN_DIFFICULTY" };

/**
 * What must be true of every group suggested, as the directory's search criteria: the
 * difficulty (or open to any), who it is for, the place (within the distance, or meeting
 * online or by telephone when that was chosen) and the language. Days and times only rank.
 */
export function matchCriteria(answers: Answers): SearchCriteria {
  const difficulty = answers.difficulty;
  return {
    text: undefined,
    difficulties: difficulty && difficulty !== ANY_DIFFICULTY ? [difficulty] : [],
    audience: answers.who === "me" ? "living_with" : answers.who === "carer" ? "carers" : undefined,
    place: needsPlace(answers.how) ? answers.place : undefined,
    // Widening may reach 20 or 100 km, beyond the directory's own radios; its search takes
    // any distance in kilometres.
    radiusKm: (answers.radius ?? 25) as RadiusKm,
    includeRemote: answers.how === "any",
    languages: answers.language ? [answers.language] : [],
    days: [],
    times: [],
    access: [],
    placesFree: false,
    page: 1,
    // Online means by video: a hybrid group has a video room too.
    formats:
      answers.how === "online"
        ? ["online", "hybrid"]
        : answers.how === "telephone"
          ? ["telephone"]
          : undefined,
    openToAnyOnly: difficulty === ANY_DIFFICULTY,
    // A group that fits but takes nobody new would only disappoint a newcomer.
    takingNewcomers: true,
  };
}

/** Morning before midday, afternoon to 5pm, evening after: as the directory counts them. */
export function timeOfDay(startTime: string): TimeOfDay {
  if (startTime < "12:00") return "morning";
  return startTime < "17:00" ? "afternoon" : "evening";
}

export function dayAndTimeFit(group: ListedGroupRow, answers: Answers): Fit {
  const start = group.startTime?.slice(0, 5) ?? null;
  return {
    day: group.weekday !== null && answers.days.includes(group.weekday),
    time: start !== null && answers.times.includes(timeOfDay(start)),
  };
}

const placesFree = (group: ListedGroupRow) => placesForNewcomers(group) > 0;

/**
 * Best first: the more of the chosen day and time of day a group meets on, the better; then a
 * group with a place free before one with a waiting list; then the nearest; then by name.
 */
export function compareMatches(a: RankedMatch, b: RankedMatch): number {
  const score = (m: RankedMatch) => Number(m.fit.day) + Number(m.fit.time);
  return (
    score(b) - score(a) ||
    Number(placesFree(b.group)) - Number(placesFree(a.group)) ||
    (a.group.distanceMetres ?? Number.POSITIVE_INFINITY) -
      (b.group.distanceMetres ?? Number.POSITIVE_INFINITY) ||
    a.group.name.localeCompare(b.group.name) ||
    a.group.slug.localeCompare(b.group.slug)
  );
}

/**
 * The groups that fit a newcomer's answers, best first. Only listed, active groups are read, and
 * only their public columns: the directory's search does the reading.
 */
export async function findMatches(
  db: Database,
  answers: Answers,
  options: { now: Date; language: Language },
): Promise<MatchResult> {
  const criteria = matchCriteria(answers);
  const candidates: Candidate[] = [];
  let place: Place | null = null;
  let total = 0;
  // Every group read fits; the pages are read to rank them by the days and times chosen.
  for (let page = 1; page <= MAX_PAGES; page++) {
    const found = await searchGroups(db, { ...criteria, page }, options);
    if (!found.ok) return found;
    place = found.place;
    total = found.total;
    candidates.push(...found.results);
    if (found.results.length === 0 || candidates.length >= found.total) break;
  }
  const ranked = candidates
    .map((candidate) => ({ ...candidate, fit: dayAndTimeFit(candidate.group, answers) }))
    .sort(compareMatches);
  return { ok: true, place, criteria, matches: ranked.slice(0, SHOWN), total };
}

import type { Place } from "../../infra/places/find-place.js";
import type { SearchCriteria } from "../directory/inputs.js";
import { type MatchReason, type PublicGroup, presentPublicGroup } from "../directory/present.js";
import { ANY_DIFFICULTY, type Answers } from "./inputs.js";
import type { Fit, MatchResult, RankedMatch } from "./reads.js";

/** The order a person reads the reasons in: what, who, where, when, language. */
const reasonOrder: MatchReason["kind"][] = [
  "difficulty",
  "open_to_any_difficulty",
  "audience",
  "near",
  "remote",
  "day",
  "time_of_day",
  "language",
  "access",
  "places_free",
  "words",
];

export type MatchedGroup = PublicGroup & { fit: Fit };

/**
 * One suggested group, as the directory presents it (the same public fields, nothing more),
 * with the reasons it fits: a day or time of day is a reason only when it is one the person chose.
 */
function presentMatch(
  match: RankedMatch,
  answers: Answers,
  criteria: SearchCriteria,
  place: Place | null,
): MatchedGroup {
  const asked: SearchCriteria = {
    ...criteria,
    days: match.fit.day ? answers.days : [],
    times: match.fit.time ? answers.times : [],
  };
  const group = presentPublicGroup(match.group, match.difficulties, asked, place);
  const reasons = [...group.matchReasons];
  const has = (kind: MatchReason["kind"]) => reasons.some((r) => r.kind === kind);
  // Without a town the directory does not say why a remote group fits; the person chose it.
  if (
    !has("remote") &&
    (answers.how === "online" || answers.how === "telephone") &&
    group.format !== "in_person"
  ) {
    reasons.push({ kind: "remote", format: group.format });
  }
  if (
    answers.difficulty === ANY_DIFFICULTY &&
    group.openToAnyDifficulty &&
    !has("open_to_any_difficulty")
  ) {
    reasons.push({ kind: "open_to_any_difficulty" });
  }
  reasons.sort((a, b) => reasonOrder.indexOf(a.kind) - reasonOrder.indexOf(b.kind));
  return { ...group, matchReasons: reasons, fit: match.fit };
}

export function presentMatches(result: Extract<MatchResult, { ok: true }>, answers: Answers) {
  return {
    place: result.place ? { name: result.place.name, country: result.place.country } : null,
    total: result.total,
    groups: result.matches.map((match) =>
      presentMatch(match, answers, result.criteria, result.place),
    ),
  };
}

export type PresentedMatches = ReturnType<typeof presentMatches>;

import type { Language, Translate } from "../../infra/i18n/i18n.js";
import { displayNames } from "../../infra/i18n/intl-cache.js";
import type { Place } from "../../infra/places/find-place.js";
import { weekdayName } from "../../infra/time/describe-schedule.js";
import type { Weekday } from "../../infra/time/recurrence.js";
import type { SearchCriteria } from "../directory/inputs.js";
import { type MatchReason, type PublicGroup, presentPublicGroup } from "../directory/present.js";
import { ANY_DIFFICULTY, type Answers, type Question, questions } from "./inputs.js";
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

/* ---- The person's answers in words: "Check your answers", and the help request ---- */

/** The question each page asks, as its heading says it. */
export const questionTitles = {
  difficulty: "matching.difficulty.title",
  who: "matching.who.title",
  where: "matching.where.title",
  when: "matching.when.title",
  language: "matching.language.title",
} as const satisfies Record<Question, string>;

const locale = (lang: Language) => (lang === "it" ? "it-IT" : "en-GB");

/** "Italiano", "English": a language's own name as the reader's language writes it. */
function languageName(code: string, lang: Language): string {
  try {
    return displayNames(locale(lang), "language").of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Tuesday or Thursday", "martedì o giovedì". */
function either(items: string[], lang: Language): string {
  return new Intl.ListFormat(locale(lang), { type: "disjunction" }).format(items);
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type AnswerWords = {
  t: Translate;
  lang: Language;
  /** A difficulty's name in the reader's language. */
  difficultyName: (slug: string) => string | undefined;
  /** The town as found, or as typed. */
  placeName: string | undefined;
};

/** The person's answer to one question, in plain words; null when it has none. */
export function answerText(
  answers: Answers,
  question: Question,
  words: AnswerWords,
): string | null {
  const { t, lang } = words;
  switch (question) {
    case "difficulty":
      if (!answers.difficulty) return null;
      return answers.difficulty === ANY_DIFFICULTY
        ? t("matching.answer.anyDifficulty")
        : (words.difficultyName(answers.difficulty) ?? null);
    case "who":
      return answers.who ? t(`matching.answer.who.${answers.who}`) : null;
    case "where": {
      const { how, radius } = answers;
      const place = words.placeName ?? answers.place;
      if (how === "online") return t("matching.answer.online");
      if (how === "telephone") return t("matching.answer.telephone");
      if (!how || !place || radius === undefined) return null;
      return t(how === "any" ? "matching.answer.any" : "matching.answer.inPerson", {
        km: radius,
        place,
      });
    }
    case "when": {
      if (answers.anyTime) return t("matching.answer.anyTime");
      const days = answers.days.map((day) => weekdayName(day as Weekday, lang));
      const times = answers.times.map((time) => t(`matching.answer.time.${time}`));
      if (days.length === 0 && times.length === 0) return null;
      if (times.length === 0)
        return upperFirst(t("matching.answer.daysOnly", { days: either(days, lang) }));
      if (days.length === 0) return t("matching.answer.timesOnly", { times: either(times, lang) });
      return upperFirst(
        t("matching.answer.daysTimes", { days: either(days, lang), times: either(times, lang) }),
      );
    }
    case "language":
      return answers.language ? upperFirst(languageName(answers.language, lang)) : null;
  }
}

/** Each question answered so far, with its answer in words. */
export function answerRows(
  answers: Answers,
  words: AnswerWords,
): { question: Question; title: string; answer: string }[] {
  const rows: { question: Question; title: string; answer: string }[] = [];
  for (const question of questions) {
    const answer = answerText(answers, question, words);
    if (answer !== null) rows.push({ question, title: words.t(questionTitles[question]), answer });
  }
  return rows;
}

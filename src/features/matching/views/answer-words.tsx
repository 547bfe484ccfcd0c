import type { Language, Translate } from "../../../infra/i18n/i18n.js";
import { languageName, weekdayName } from "../../directory/views/words.js";
import { ANY_DIFFICULTY, type Answers, type Question, questions } from "../inputs.js";

/** The question each page asks, as its heading says it. */
export const questionTitles = {
  difficulty: "matching.difficulty.title",
  who: "matching.who.title",
  where: "matching.where.title",
  when: "matching.when.title",
  language: "matching.language.title",
} as const satisfies Record<Question, string>;

const locale = (lang: Language) => (lang === "it" ? "it-IT" : "en-GB");

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
      const days = answers.days.map((day) => weekdayName(day, lang));
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

import { z } from "zod";
import { compilePhrases } from "../../../infra/text/phrase-matcher.js";
import { riskCategories } from "../tables.js";

export const PHRASE_MAX = 100;

/**
 * A phrase to look for: words, a `*` ending a word that may go on ("overdos*"). One with no word
 * left once punctuation is set aside, or a bare `*`, would find nothing or everything: refused.
 */
export const phraseInput = z
  .object({
    language: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, "crisis.phrases.errors.language"),
    phrase: z
      .string()
      .trim()
      .min(1, "crisis.phrases.errors.empty")
      .max(PHRASE_MAX, "crisis.phrases.errors.long")
      .refine(
        (text) => compilePhrases([{ phrase: text }]).size === 1,
        "crisis.phrases.errors.noWords",
      ),
    category: z.enum(riskCategories, { error: "crisis.phrases.errors.category" }),
  })
  .strict();

/** Which part of the list the administrators' page shows, from its address; defaults otherwise. */
export function phraseListAt(query: unknown, fallbackLanguage: string) {
  const q = (query ?? {}) as Record<string, unknown>;
  const language =
    typeof q.language === "string" && /^[a-z]{2,3}$/.test(q.language)
      ? q.language
      : fallbackLanguage;
  const category = riskCategories.find((c) => c === q.category) ?? riskCategories[0];
  const page =
    typeof q.page === "string" && /^\d{1,4}$/.test(q.page) ? Math.max(1, Number(q.page)) : 1;
  return { language, category, page };
}

export const phraseListPath = (at: { language: string; category: string; page?: number }) =>
  `/admin/risk-phrases?language=${at.language}&category=${at.category}${at.page && at.page > 1 ? `&page=${at.page}` : ""}`;

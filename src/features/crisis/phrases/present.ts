import { z } from "zod";
import { riskCategories } from "../tables.js";
import type { PhraseRow } from "./reads.js";

export const phraseJson = z.object({
  id: z.string(),
  language: z.string(),
  phrase: z.string().describe("Words; a `*` ends a word that may go on"),
  category: z.enum(riskCategories),
});

export const phrasesJson = z.object({ phrases: z.array(phraseJson) });

export const presentPhrase = (row: PhraseRow): z.infer<typeof phraseJson> => ({
  id: row.id,
  language: row.language,
  phrase: row.phrase,
  category: row.category,
});

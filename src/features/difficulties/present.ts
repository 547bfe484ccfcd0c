import { z } from "zod";
import type { difficulties } from "./tables.js";

const translations = z.object({ en: z.string(), it: z.string() });

/** A difficulty as administrators edit it: both languages, and whether it is still offered. */
export const difficultyShown = z.object({
  slug: z.string(),
  names: translations,
  descriptions: translations,
  retired: z.boolean(),
});

export function presentDifficulty(
  difficulty: typeof difficulties.$inferSelect,
): z.infer<typeof difficultyShown> {
  return {
    slug: difficulty.slug,
    names: difficulty.names,
    descriptions: difficulty.descriptions,
    retired: difficulty.retiredAt !== null,
  };
}

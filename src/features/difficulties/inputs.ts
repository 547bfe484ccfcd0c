import { z } from "zod";

const name = z
  .string()
  .trim()
  .min(2, "difficulties.errors.name")
  .max(80, "difficulties.errors.name");
const description = z
  .string()
  .trim()
  .min(10, "difficulties.errors.description")
  .max(300, "difficulties.errors.description");

/** An administrator's edit of one difficulty: its name and description in each language. */
export const difficultyInput = z.object({
  nameEn: name,
  nameIt: name,
  descriptionEn: description,
  descriptionIt: description,
});

export const newDifficultyInput = difficultyInput.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "difficulties.errors.slug")
    .max(60, "difficulties.errors.slug"),
});

export const retireInput = z.object({ retire: z.enum(["yes", "no"]) });

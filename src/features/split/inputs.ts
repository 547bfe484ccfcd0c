import { z } from "zod";
import { checkboxList } from "../../infra/html/form.js";
import { UUID } from "../../infra/http/ids.js";
import { normaliseTime, weekdays } from "../groups/inputs.js";

const uuid = z.string().regex(UUID);

const name = z.string().trim().min(3, "split.errors.name").max(80, "split.errors.nameTooLong");
const weekday = z.enum(weekdays, "split.errors.weekday");
const time = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const normal = normaliseTime(text);
    if (normal === null) {
      ctx.addIssue({ code: "custom", message: "split.errors.time" });
      return z.NEVER;
    }
    return normal;
  });
const facilitators = checkboxList(uuid).pipe(
  z.array(z.string()).min(1, "split.errors.facilitators"),
);

/**
 * The two groups a split makes: a name, a day and a time for each, and who facilitates each
 * (members of the group, at least one each, nobody in both).
 */
export const splitInput = z
  .object({
    name1: name,
    weekday1: weekday,
    time1: time,
    facilitators1: facilitators,
    name2: name,
    weekday2: weekday,
    time2: time,
    facilitators2: facilitators,
  })
  .superRefine((form, ctx) => {
    if (form.name1.toLowerCase() === form.name2.toLowerCase()) {
      ctx.addIssue({ code: "custom", path: ["name2"], message: "split.errors.sameName" });
    }
    if (form.facilitators2.some((id) => form.facilitators1.includes(id))) {
      ctx.addIssue({ code: "custom", path: ["facilitators2"], message: "split.errors.both" });
    }
  });

export type SplitForm = z.output<typeof splitInput>;

/** A member's choice: the first group, the second, or to leave. */
export const choiceInput = z.object({ part: z.enum(["1", "2", "leave"], "split.errors.choice") });

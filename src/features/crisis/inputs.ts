import { z } from "zod";
import { isUuid } from "../../infra/http/ids.js";

/** The longest note a member adds when worried about someone. */
export const WORRY_NOTE_MAX = 1000;
/** The longest note on what was done, or why an alert is closed. */
export const ALERT_NOTE_MAX = 2000;

/** Where an alert goes next, as the buttons on its page say it. */
export const alertSteps = ["seen", "acted_on", "closed"] as const;
export type AlertStep = (typeof alertSteps)[number];

/**
 * A step in an alert's life: "I have seen it", "Acted on" (with a note, if any) or "Close"
 * (with a note, always: the next person to look must know why it ended).
 */
export const alertStepInput = z
  .object({
    state: z.enum(alertSteps, { error: "crisis.errors.state" }),
    note: z.string().trim().max(ALERT_NOTE_MAX, "crisis.errors.noteLong").optional().default(""),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.state === "closed" && input.note === "") {
      context.addIssue({ code: "custom", path: ["note"], message: "crisis.errors.closeNote" });
    }
  });
export type AlertStepInput = z.output<typeof alertStepInput>;

/** "I'm worried about this person": a few words for those who will look, if the member wants. */
export const worriedInput = z
  .object({
    note: z.string().trim().max(WORRY_NOTE_MAX, "crisis.errors.worryLong").optional().default(""),
  })
  .strict();

export const isAlertId = isUuid;

/** A token from an alert's link: 256 random bits, base64url. */
export function isAlertToken(text: unknown): text is string {
  return typeof text === "string" && /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** A removal asks nothing more than its button. */
export const nothingInput = z.object({}).strict();

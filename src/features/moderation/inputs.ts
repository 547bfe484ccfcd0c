import { z } from "zod";
import { withoutControlCharacters } from "../../infra/html/form.js";
import { isUuid } from "../../infra/http/ids.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { reportReasons } from "./tables.js";

export const DETAILS_MAX = 2_000;
export const HIDE_REASON_MAX = 500;
export const ASK_BACK_MAX = 1_000;

/**
 * Plain words of the person's own, at most `max` characters: never rendered as markup. The JSON
 * door gets no form parsing, so the invisible control characters are dropped here as well.
 */
const plainWords = (max: number, long: MessageKey) =>
  z.preprocess(
    (value) => (typeof value === "string" ? withoutControlCharacters(value) : value),
    z.string().trim().max(max, long),
  );

/** A report: one reason from the short list, and, if the member wishes, a few words. */
export const reportInput = z.object({
  reason: z.enum(reportReasons, { error: "moderation.errors.reason" }),
  details: plainWords(DETAILS_MAX, "moderation.errors.detailsLong").optional().default(""),
});
export type ReportInput = z.output<typeof reportInput>;

/** Hiding a post says why: its author reads it. */
export const hideInput = z.object({
  reason: z.preprocess(
    (value) => (typeof value === "string" ? withoutControlCharacters(value) : value),
    z
      .string({ error: "moderation.errors.hideReasonEmpty" })
      .trim()
      .min(1, "moderation.errors.hideReasonEmpty")
      .max(HIDE_REASON_MAX, "moderation.errors.hideReasonLong"),
  ),
});

/** Showing a post again may say why. */
export const restoreInput = z.object({
  reason: plainWords(HIDE_REASON_MAX, "moderation.errors.hideReasonLong").optional().default(""),
});

/** Asking for a hidden post back, with a message to the facilitators if the author wishes. */
export const askBackInput = z.object({
  message: plainWords(ASK_BACK_MAX, "moderation.errors.messageLong").optional().default(""),
});

/** Leaving a report up asks nothing more than the button. */
export const nothingInput = z.object({}).strict();

export const isReportId = isUuid;

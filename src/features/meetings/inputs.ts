import { z } from "zod";
import { checkboxList } from "../../infra/html/form.js";
import { isUuid, UUID } from "../../infra/http/ids.js";
import { dateField, normaliseTime } from "../groups/inputs.js";
import { rsvpAnswers } from "./tables.js";

const markup = /<[^>]*>|&[a-z]+;|&#\d+;/i;

/** Short words in the person's own voice: no markup, at most `max` characters. */
const words = (max: number, message: "meetings.errors.reason" | "meetings.errors.theme") =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, message)
    .refine((text) => !markup.test(text), "meetings.errors.markup");

const localDate = dateField("meetings.errors.date");

const localTime = (message: "meetings.errors.startTime" | "meetings.errors.endTime") =>
  z.string().transform((text, context) => {
    const time = normaliseTime(text);
    if (time === null) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return time;
  });

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A one-off meeting: its local date, start and end in the group's time zone. */
export const newMeetingInput = z
  .object({
    date: localDate,
    startTime: localTime("meetings.errors.startTime"),
    endTime: localTime("meetings.errors.endTime"),
    theme: z
      .string()
      .trim()
      .max(200, "meetings.errors.theme")
      .refine((text) => !markup.test(text), "meetings.errors.markup")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((value, context) => {
    if (minutes(value.endTime) <= minutes(value.startTime)) {
      context.addIssue({ code: "custom", path: ["endTime"], message: "meetings.errors.endBefore" });
    }
  });

/** Moving one meeting: a new local date and start time, and why, for the members' e-mail. */
export const moveMeetingInput = z.object({
  date: localDate,
  startTime: localTime("meetings.errors.startTime"),
  reason: words(500, "meetings.errors.reason"),
});

export const cancelMeetingInput = z.object({ reason: words(500, "meetings.errors.reason") });

export const rsvpInput = z.object({ answer: z.enum(rsvpAnswers, "meetings.errors.answer") });

export const themeSuggestionInput = z.object({ text: words(200, "meetings.errors.theme") });

export const chooseThemeInput = z.object({
  theme: z
    .string()
    .trim()
    .max(200, "meetings.errors.theme")
    .refine((text) => !markup.test(text), "meetings.errors.markup"),
});

/** The facilitators choose who facilitates a meeting: a member, or nobody yet (""). */
export const assignFacilitatorInput = z.object({
  personId: z
    .string()
    .refine((id) => id === "" || isUuid(id), "meetings.errors.facilitator")
    .transform((id) => (id === "" ? null : id)),
});

/** The members present, ticked on the attendance list. */
export const attendanceInput = z.object({
  present: checkboxList(z.string().regex(UUID, "meetings.errors.attendance")),
});

export const isMeetingId = isUuid;

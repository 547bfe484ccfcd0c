import { z } from "zod";

export const joinInput = z.object({
  message: z
    .string()
    .trim()
    .max(1000, "memberships.request.tooLong")
    .optional()
    .transform((m) => (m ? m : undefined)),
});

export const offerAnswerInput = z.object({ answer: z.enum(["accept", "decline"]) });

export const decisionInput = z.object({
  decision: z.enum(["accept", "decline"]),
  message: z
    .string()
    .trim()
    .max(1000, "memberships.request.tooLong")
    .optional()
    .transform((m) => (m ? m : undefined)),
});

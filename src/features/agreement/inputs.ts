import { z } from "zod";

/** A proposed agreement: the whole text as it would read, and why. */
export const proposalInput = z.object({
  text: z.string().trim().min(1, "agreement.errors.empty").max(5000, "agreement.errors.tooLong"),
  reason: z.string().trim().max(1000, "agreement.errors.reasonTooLong").default(""),
});

/** An objection, with an optional word on why. */
export const objectionInput = z.object({
  reason: z.string().trim().max(1000, "agreement.errors.reasonTooLong").default(""),
});

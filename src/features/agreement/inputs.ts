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

/**
 * Accepting the agreement as it was read: its `changedAt` then, so a change that took effect
 * meanwhile is never accepted unseen. Without it, the agreement as it now reads.
 */
export const acceptInput = z
  .object({
    read: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("The agreement's changedAt as read; refused (409) if it changed since"),
  })
  .strict()
  .optional();

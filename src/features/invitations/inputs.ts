import { z } from "zod";

/** Whom to invite, and an optional word from the facilitator. */
export const inviteInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "invitations.errors.email")
    .pipe(z.email("invitations.errors.email")),
  message: z.string().trim().max(500, "invitations.errors.message").default(""),
});

import { z } from "zod";
import { emailAddress } from "../accounts/inputs.js";

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const organisationInput = z.object({
  name: z.string().trim().min(2, "organisations.errors.name").max(120, "organisations.errors.name"),
  contactEmail: optional.pipe(z.email("organisations.errors.contactEmail").optional()),
  contactPhone: optional.pipe(
    z
      .string()
      .regex(/^\+?[0-9 ()-]{5,30}$/, "organisations.errors.contactPhone")
      .optional(),
  ),
});

export const coordinatorInput = z.object({ email: emailAddress });

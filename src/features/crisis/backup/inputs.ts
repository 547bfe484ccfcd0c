import { z } from "zod";
import { isUuid } from "../../../infra/http/ids.js";
import { emailAddress } from "../../accounts/inputs.js";

/**
 * The group's backup contact: one of its facilitators or its guide (by their id), the
 * organisation's safeguarding lead ("lead"), or nobody but the facilitators ("none").
 */
export const backupInput = z
  .object({
    contact: z
      .string({ error: "crisis.backup.errors.choice" })
      .refine((v) => v === "lead" || v === "none" || isUuid(v), "crisis.backup.errors.choice"),
  })
  .strict();

/** The organisation's safeguarding lead, by the e-mail address of their account. */
export const leadInput = z.object({ email: emailAddress }).strict();

import { z } from "zod";
import type { AgreementChange } from "./reads.js";
import { agreementChangeStates } from "./tables.js";

/** A change to the agreement, as the API shows it. */
export const changeSchema = z.object({
  id: z.string(),
  text: z.string(),
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  objectionsCloseAt: z.string(),
  state: z.enum(agreementChangeStates),
});

export function presentChange(c: AgreementChange & { proposer: string }) {
  return {
    id: c.id,
    text: c.text,
    reason: c.reason,
    proposedBy: c.proposer,
    proposedAt: c.proposedAt.toISOString(),
    objectionsCloseAt: c.objectionsCloseAt.toISOString(),
    state: c.state,
  };
}

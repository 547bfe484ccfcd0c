import { z } from "zod";
import { backupKinds } from "../tables.js";
import type { BackupChoice } from "./reads.js";

const choiceJson = z.object({
  value: z.string().describe("What to send as `contact` to choose it"),
  kind: z.enum(backupKinds),
  person: z.object({ id: z.string(), name: z.string() }),
});

export const backupJson = z.object({
  contact: choiceJson.nullable().describe("Null: the facilitators alone receive the alerts"),
  choices: z.array(choiceJson),
});

const shown = (c: BackupChoice) => ({
  value: c.value,
  kind: c.kind,
  person: { id: c.personId, name: c.name },
});

export function presentBackup(current: BackupChoice | null, choices: BackupChoice[]) {
  return { contact: current ? shown(current) : null, choices: choices.map(shown) };
}

export const leadJson = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  lead: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe("Who receives the alerts of the organisation's groups that nobody looked at"),
});

export function presentLead(
  organisation: { id: string; name: string },
  lead: { id: string; name: string } | null,
) {
  return {
    organisation: { id: organisation.id, name: organisation.name },
    lead: lead ? { id: lead.id, name: lead.name } : null,
  };
}

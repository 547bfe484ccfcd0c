import type { Executor } from "../../../infra/db/database.js";
import { listContacts } from "../../accounts/reads.js";
import { listActiveMembers } from "../../memberships/reads.js";
import { getBackupContact, getSafeguardingLead } from "../reads.js";
import type { BackupKind } from "../tables.js";

/** Someone who may be a group's backup contact, as the choice is offered. */
export type BackupChoice = { value: string; kind: BackupKind; personId: string; name: string };

/**
 * Who a group's backup contact may be: each of its facilitators, its guide (an observer too: they
 * act through the link in the e-mail), and its organisation's safeguarding lead, if it named one.
 */
export async function listBackupChoices(
  db: Executor,
  group: { id: string; organisationId: string | null },
): Promise<BackupChoice[]> {
  const members = await listActiveMembers(db, group.id);
  const choices: BackupChoice[] = members
    .filter((m) => m.role === "facilitator" || m.role === "guide")
    .map((m) => ({
      value: m.personId,
      kind: m.role === "guide" ? "guide" : "facilitator",
      personId: m.personId,
      name: m.displayName,
    }));
  const lead = await getSafeguardingLead(db, group.organisationId);
  if (lead) {
    const [person] = await listContacts(db, [lead]);
    choices.push({
      value: "lead",
      kind: "safeguarding_lead",
      personId: lead,
      name: person?.displayName ?? "",
    });
  }
  return choices;
}

/** The group's backup contact as it stands: which choice, or none. */
export async function currentBackup(
  db: Executor,
  group: { id: string; organisationId: string | null },
  choices: BackupChoice[],
): Promise<BackupChoice | null> {
  const row = await getBackupContact(db, group.id);
  if (!row) return null;
  const value = row.kind === "safeguarding_lead" ? "lead" : row.personId;
  return choices.find((c) => c.value === value) ?? null;
}

/** The organisation's lead, with their name, for its coordinators' page. */
export async function leadOf(db: Executor, organisationId: string) {
  const personId = await getSafeguardingLead(db, organisationId);
  if (!personId) return null;
  const [person] = await listContacts(db, [personId]);
  return { id: personId, name: person?.displayName ?? "", email: person?.email ?? "" };
}

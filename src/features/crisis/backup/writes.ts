import { eq } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { getPersonIdByEmail } from "../../accounts/reads.js";
import { type BackupKind, backupContacts, safeguardingLeads } from "../tables.js";

/** Those who lead the group name its backup contact, or leave the facilitators alone (null). */
export async function chooseBackup(
  db: Executor,
  groupId: string,
  choice: { kind: BackupKind; personId: string | null } | null,
  now: Date,
): Promise<void> {
  if (!choice) {
    await db.delete(backupContacts).where(eq(backupContacts.groupId, groupId));
    return;
  }
  await db
    .insert(backupContacts)
    .values({ groupId, ...choice, updatedAt: now })
    .onConflictDoUpdate({ target: backupContacts.groupId, set: { ...choice, updatedAt: now } });
}

/** Names the person with this address the organisation's lead; they must have an account. */
export async function nameSafeguardingLead(
  db: Executor,
  organisationId: string,
  email: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "NO_SUCH_PERSON" }> {
  const personId = await getPersonIdByEmail(db, email);
  if (!personId) return { ok: false, reason: "NO_SUCH_PERSON" };
  await db
    .insert(safeguardingLeads)
    .values({ organisationId, personId, updatedAt: now })
    .onConflictDoUpdate({
      target: safeguardingLeads.organisationId,
      set: { personId, updatedAt: now },
    });
  return { ok: true };
}

/**
 * The organisation has no lead for now: groups that chose the lead as their backup contact
 * have only their facilitators until it names another.
 */
export async function removeSafeguardingLead(db: Executor, organisationId: string): Promise<void> {
  await db.delete(safeguardingLeads).where(eq(safeguardingLeads.organisationId, organisationId));
}

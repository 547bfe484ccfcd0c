import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { reminderPreferences } from "../tables.js";
import type { Preferences } from "./writes.js";

/** A member's choice of e-mails from a group; the defaults when they never chose. */
export async function getPreferences(
  db: Executor,
  groupId: string,
  personId: string,
): Promise<Preferences> {
  const [row] = await db
    .select()
    .from(reminderPreferences)
    .where(
      and(eq(reminderPreferences.groupId, groupId), eq(reminderPreferences.personId, personId)),
    )
    .limit(1);
  return {
    dayBefore: row?.dayBefore ?? true,
    hourBefore: row?.hourBefore ?? true,
    weeklyDigest: row?.weeklyDigest ?? false,
    rotaRequests: row?.rotaRequests ?? true,
  };
}

/** Of these people, those who want to be asked for a volunteer by this group (the default). */
export async function wantRotaRequests(
  db: Executor,
  groupId: string,
  personIds: string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const declined = await db
    .select({ personId: reminderPreferences.personId })
    .from(reminderPreferences)
    .where(
      and(
        eq(reminderPreferences.groupId, groupId),
        inArray(reminderPreferences.personId, personIds),
        eq(reminderPreferences.rotaRequests, false),
      ),
    );
  const no = new Set(declined.map((d) => d.personId));
  return personIds.filter((id) => !no.has(id));
}

/** The groups whose weekly digest someone asked for, with those people, among active members. */
export async function listGroupsWithDigest(
  db: Executor,
): Promise<{ groupId: string; personIds: string[] }[]> {
  const rows = await db.execute<{ group_id: string; person_ids: string[] }>(sql`
    select p.group_id, array_agg(p.person_id) as person_ids
    from ${reminderPreferences} p
    join memberships m on m.group_id = p.group_id and m.person_id = p.person_id and m.state = 'active'
    where p.weekly_digest
    group by p.group_id`);
  return rows.rows.map((r) => ({ groupId: r.group_id, personIds: r.person_ids }));
}

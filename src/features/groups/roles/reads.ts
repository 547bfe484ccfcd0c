import { and, asc, eq, lte } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { listContacts } from "../../accounts/reads.js";
import { handovers, roleChanges } from "./tables.js";

export type Handover = typeof handovers.$inferSelect;

export async function getHandover(db: Executor, groupId: string): Promise<Handover | null> {
  const [row] = await db.select().from(handovers).where(eq(handovers.groupId, groupId)).limit(1);
  return row ?? null;
}

/** The group's changes of role up to now, oldest first, with the names people chose. */
export async function listRoleChanges(db: Executor, groupId: string, now: Date) {
  const rows = await db
    .select()
    .from(roleChanges)
    .where(and(eq(roleChanges.groupId, groupId), lte(roleChanges.createdAt, now)))
    .orderBy(asc(roleChanges.createdAt));
  const ids = [
    ...new Set(rows.flatMap((r) => [r.personId, r.changedBy]).filter((id): id is string => !!id)),
  ];
  const names = new Map((await listContacts(db, ids)).map((c) => [c.id, c.displayName ?? ""]));
  return rows.map((r) => ({
    id: r.id,
    person: r.personId ? (names.get(r.personId) ?? "") : "",
    by: r.changedBy ? (names.get(r.changedBy) ?? "") : "",
    fromRole: r.fromRole,
    toRole: r.toRole,
    at: r.createdAt,
  }));
}

import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { listContacts } from "../accounts/reads.js";
import { groups } from "../groups/tables.js";
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

/**
 * For a person's own copy of their data: each change of their role in a group (and whether they
 * made it themselves), and the handovers they proposed or agreed to. Others are not named.
 */
export async function personalRoles(db: Executor, personId: string) {
  const [changes, handoversTaken] = await Promise.all([
    db
      .select({
        group: groups.name,
        fromRole: roleChanges.fromRole,
        toRole: roleChanges.toRole,
        at: roleChanges.createdAt,
        madeByYou: sql<boolean>`coalesce(${roleChanges.changedBy} = ${personId}, false)`,
      })
      .from(roleChanges)
      .innerJoin(groups, eq(groups.id, roleChanges.groupId))
      .where(eq(roleChanges.personId, personId))
      .orderBy(asc(roleChanges.createdAt)),
    db
      .select({
        group: groups.name,
        handoverAt: handovers.handoverAt,
        proposedByYou: sql<boolean>`coalesce(${handovers.proposedBy} = ${personId}, false)`,
        proposedAt: handovers.proposedAt,
        agreedByYou: sql<boolean>`coalesce(${handovers.agreedBy} = ${personId}, false)`,
        agreedAt: handovers.agreedAt,
      })
      .from(handovers)
      .innerJoin(groups, eq(groups.id, handovers.groupId))
      .where(or(eq(handovers.proposedBy, personId), eq(handovers.agreedBy, personId)))
      .orderBy(asc(handovers.proposedAt)),
  ]);
  return { changes, handovers: handoversTaken };
}

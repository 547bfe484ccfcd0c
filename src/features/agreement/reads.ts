import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { listContacts } from "../accounts/reads.js";
import { agreementChanges, agreementObjections } from "./tables.js";

export type AgreementChange = typeof agreementChanges.$inferSelect;

/** The names people chose, by id (someone who left Mutua has none). */
async function namesOf(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const known = [...new Set(ids.filter((id): id is string => id !== null))];
  return new Map((await listContacts(db, known)).map((c) => [c.id, c.displayName ?? ""]));
}

/** The change open for objections in a group, if any, with who proposed it. */
export async function getOpenChange(
  db: Executor,
  groupId: string,
): Promise<(AgreementChange & { proposer: string }) | null> {
  const [change] = await db
    .select()
    .from(agreementChanges)
    .where(and(eq(agreementChanges.groupId, groupId), eq(agreementChanges.state, "open")))
    .limit(1);
  if (!change) return null;
  const names = await namesOf(db, [change.proposedBy]);
  return { ...change, proposer: names.get(change.proposedBy ?? "") ?? "" };
}

export type SettledChange = AgreementChange & {
  proposer: string;
  objections: { person: string; reason: string }[];
};

/** Changes that took effect or were objected to, newest first, with the objections. */
export async function listSettledChanges(db: Executor, groupId: string): Promise<SettledChange[]> {
  const changes = await db
    .select()
    .from(agreementChanges)
    .where(
      and(
        eq(agreementChanges.groupId, groupId),
        inArray(agreementChanges.state, ["objected", "adopted"]),
      ),
    )
    .orderBy(desc(agreementChanges.proposedAt))
    .limit(20);
  if (changes.length === 0) return [];
  const objections = await db
    .select()
    .from(agreementObjections)
    .where(
      inArray(
        agreementObjections.changeId,
        changes.map((c) => c.id),
      ),
    )
    .orderBy(asc(agreementObjections.createdAt));
  const names = await namesOf(db, [
    ...changes.map((c) => c.proposedBy),
    ...objections.map((o) => o.personId),
  ]);
  const nameOf = (id: string | null) => names.get(id ?? "") ?? "";
  return changes.map((change) => ({
    ...change,
    proposer: nameOf(change.proposedBy),
    objections: objections
      .filter((o) => o.changeId === change.id)
      .map((o) => ({ person: nameOf(o.personId), reason: o.reason })),
  }));
}

/** The objections a person made to changes of a group's agreement, in their words. */
export async function personalObjections(db: Executor, personId: string) {
  return db
    .select({
      group: sql<string>`(select g.name from groups g where g.id = ${agreementChanges.groupId})`,
      proposedText: agreementChanges.text,
      yourReason: agreementObjections.reason,
      at: agreementObjections.createdAt,
    })
    .from(agreementObjections)
    .innerJoin(agreementChanges, eq(agreementChanges.id, agreementObjections.changeId))
    .where(eq(agreementObjections.personId, personId))
    .orderBy(asc(agreementObjections.createdAt));
}

/**
 * Whether the group's latest change was stopped by this person's objection: their objection
 * sent twice (a double click) finds it so, and is told the same as the first time.
 */
export async function objectedToLatest(
  db: Executor,
  groupId: string,
  personId: string,
): Promise<boolean> {
  const [latest] = await db
    .select({ id: agreementChanges.id, state: agreementChanges.state })
    .from(agreementChanges)
    .where(eq(agreementChanges.groupId, groupId))
    .orderBy(desc(agreementChanges.proposedAt))
    .limit(1);
  if (latest?.state !== "objected") return false;
  const [mine] = await db
    .select({ personId: agreementObjections.personId })
    .from(agreementObjections)
    .where(
      and(eq(agreementObjections.changeId, latest.id), eq(agreementObjections.personId, personId)),
    );
  return mine !== undefined;
}

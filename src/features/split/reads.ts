import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { type Group, getGroupById } from "../groups/reads.js";
import { groups } from "../groups/tables.js";
import { getMembership } from "../memberships/reads.js";
import { splitChoices, splitParts, splitProposals } from "./tables.js";

export type SplitPart = typeof splitParts.$inferSelect;
export type OpenSplit = typeof splitProposals.$inferSelect & {
  parts: SplitPart[];
  /** Person id → 1, 2, or null to leave. */
  choices: Map<string, number | null>;
};

/** The split open in a group, with its two parts and the choices made so far. */
export async function getOpenSplit(db: Executor, groupId: string): Promise<OpenSplit | null> {
  const [proposal] = await db
    .select()
    .from(splitProposals)
    .where(and(eq(splitProposals.groupId, groupId), eq(splitProposals.state, "open")))
    .limit(1);
  if (!proposal) return null;
  const [parts, choices] = await Promise.all([
    db
      .select()
      .from(splitParts)
      .where(eq(splitParts.proposalId, proposal.id))
      .orderBy(asc(splitParts.part)),
    db.select().from(splitChoices).where(eq(splitChoices.proposalId, proposal.id)),
  ]);
  return { ...proposal, parts, choices: new Map(choices.map((c) => [c.personId, c.part])) };
}

/** The groups a split made, for the parent's former members: slug and name of each. */
export async function listSplitOutcome(db: Executor, groupId: string) {
  const [done] = await db
    .select({ id: splitProposals.id, doneAt: splitProposals.doneAt })
    .from(splitProposals)
    .where(and(eq(splitProposals.groupId, groupId), eq(splitProposals.state, "done")))
    .limit(1);
  if (!done) return null;
  const parts = await db
    .select({ part: splitParts.part, name: splitParts.name, groupId: splitParts.groupId })
    .from(splitParts)
    .where(eq(splitParts.proposalId, done.id))
    .orderBy(asc(splitParts.part));
  return { doneAt: done.doneAt, parts };
}

/**
 * The group a completed split of this group made for this person: the one they are in, else the
 * first. Null while no split of it was completed.
 */
export async function madeBySplit(
  db: Executor,
  groupId: string,
  personId: string,
): Promise<Group | null> {
  const outcome = await listSplitOutcome(db, groupId);
  const made = (
    await Promise.all(outcome?.parts.map((p) => p.groupId && getGroupById(db, p.groupId)) ?? [])
  ).filter((g): g is Group => Boolean(g));
  const held = await Promise.all(made.map((g) => getMembership(db, g.id, personId)));
  return made.find((_, i) => held[i]?.state === "active") ?? made[0] ?? null;
}

/**
 * For a person's own copy of their data: the splits they proposed, and the group they chose in
 * each split of a group they were in (null when they chose to leave).
 */
export async function personalSplits(db: Executor, personId: string) {
  const [proposed, choices] = await Promise.all([
    db
      .select({
        group: groups.name,
        proposedAt: splitProposals.proposedAt,
        state: splitProposals.state,
      })
      .from(splitProposals)
      .innerJoin(groups, eq(groups.id, splitProposals.groupId))
      .where(eq(splitProposals.proposedBy, personId))
      .orderBy(asc(splitProposals.proposedAt)),
    db
      .select({
        group: groups.name,
        youChose: splitParts.name,
        chosenAt: splitChoices.chosenAt,
      })
      .from(splitChoices)
      .innerJoin(splitProposals, eq(splitProposals.id, splitChoices.proposalId))
      .innerJoin(groups, eq(groups.id, splitProposals.groupId))
      .leftJoin(
        splitParts,
        and(
          eq(splitParts.proposalId, splitChoices.proposalId),
          eq(splitParts.part, splitChoices.part),
        ),
      )
      .where(eq(splitChoices.personId, personId))
      .orderBy(asc(splitChoices.chosenAt)),
  ]);
  return { proposed, choices };
}

import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
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

import { and, eq, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "../../infra/db/database.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { groups } from "../groups/tables.js";
import { memberships } from "../memberships/tables.js";
import type { AgreementChange } from "./reads.js";
import { agreementChanges, agreementObjections } from "./tables.js";

/** How long members have to object to a proposed change. */
export const OBJECTION_DAYS = 7;

export type ProposalResult =
  | { ok: true; change: AgreementChange }
  | { ok: false; reason: "UNCHANGED" | "CHANGE_OPEN" };

/** A facilitator proposes the agreement as it would read; members have 7 days to object. */
export async function proposeAgreementChange(
  db: Executor,
  input: { groupId: string; text: string; reason: string; proposedBy: string },
  now: Date,
): Promise<ProposalResult> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ agreement: groups.agreement })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    if (!group || group.agreement.trim() === input.text.trim()) {
      return { ok: false, reason: "UNCHANGED" } as const;
    }
    const [change] = await tx
      .insert(agreementChanges)
      .values({
        groupId: input.groupId,
        text: input.text,
        reason: input.reason,
        proposedBy: input.proposedBy,
        proposedAt: now,
        objectionsCloseAt: new Date(now.getTime() + OBJECTION_DAYS * DAY_MS),
        state: "open",
      })
      .onConflictDoNothing()
      .returning();
    return change
      ? ({ ok: true, change } as const)
      : ({ ok: false, reason: "CHANGE_OPEN" } as const);
  });
}

export type ObjectionResult =
  | { ok: true; change: AgreementChange }
  | { ok: false; reason: "NOT_OPEN" };

/** One objection is enough: the change does not take effect, and the facilitators are told. */
export async function objectToChange(
  db: Executor,
  input: { groupId: string; personId: string; reason: string },
  now: Date,
): Promise<ObjectionResult> {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .update(agreementChanges)
      .set({ state: "objected", settledAt: now })
      .where(
        and(
          eq(agreementChanges.groupId, input.groupId),
          eq(agreementChanges.state, "open"),
          sql`${agreementChanges.objectionsCloseAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning();
    if (!change) return { ok: false, reason: "NOT_OPEN" } as const;
    await tx.insert(agreementObjections).values({
      changeId: change.id,
      personId: input.personId,
      reason: input.reason,
      createdAt: now,
    });
    return { ok: true, change } as const;
  });
}

/**
 * Changes nobody objected to take effect when their 7 days are over: the group's agreement
 * becomes the new text, dated then, and every member is asked to accept it again. Each change
 * is taken by one UPDATE, so two instances settling at once adopt it once.
 */
export async function settleAgreementChanges(
  db: Database,
  now: Date,
  groupId?: string,
): Promise<AgreementChange[]> {
  const due = and(
    eq(agreementChanges.state, "open"),
    lte(agreementChanges.objectionsCloseAt, now),
    groupId ? eq(agreementChanges.groupId, groupId) : undefined,
  );
  const candidates = await db
    .select({ id: agreementChanges.id })
    .from(agreementChanges)
    .where(due)
    .limit(500);
  const adopted: AgreementChange[] = [];
  for (const { id } of candidates) {
    const change = await db.transaction(async (tx) => {
      const [taken] = await tx
        .update(agreementChanges)
        .set({ state: "adopted", settledAt: agreementChanges.objectionsCloseAt })
        .where(and(eq(agreementChanges.id, id), due))
        .returning();
      if (!taken) return null;
      await tx
        .update(groups)
        // Dated when it is adopted: someone who joined after the week ended, but before this
        // ran, accepted the old text and is asked to accept the new one too.
        .set({ agreement: taken.text, agreementChangedAt: now })
        .where(eq(groups.id, taken.groupId));
      return taken;
    });
    if (change) adopted.push(change);
  }
  return adopted;
}

/**
 * A member accepts the agreement as they read it: only while it is still that version (changed
 * last at `read`), so a change that took effect meanwhile is never accepted unseen.
 */
export async function acceptAgreement(
  db: Executor,
  input: { groupId: string; personId: string; read: Date | null },
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(memberships)
    .set({ agreementAcceptedAt: now, updatedAt: now })
    .where(
      and(
        eq(memberships.groupId, input.groupId),
        eq(memberships.personId, input.personId),
        eq(memberships.state, "active"),
        sql`exists (select 1 from ${groups} where ${groups.id} = ${input.groupId}
          and ${groups.agreementChangedAt} is not distinct from ${input.read?.toISOString() ?? null}::timestamptz)`,
      ),
    )
    .returning({ id: memberships.id });
  return updated.length === 1;
}

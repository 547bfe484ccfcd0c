import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { instantFromWall, parseLocalDate } from "../../infra/time/zoned.js";
import { groups } from "../groups/tables.js";
import { memberships } from "../memberships/tables.js";
import {
  adjustCounts,
  membershipEnded,
  type Offer,
  offerFreePlaces,
} from "../memberships/writes.js";
import { handovers, roleChanges } from "./tables.js";

export type RoleResult =
  | { ok: true; from: string; to: string }
  | { ok: false; reason: "NOT_A_MEMBER" | "IS_GUIDE" | "UNCHANGED" };

/** A facilitator (or the guide) makes a member a facilitator, or a facilitator a member again. */
export async function changeRole(
  db: Executor,
  input: { groupId: string; personId: string; role: "member" | "facilitator"; changedBy: string },
  now: Date,
): Promise<RoleResult> {
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, input.groupId),
          eq(memberships.personId, input.personId),
          eq(memberships.state, "active"),
        ),
      )
      .for("update");
    if (!membership) return { ok: false, reason: "NOT_A_MEMBER" } as const;
    if (membership.role === "guide") return { ok: false, reason: "IS_GUIDE" } as const;
    if (membership.role === input.role) return { ok: false, reason: "UNCHANGED" } as const;
    await tx
      .update(memberships)
      .set({ role: input.role, updatedAt: now })
      .where(eq(memberships.id, membership.id));
    await tx.insert(roleChanges).values({
      groupId: input.groupId,
      personId: input.personId,
      changedBy: input.changedBy,
      fromRole: membership.role,
      toRole: input.role,
      createdAt: now,
    });
    return { ok: true, from: membership.role, to: input.role } as const;
  });
}

/** The first instant of a local date in a zone: the handover happens that morning. */
export function startOfLocalDay(date: string, timeZone: string): Date | null {
  const day = parseLocalDate(date);
  return day === null ? null : instantFromWall(day, timeZone);
}

export type HandoverResult =
  | { ok: true; at: Date }
  | { ok: false; reason: "IN_THE_PAST" | "AGREED" };

/** The guide proposes the date from which the group leads itself (a new date replaces the old). */
export async function proposeHandover(
  db: Executor,
  input: { groupId: string; timeZone: string; date: string; proposedBy: string },
  now: Date,
): Promise<HandoverResult> {
  const at = startOfLocalDay(input.date, input.timeZone);
  if (!at || at <= now) return { ok: false, reason: "IN_THE_PAST" };
  const saved = await db
    .insert(handovers)
    .values({
      groupId: input.groupId,
      handoverAt: at,
      proposedBy: input.proposedBy,
      proposedAt: now,
    })
    .onConflictDoUpdate({
      target: handovers.groupId,
      set: { handoverAt: at, proposedBy: input.proposedBy, proposedAt: now },
      setWhere: isNull(handovers.agreedAt),
    })
    .returning({ groupId: handovers.groupId });
  return saved.length === 1 ? { ok: true, at } : { ok: false, reason: "AGREED" };
}

export type AgreeResult =
  | { ok: true; at: Date }
  | { ok: false; reason: "NO_PROPOSAL" | "IN_THE_PAST" };

/**
 * A facilitator agrees to the proposed date: from then on the guide is an observer. The change
 * of role is recorded for the members to see, dated the handover.
 */
export async function agreeHandover(
  db: Executor,
  input: { groupId: string; agreedBy: string },
  now: Date,
): Promise<AgreeResult> {
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select()
      .from(handovers)
      .where(and(eq(handovers.groupId, input.groupId), isNull(handovers.agreedAt)))
      .for("update");
    if (!proposal) return { ok: false, reason: "NO_PROPOSAL" } as const;
    if (proposal.handoverAt <= now) return { ok: false, reason: "IN_THE_PAST" } as const;
    await tx
      .update(handovers)
      .set({ agreedBy: input.agreedBy, agreedAt: now })
      .where(eq(handovers.groupId, input.groupId));
    await tx
      .update(groups)
      .set({ handoverAt: proposal.handoverAt })
      .where(eq(groups.id, input.groupId));
    const guides = await tx
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, input.groupId),
          eq(memberships.state, "active"),
          eq(memberships.role, "guide"),
        ),
      );
    if (guides.length > 0) {
      await tx.insert(roleChanges).values(
        guides.map((g) => ({
          groupId: input.groupId,
          personId: g.personId,
          changedBy: input.agreedBy,
          fromRole: "guide",
          toRole: "observer",
          createdAt: proposal.handoverAt,
        })),
      );
    }
    return { ok: true, at: proposal.handoverAt } as const;
  });
}

export type RemoveResult =
  | { ok: true; offers: Offer[] }
  | { ok: false; reason: "NOT_A_MEMBER" | "IS_GUIDE" | "IS_SELF" };

/**
 * The people who lead remove someone from the group (a guide stays until the handover; anyone
 * leaving of their own accord uses "leave"). The change is recorded for the members to see, the
 * person cannot join again by themself, and the freed place is offered to the next person
 * waiting.
 */
export async function removeMember(
  db: Executor,
  input: { groupId: string; personId: string; removedBy: string },
  now: Date,
): Promise<RemoveResult> {
  if (input.personId === input.removedBy) return { ok: false, reason: "IS_SELF" };
  return db.transaction(async (tx) => {
    await tx
      .select({ id: groups.id })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, input.groupId),
          eq(memberships.personId, input.personId),
          eq(memberships.state, "active"),
        ),
      )
      .for("update");
    if (!membership) return { ok: false, reason: "NOT_A_MEMBER" } as const;
    if (membership.role === "guide") return { ok: false, reason: "IS_GUIDE" } as const;
    await tx
      .update(memberships)
      .set({ state: "removed", endedAt: now, updatedAt: now })
      .where(eq(memberships.id, membership.id));
    await adjustCounts(tx, input.groupId, -1, 0);
    await membershipEnded.run({ tx, ...input, now });
    await tx.insert(roleChanges).values({
      groupId: input.groupId,
      personId: input.personId,
      changedBy: input.removedBy,
      fromRole: membership.role,
      toRole: "removed",
      createdAt: now,
    });
    return { ok: true, offers: await offerFreePlaces(tx, input.groupId, now) } as const;
  });
}

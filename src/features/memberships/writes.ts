import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../infra/db/database.js";
import { HookPoint } from "../../infra/hooks/hook-point.js";
import { groups } from "../groups/tables.js";
import { owedOfferMail } from "./mail.js";
import { OFFER_HOLD_MS } from "./policy.js";
import { type MembershipState, memberships } from "./tables.js";

/** The states in which a person holds (or waits for) a place in a group. */
const holding: MembershipState[] = ["active", "waitlisted", "requested"];

/** A place offered to a waiting person, to be told by e-mail once the transaction commits. */
export type Offer = { membershipId: string; groupId: string; personId: string; expiresAt: Date };

export type JoinResult =
  | { ok: true; state: "active" | "requested" | "waitlisted"; offers: Offer[] }
  | {
      ok: false;
      reason: "GROUP_NOT_FOUND" | "NOT_TAKING_MEMBERS" | "ALREADY_IN_GROUP" | "REMOVED";
    };

type LockedGroup = typeof groups.$inferSelect;

/** Locks the group row: capacity decisions for one group happen one at a time. */
export async function lockGroup(tx: Executor, groupId: string): Promise<LockedGroup | null> {
  const [row] = await tx.select().from(groups).where(eq(groups.id, groupId)).for("update");
  return row ?? null;
}

async function outstandingOffers(tx: Executor, groupId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        eq(memberships.state, "waitlisted"),
        sql`${memberships.offerExpiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  return row?.n ?? 0;
}

/** Places to offer to the people waiting: free places not already held for one of them. */
async function placesToOffer(tx: Executor, group: LockedGroup, now: Date): Promise<number> {
  return group.capacity - group.activeMemberCount - (await outstandingOffers(tx, group.id, now));
}

/**
 * Places a newcomer may take now: the people on the waiting list come first, whether or not a
 * place is already held for them, so a newcomer never takes a place before the sweep offers it.
 */
async function placesForNewcomer(tx: Executor, group: LockedGroup): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.groupId, group.id), eq(memberships.state, "waitlisted")));
  return group.capacity - group.activeMemberCount - (row?.n ?? 0);
}

export async function adjustCounts(tx: Executor, groupId: string, active: number, waiting: number) {
  await tx
    .update(groups)
    .set({
      activeMemberCount: sql`${groups.activeMemberCount} + ${active}`,
      waitlistCount: sql`${groups.waitlistCount} + ${waiting}`,
    })
    .where(eq(groups.id, groupId));
}

/**
 * Offers each free place to the first person waiting (in order of joining the list) who holds
 * no offer yet; each offer holds the place for 72 hours.
 */
export async function offerFreePlaces(tx: Executor, groupId: string, now: Date): Promise<Offer[]> {
  const group = await lockGroup(tx, groupId);
  if (group?.status !== "active") return [];
  let free = await placesToOffer(tx, group, now);
  const offers: Offer[] = [];
  if (free <= 0) return offers;
  const waiting = await tx
    .select({ id: memberships.id, personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        eq(memberships.state, "waitlisted"),
        isNull(memberships.offerExpiresAt),
      ),
    )
    .orderBy(asc(memberships.waitlistedAt), asc(memberships.createdAt))
    .limit(free);
  const expiresAt = new Date(now.getTime() + OFFER_HOLD_MS);
  for (const person of waiting) {
    if (free <= 0) break;
    await tx
      .update(memberships)
      .set({ offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now })
      .where(eq(memberships.id, person.id));
    const offer = { membershipId: person.id, groupId, personId: person.personId, expiresAt };
    await owedOfferMail(tx, offer);
    offers.push(offer);
    free -= 1;
  }
  return offers;
}

/**
 * A person asks to join. Open group with a place: a member at once, having accepted the
 * agreement. Ask-to-join: a request for the facilitators. No place: the waiting list.
 */
/**
 * The founder of a group takes its first place: its first facilitator (a peer), or its guide
 * when a coordinator starts it for their organisation. Run in the transaction that starts it.
 */
export async function seatFounder(
  tx: Executor,
  group: { id: string; organisationId: string | null },
  founderId: string,
  now: Date,
): Promise<void> {
  const role = group.organisationId ? "guide" : "facilitator";
  await tx.insert(memberships).values({
    ...{ groupId: group.id, personId: founderId, state: "active", role },
    ...{ agreementAcceptedAt: now, joinedAt: now, createdAt: now, updatedAt: now },
  });
  await adjustCounts(tx, group.id, 1, 0);
}

export async function joinGroup(
  db: Database,
  input: { groupId: string; personId: string; message?: string | undefined },
  now: Date,
): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, input.groupId);
    if (!group) return { ok: false, reason: "GROUP_NOT_FOUND" } as const;
    if (group.status !== "active" || group.joiningPolicy === "closed") {
      return { ok: false, reason: "NOT_TAKING_MEMBERS" } as const;
    }
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.groupId, group.id), eq(memberships.personId, input.personId)))
      .for("update");
    if (existing?.state === "removed") return { ok: false, reason: "REMOVED" } as const;
    if (existing && existing.state !== "left")
      return { ok: false, reason: "ALREADY_IN_GROUP" } as const;

    let state: "active" | "requested" | "waitlisted";
    if (group.joiningPolicy === "ask") state = "requested";
    else state = (await placesForNewcomer(tx, group)) > 0 ? "active" : "waitlisted";

    const values = {
      state,
      role: "member" as const,
      requestMessage: state === "requested" ? (input.message ?? null) : null,
      decisionMessage: null,
      agreementAcceptedAt: now,
      requestedAt: state === "requested" ? now : null,
      waitlistedAt: state === "waitlisted" ? now : null,
      offeredAt: null,
      offerExpiresAt: null,
      joinedAt: state === "active" ? now : null,
      endedAt: null,
      updatedAt: now,
    };
    if (existing) {
      await tx.update(memberships).set(values).where(eq(memberships.id, existing.id));
    } else {
      await tx
        .insert(memberships)
        .values({ ...values, groupId: group.id, personId: input.personId, createdAt: now });
    }
    await adjustCounts(tx, group.id, state === "active" ? 1 : 0, state === "waitlisted" ? 1 : 0);
    return { ok: true, state, offers: [] } as const;
  });
}

export type LeaveResult = { ok: true; offers: Offer[] } | { ok: false; reason: "NOT_IN_GROUP" };

/** Leaving takes one step and no reason; a freed place is offered to the next person waiting. */
export async function leaveGroup(
  db: Database,
  input: { groupId: string; personId: string },
  now: Date,
): Promise<LeaveResult> {
  return db.transaction(async (tx) => {
    if (!(await endPlace(tx, input, now))) return { ok: false, reason: "NOT_IN_GROUP" } as const;
    return { ok: true, offers: await offerFreePlaces(tx, input.groupId, now) } as const;
  });
}

/**
 * Work the features above add when a person's place in a group ends (they leave, are removed,
 * or their account goes), in its transaction: the meetings withdraw them from those still to
 * come, so each they were to lead needs a facilitator again and nobody counts them as coming.
 */
export const membershipEnded = new HookPoint<{
  tx: Executor;
  groupId: string;
  personId: string;
  now: Date;
}>("membership ended");

/**
 * Ends the place a person holds or waits for in one group, the group locked first: the group's
 * counts are lowered and what the features above registered at `membershipEnded` is done. False
 * when they hold none.
 */
async function endPlace(
  tx: Executor,
  input: { groupId: string; personId: string },
  now: Date,
): Promise<boolean> {
  await lockGroup(tx, input.groupId);
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.groupId, input.groupId), eq(memberships.personId, input.personId)))
    .for("update");
  if (!membership || !holding.includes(membership.state)) return false;
  await tx
    .update(memberships)
    .set({ state: "left", endedAt: now, offeredAt: null, offerExpiresAt: null, updatedAt: now })
    .where(eq(memberships.id, membership.id));
  await adjustCounts(
    tx,
    input.groupId,
    membership.state === "active" ? -1 : 0,
    membership.state === "waitlisted" ? -1 : 0,
  );
  await membershipEnded.run({ tx, ...input, now });
  return true;
}

/**
 * Ends every place a person holds, as their account is deleted: each group's counts are lowered
 * at once, and the sweep offers the freed places to the people waiting (by e-mail, which cannot
 * go out from inside the deletion). Groups are locked in one order, as everywhere.
 */
export async function endMembershipsOf(tx: Executor, personId: string, now: Date): Promise<void> {
  const held = await tx
    .select({ groupId: memberships.groupId })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), inArray(memberships.state, holding)))
    .orderBy(asc(memberships.groupId));
  for (const { groupId } of held) await endPlace(tx, { groupId, personId }, now);
}

export type OfferAnswer = { ok: true; offers: Offer[] } | { ok: false; reason: "NO_OFFER" };

/** The person waiting takes the place held for them (before the offer expires) or turns it down. */
export async function answerOffer(
  db: Database,
  input: { groupId: string; personId: string; accept: boolean },
  now: Date,
): Promise<OfferAnswer> {
  return db.transaction(async (tx) => {
    await lockGroup(tx, input.groupId);
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, input.groupId),
          eq(memberships.personId, input.personId),
          eq(memberships.state, "waitlisted"),
          sql`${memberships.offerExpiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .for("update");
    if (!membership) return { ok: false, reason: "NO_OFFER" } as const;
    await tx
      .update(memberships)
      .set({
        state: input.accept ? "active" : "left",
        joinedAt: input.accept ? now : membership.joinedAt,
        endedAt: input.accept ? null : now,
        offeredAt: null,
        offerExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(memberships.id, membership.id));
    await adjustCounts(tx, input.groupId, input.accept ? 1 : 0, -1);
    return {
      ok: true,
      offers: input.accept ? [] : await offerFreePlaces(tx, input.groupId, now),
    } as const;
  });
}

export type DecisionResult =
  | { ok: true; state: "active" | "waitlisted" | "left"; personId: string }
  | { ok: false; reason: "NO_SUCH_REQUEST" };

/** A facilitator accepts or declines a request to join, with an optional message. */
export async function decideRequest(
  db: Database,
  input: { groupId: string; membershipId: string; accept: boolean; message?: string | undefined },
  now: Date,
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, input.groupId);
    const [request] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.id, input.membershipId),
          eq(memberships.groupId, input.groupId),
          eq(memberships.state, "requested"),
        ),
      )
      .for("update");
    if (!group || !request) return { ok: false, reason: "NO_SUCH_REQUEST" } as const;
    const state = !input.accept
      ? "left"
      : (await placesForNewcomer(tx, group)) > 0
        ? "active"
        : "waitlisted";
    await tx
      .update(memberships)
      .set({
        state,
        decisionMessage: input.message ?? null,
        joinedAt: state === "active" ? now : null,
        waitlistedAt: state === "waitlisted" ? now : null,
        endedAt: state === "left" ? now : null,
        updatedAt: now,
      })
      .where(eq(memberships.id, request.id));
    await adjustCounts(tx, group.id, state === "active" ? 1 : 0, state === "waitlisted" ? 1 : 0);
    return { ok: true, state, personId: request.personId } as const;
  });
}

/**
 * The e-mail offering a place goes now, after waiting for the mail server: the place is held for
 * 72 hours from now. Only while the offer is the one the e-mail was about (still waiting, held
 * until `heldUntil`); null when it was taken, turned down, or passed on meanwhile.
 */
export async function holdOfferFromNow(
  tx: Executor,
  offer: { membershipId: string; heldUntil: Date },
  now: Date,
): Promise<Offer | null> {
  const expiresAt = new Date(now.getTime() + OFFER_HOLD_MS);
  const [row] = await tx
    .update(memberships)
    .set({ offerExpiresAt: expiresAt, updatedAt: now })
    .where(
      and(
        eq(memberships.id, offer.membershipId),
        eq(memberships.state, "waitlisted"),
        eq(memberships.offerExpiresAt, offer.heldUntil),
      ),
    )
    .returning({ groupId: memberships.groupId, personId: memberships.personId });
  return row ? { membershipId: offer.membershipId, ...row, expiresAt } : null;
}

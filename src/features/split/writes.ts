import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import {
  choiceFromRule,
  firstMeetingDate,
  ruleForChoice,
  type ScheduleChoice,
  type Weekday,
} from "../../infra/time/recurrence.js";
import { formatWallDate, wallAt } from "../../infra/time/zoned.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groupDifficulties, groups } from "../groups/tables.js";
import { slugFor } from "../groups/writes.js";
import { carryPreferences } from "../meetings/reminders/writes.js";
import { planMeetingsIn } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { type Offer, offerFreePlaces } from "../memberships/writes.js";
import type { SplitForm } from "./inputs.js";
import { splitChoices, splitParts, splitProposals } from "./tables.js";

type Membership = typeof memberships.$inferSelect;
type GroupRow = typeof groups.$inferSelect;

async function activeMembers(tx: Executor, groupId: string): Promise<Membership[]> {
  return tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.state, "active")))
    .orderBy(asc(memberships.joinedAt), asc(memberships.createdAt))
    .for("update");
}

export type ProposeSplitResult =
  | { ok: true; proposalId: string }
  | { ok: false; reason: "ALREADY_OPEN" | "TOO_SMALL" }
  | { ok: false; reason: "NOT_MEMBERS"; field: "facilitators1" | "facilitators2" };

/**
 * The people who lead propose two groups: names, when each meets, who facilitates each. A named
 * facilitator's place is settled with the proposal; everyone else then chooses.
 */
export async function proposeSplit(
  db: Executor,
  input: { groupId: string; proposedBy: string; form: SplitForm; minimum: number },
  now: Date,
): Promise<ProposeSplitResult> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: groups.id })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    const active = await activeMembers(tx, input.groupId);
    if (active.length < input.minimum) return { ok: false, reason: "TOO_SMALL" } as const;
    // Facilitators are peers: members of the group, not its guide (before or after the handover).
    const peers = new Set(active.filter((m) => m.role !== "guide").map((m) => m.personId));
    const { form } = input;
    for (const field of ["facilitators1", "facilitators2"] as const) {
      if (form[field].some((id) => !peers.has(id))) {
        return { ok: false, reason: "NOT_MEMBERS", field } as const;
      }
    }
    const [proposal] = await tx
      .insert(splitProposals)
      .values({ groupId: input.groupId, proposedBy: input.proposedBy, proposedAt: now })
      .onConflictDoNothing()
      .returning({ id: splitProposals.id });
    if (!proposal) return { ok: false, reason: "ALREADY_OPEN" } as const;
    await tx.insert(splitParts).values(
      ([1, 2] as const).map((part) => ({
        proposalId: proposal.id,
        part,
        name: form[`name${part}`],
        weekday: Number(form[`weekday${part}`]),
        startTime: `${form[`time${part}`]}:00`,
        facilitatorIds: [...new Set(form[`facilitators${part}`])],
      })),
    );
    await tx.insert(splitChoices).values(
      ([1, 2] as const).flatMap((part) =>
        [...new Set(form[`facilitators${part}`])].map((personId) => ({
          proposalId: proposal.id,
          personId,
          part,
          chosenAt: now,
        })),
      ),
    );
    return { ok: true, proposalId: proposal.id } as const;
  });
}

/** A member chooses the first group, the second, or to leave (part null); they may change it. */
export async function chooseInSplit(
  db: Executor,
  input: { groupId: string; personId: string; part: 1 | 2 | null },
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select({ id: splitProposals.id })
      .from(splitProposals)
      .where(and(eq(splitProposals.groupId, input.groupId), eq(splitProposals.state, "open")))
      .for("update");
    if (!proposal) return false;
    const parts = await tx.select().from(splitParts).where(eq(splitParts.proposalId, proposal.id));
    if (parts.some((p) => p.facilitatorIds.includes(input.personId))) return false;
    await tx
      .insert(splitChoices)
      .values({
        proposalId: proposal.id,
        personId: input.personId,
        part: input.part,
        chosenAt: now,
      })
      .onConflictDoUpdate({
        target: [splitChoices.proposalId, splitChoices.personId],
        set: { part: input.part, chosenAt: now },
      });
    return true;
  });
}

/** The people who lead call a proposed split off. */
export async function withdrawSplit(db: Executor, groupId: string, now: Date): Promise<boolean> {
  const done = await db
    .update(splitProposals)
    .set({ state: "withdrawn", doneAt: now })
    .where(and(eq(splitProposals.groupId, groupId), eq(splitProposals.state, "open")))
    .returning({ id: splitProposals.id });
  return done.length === 1;
}

/** The parent's way of meeting, on the part's own day: weekly stays weekly, and so on. */
function ruleFor(parent: GroupRow, weekday: Weekday): string {
  const choice: ScheduleChoice | null = parent.rrule ? choiceFromRule(parent.rrule) : null;
  if (choice?.kind === "monthly") return ruleForChoice({ ...choice, weekday });
  return ruleForChoice({ kind: choice?.kind ?? "weekly", weekday });
}

export type SplitGroup = { id: string; slug: string; name: string; part: 1 | 2 };
export type CompleteSplitResult =
  | {
      ok: true;
      groups: SplitGroup[];
      /** Who went where (members who chose to leave are not here). */
      placed: { personId: string; groupId: string }[];
      offers: Offer[];
    }
  | { ok: false; reason: "NO_SPLIT" | "FACILITATOR_LEFT" };

/**
 * Makes the two groups: each with the parent's agreement, difficulties, visibility, place and
 * way of joining, and the parent recorded as where it came from. Each member goes where they
 * chose (named facilitators to the group they facilitate; anyone who has not chosen to the
 * group with more room); those who chose to leave, leave. People waiting for the parent are
 * shared between the two lists in their order and offered the places free. The parent closes.
 */
export async function completeSplit(
  db: Executor,
  input: { groupId: string },
  now: Date,
): Promise<CompleteSplitResult> {
  return db.transaction(async (tx) => {
    const [parent] = await tx
      .select()
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    const [proposal] = await tx
      .select()
      .from(splitProposals)
      .where(and(eq(splitProposals.groupId, input.groupId), eq(splitProposals.state, "open")))
      .for("update");
    if (!parent || !proposal) return { ok: false, reason: "NO_SPLIT" } as const;
    const parts = await tx
      .select()
      .from(splitParts)
      .where(eq(splitParts.proposalId, proposal.id))
      .orderBy(asc(splitParts.part));
    const choices = new Map(
      (await tx.select().from(splitChoices).where(eq(splitChoices.proposalId, proposal.id))).map(
        (c) => [c.personId, c.part],
      ),
    );
    const members = await activeMembers(tx, parent.id);
    const active = new Set(members.map((m) => m.personId));
    if (parts.some((p) => !p.facilitatorIds.some((id) => active.has(id)))) {
      return { ok: false, reason: "FACILITATOR_LEFT" } as const;
    }

    // Where each member goes: named facilitators, then choices, then the group with more room.
    const placeOf = new Map<string, 1 | 2>();
    const count = { 1: 0, 2: 0 };
    const undecided: Membership[] = [];
    for (const m of members) {
      const named = parts.find((p) => p.facilitatorIds.includes(m.personId));
      const chosen = named ? named.part : choices.get(m.personId);
      if (chosen === 1 || chosen === 2) {
        placeOf.set(m.personId, chosen);
        count[chosen] += 1;
      } else if (chosen === undefined) undecided.push(m);
    }
    for (const m of undecided) {
      const part = count[2] < count[1] ? 2 : 1;
      placeOf.set(m.personId, part);
      count[part] += 1;
    }

    const difficulties = await tx
      .select({ slug: groupDifficulties.difficultySlug })
      .from(groupDifficulties)
      .where(eq(groupDifficulties.groupId, parent.id));
    const today = formatWallDate(wallAt(now, parent.timeZone));
    const made: SplitGroup[] = [];
    for (const part of parts) {
      const which = part.part as 1 | 2;
      const rrule = ruleFor(parent, part.weekday as Weekday);
      const {
        id: _id,
        slug: _slug,
        search: _search,
        createdAt: _created,
        updatedAt: _updated,
        ...inherited
      } = parent;
      const [child] = await tx
        .insert(groups)
        .values({
          ...inherited,
          slug: slugFor(part.name),
          name: part.name,
          scheduleKind: parent.scheduleKind === "one_off" ? "weekly" : parent.scheduleKind,
          rrule,
          startsOn: firstMeetingDate(rrule, today),
          startTime: part.startTime,
          weekday: part.weekday,
          capacity: Math.min(30, Math.max(parent.capacity, count[which])),
          status: "active",
          agreementChangedAt: null,
          activeMemberCount: count[which],
          waitlistCount: 0,
          parentGroupId: parent.id,
          closedAt: null,
          erasedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: groups.id, slug: groups.slug, name: groups.name });
      if (!child) throw new Error("the new group was not saved");
      made.push({ ...child, part: which });
      if (difficulties.length > 0) {
        await tx
          .insert(groupDifficulties)
          .values(difficulties.map((d) => ({ groupId: child.id, difficultySlug: d.slug })));
      }
      await tx
        .update(splitParts)
        .set({ groupId: child.id })
        .where(and(eq(splitParts.proposalId, proposal.id), eq(splitParts.part, which)));
    }
    const groupOf = (part: 1 | 2) => made.find((g) => g.part === part)!.id;

    const placed: { personId: string; groupId: string }[] = [];
    const newMemberships = members.flatMap((m) => {
      const part = placeOf.get(m.personId);
      if (!part) return [];
      const named = parts.some((p) => p.part === part && p.facilitatorIds.includes(m.personId));
      placed.push({ personId: m.personId, groupId: groupOf(part) });
      return [
        {
          groupId: groupOf(part),
          personId: m.personId,
          state: "active" as const,
          role: named
            ? ("facilitator" as const)
            : m.role === "guide"
              ? ("guide" as const)
              : ("member" as const),
          agreementAcceptedAt: m.agreementAcceptedAt,
          joinedAt: m.joinedAt ?? now,
          createdAt: now,
          updatedAt: now,
        },
      ];
    });
    if (newMemberships.length > 0) await tx.insert(memberships).values(newMemberships);

    // People waiting, and asking to join, are shared between the two in their order.
    const waiting = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, parent.id),
          inArray(memberships.state, ["waitlisted", "requested"]),
        ),
      )
      .orderBy(
        asc(memberships.waitlistedAt),
        asc(memberships.requestedAt),
        asc(memberships.createdAt),
      )
      .for("update");
    const waitingCount = { 1: 0, 2: 0 };
    const moved = waiting.map((w, index) => {
      const part = (index % 2 === 0 ? 1 : 2) as 1 | 2;
      if (w.state === "waitlisted") waitingCount[part] += 1;
      return {
        groupId: groupOf(part),
        personId: w.personId,
        state: w.state,
        role: "member" as const,
        requestMessage: w.requestMessage,
        agreementAcceptedAt: w.agreementAcceptedAt,
        requestedAt: w.requestedAt,
        waitlistedAt: w.waitlistedAt,
        createdAt: now,
        updatedAt: now,
      };
    });
    if (moved.length > 0) await tx.insert(memberships).values(moved);
    for (const part of [1, 2] as const) {
      await tx
        .update(groups)
        .set({ waitlistCount: waitingCount[part] })
        .where(eq(groups.id, groupOf(part)));
    }

    // The parent closes; everyone's place in it ends today.
    await tx
      .update(memberships)
      .set({ state: "left", endedAt: now, offeredAt: null, offerExpiresAt: null, updatedAt: now })
      .where(
        and(
          eq(memberships.groupId, parent.id),
          inArray(memberships.state, ["active", "waitlisted", "requested"]),
        ),
      );
    await tx
      .update(groups)
      .set({
        status: "closed",
        closedAt: now,
        activeMemberCount: 0,
        waitlistCount: 0,
        updatedAt: now,
      })
      .where(eq(groups.id, parent.id));
    // Closed, the parent plans nothing: its meetings to come are taken off (or marked cancelled,
    // where someone had answered), so no calendar or reminder speaks of them.
    const closed = await getGroupBySlug(tx, parent.slug);
    if (closed) await planMeetingsIn(tx, closed, now);
    await tx
      .update(splitProposals)
      .set({ state: "done", doneAt: now })
      .where(eq(splitProposals.id, proposal.id));

    // Each member keeps the e-mails they chose (reminders, digest, requests for volunteers).
    await carryPreferences(tx, parent.id, placed, now);
    const offers: Offer[] = [];
    for (const group of made) {
      // Each new group's first meetings, with it: a group is never without them.
      await planMeetingsIn(tx, (await getGroupBySlug(tx, group.slug))!, now);
      offers.push(...(await offerFreePlaces(tx, group.id, now)));
    }
    return { ok: true, groups: made, placed, offers } as const;
  });
}

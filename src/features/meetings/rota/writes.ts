import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { activeMemberIds, holdActiveMembership } from "../../memberships/reads.js";
import { meetingResponses, meetings, remindersSent } from "../tables.js";
import { lockMeeting } from "../writes.js";

type Refused<Reason> = { ok: false; reason: Reason };
export type VolunteerResult = { ok: true } | Refused<"TAKEN" | "NOT_A_MEMBER">;
export type StepDownResult = { ok: true } | Refused<"NOT_YOURS">;
export type AssignResult = { ok: true } | Refused<"NOT_A_MEMBER" | "NO_SUCH_MEETING">;

/**
 * A member volunteers to facilitate a meeting nobody has taken yet; refused when they are no
 * longer a member (removed at the same moment).
 */
export async function volunteerToFacilitate(
  db: Executor,
  input: { groupId: string; meetingId: string; personId: string },
  now: Date,
): Promise<VolunteerResult> {
  return db.transaction(async (tx) => {
    if (!(await holdActiveMembership(tx, input.groupId, input.personId))) {
      return { ok: false, reason: "NOT_A_MEMBER" } as const;
    }
    const taken = await tx
      .update(meetings)
      .set({ facilitatorId: input.personId, updatedAt: now })
      .where(
        and(
          eq(meetings.id, input.meetingId),
          sql`${meetings.facilitatorId} is null`,
          eq(meetings.status, "scheduled"),
        ),
      )
      .returning({ id: meetings.id });
    return taken.length === 1 ? ({ ok: true } as const) : ({ ok: false, reason: "TAKEN" } as const);
  });
}

/**
 * Meetings that need a facilitator again: nobody leads them, and the group is asked afresh when
 * one is a week out (the earlier requests, claimed per member, are forgotten).
 */
async function needFacilitatorAgain(db: Executor, which: SQL, now: Date): Promise<string[]> {
  const freed = await db
    .update(meetings)
    .set({ facilitatorId: null, rotaAskedAt: null, rotaSettledAt: null, updatedAt: now })
    .where(which)
    .returning({ id: meetings.id });
  const ids = freed.map((m) => m.id);
  if (ids.length > 0) {
    await db
      .delete(remindersSent)
      .where(and(inArray(remindersSent.meetingId, ids), eq(remindersSent.kind, "rota")));
  }
  return ids;
}

/** The volunteer steps down; the meeting needs a facilitator again. */
export async function stepDown(
  db: Executor,
  input: { meetingId: string; personId: string },
  now: Date,
): Promise<StepDownResult> {
  const freed = await needFacilitatorAgain(
    db,
    and(eq(meetings.id, input.meetingId), eq(meetings.facilitatorId, input.personId))!,
    now,
  );
  return freed.length === 1 ? { ok: true } : { ok: false, reason: "NOT_YOURS" };
}

/**
 * Someone who leaves a group (or is removed, or whose account goes) takes no part in its meetings
 * still to come: each they were to lead needs a facilitator again, and their answers (yes, no,
 * maybe) are withdrawn, so nobody is counted as coming who will not.
 */
export async function withdrawFromMeetingsAhead(
  db: Executor,
  input: { groupId: string; personId: string },
  now: Date,
): Promise<void> {
  const ahead = and(
    eq(meetings.groupId, input.groupId),
    sql`${meetings.startsAt} > ${now.toISOString()}::timestamptz`,
  );
  await needFacilitatorAgain(db, and(ahead, eq(meetings.facilitatorId, input.personId))!, now);
  await db
    .delete(meetingResponses)
    .where(
      and(
        eq(meetingResponses.personId, input.personId),
        inArray(
          meetingResponses.meetingId,
          db.select({ id: meetings.id }).from(meetings).where(ahead),
        ),
      ),
    );
}

/** The facilitators choose who facilitates (or nobody yet): only an active member can. */
export async function assignFacilitator(
  db: Executor,
  input: { groupId: string; meetingId: string; personId: string | null },
  now: Date,
): Promise<AssignResult> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, input.groupId, input.meetingId);
    if (!meeting) return { ok: false, reason: "NO_SUCH_MEETING" } as const;
    if (input.personId !== null) {
      const members = await activeMemberIds(tx, input.groupId);
      if (!members.includes(input.personId)) return { ok: false, reason: "NOT_A_MEMBER" } as const;
    }
    if (input.personId === null) {
      await needFacilitatorAgain(tx, eq(meetings.id, meeting.id), now);
      return { ok: true } as const;
    }
    await tx
      .update(meetings)
      .set({ facilitatorId: input.personId, updatedAt: now })
      .where(eq(meetings.id, meeting.id));
    return { ok: true } as const;
  });
}

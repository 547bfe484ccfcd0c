import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../infra/db/database.js";
import { activeMemberIds } from "../../groups/memberships/reads.js";
import { meetings } from "../tables.js";
import { lockMeeting } from "../writes.js";

export type RotaResult =
  | { ok: true }
  | { ok: false; reason: "TAKEN" | "NOT_A_MEMBER" | "NOT_YOURS" | "NO_SUCH_MEETING" };

/** A member volunteers to facilitate a meeting nobody has taken yet. */
export async function volunteerToFacilitate(
  db: Executor,
  input: { meetingId: string; personId: string },
  now: Date,
): Promise<RotaResult> {
  const taken = await db
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
  return taken.length === 1 ? { ok: true } : { ok: false, reason: "TAKEN" };
}

/** The volunteer steps down; the meeting needs a facilitator again. */
export async function stepDown(
  db: Executor,
  input: { meetingId: string; personId: string },
  now: Date,
): Promise<RotaResult> {
  const freed = await db
    .update(meetings)
    .set({ facilitatorId: null, rotaAskedAt: null, updatedAt: now })
    .where(and(eq(meetings.id, input.meetingId), eq(meetings.facilitatorId, input.personId)))
    .returning({ id: meetings.id });
  return freed.length === 1 ? { ok: true } : { ok: false, reason: "NOT_YOURS" };
}

/** The facilitators choose who facilitates (or nobody yet): only an active member can. */
export async function assignFacilitator(
  db: Database,
  input: { groupId: string; meetingId: string; personId: string | null },
  now: Date,
): Promise<RotaResult> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, input.groupId, input.meetingId);
    if (!meeting) return { ok: false, reason: "NO_SUCH_MEETING" } as const;
    if (input.personId !== null) {
      const members = await activeMemberIds(tx, input.groupId);
      if (!members.includes(input.personId)) return { ok: false, reason: "NOT_A_MEMBER" } as const;
    }
    await tx
      .update(meetings)
      .set({ facilitatorId: input.personId, updatedAt: now })
      .where(eq(meetings.id, meeting.id));
    return { ok: true } as const;
  });
}

import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { activeMemberIds } from "../../memberships/reads.js";
import { attendance } from "../tables.js";

export type AttendanceResult = { ok: true } | { ok: false; reason: "NOT_A_MEMBER" };

/**
 * The facilitator's record of who came: of today's members, exactly the ticked ones are present.
 * Only active members can be ticked; anyone else makes the whole list refused.
 */
export async function recordAttendance(
  db: Executor,
  input: { groupId: string; meetingId: string; present: string[]; recordedBy: string },
  now: Date,
): Promise<AttendanceResult> {
  return db.transaction(async (tx) => {
    const members = new Set(await activeMemberIds(tx, input.groupId));
    const present = [...new Set(input.present)];
    if (present.some((id) => !members.has(id)))
      return { ok: false, reason: "NOT_A_MEMBER" } as const;
    // The list names today's members only: someone who came and has since left the group
    // stays recorded as having come.
    const unticked = [...members].filter((id) => !present.includes(id));
    if (unticked.length > 0) {
      await tx
        .delete(attendance)
        .where(
          and(eq(attendance.meetingId, input.meetingId), inArray(attendance.personId, unticked)),
        );
    }
    if (present.length > 0) {
      await tx
        .insert(attendance)
        .values(
          present.map((personId) => ({
            meetingId: input.meetingId,
            personId,
            recordedBy: input.recordedBy,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    return { ok: true } as const;
  });
}

/** A member says "I am here" on the day. */
export async function recordSelfPresent(
  db: Executor,
  input: { meetingId: string; personId: string },
  now: Date,
): Promise<void> {
  await db
    .insert(attendance)
    .values({ ...input, recordedBy: input.personId, createdAt: now })
    .onConflictDoNothing();
}

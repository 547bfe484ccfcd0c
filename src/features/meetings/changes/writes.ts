import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { claimsOn } from "../../../infra/db/claims.js";
import type { Executor } from "../../../infra/db/database.js";
import { enqueueJob } from "../../../infra/jobs/runner.js";
import { LATER_MAIL_ATTEMPTS } from "../../../infra/mail/later.js";
import type { Group } from "../../groups/reads.js";
import { ROTA_WINDOW_MS } from "../policy.js";
import { changeNoticesSent, meetings, remindersSent } from "../tables.js";
import { instantIn, lockMeeting, type Meeting } from "../writes.js";

export const CHANGE_NOTICES_TASK = "meetings.change-notices";

/** A moved or cancelled meeting as the members' e-mail tells it, as it was when it was saved. */
export type MeetingChange = {
  kind: "moved" | "cancelled";
  groupId: string;
  meeting: Pick<Meeting, "id" | "uid" | "sequence" | "startsAt" | "endsAt" | "changeReason">;
  previous: Pick<Meeting, "startsAt" | "endsAt">;
};

/**
 * Queues the members' e-mails about a change in the change's own transaction: they go out once
 * it is saved, and are sent again after a failure (to those not yet written to) until they have
 * all gone, rather than being lost with a mail server that was away for a moment.
 */
export async function queueChangeNotices(tx: Executor, change: MeetingChange): Promise<void> {
  await enqueueJob(tx, CHANGE_NOTICES_TASK, change, {
    key: `meeting-change:${change.meeting.id}:${change.meeting.sequence}`,
    maxAttempts: LATER_MAIL_ATTEMPTS,
  });
}

type Changed = { ok: true; meeting: Meeting; previous: Meeting };
export type CancelResult = Changed | { ok: false; reason: "NO_SUCH_MEETING" | "ALREADY_STARTED" };
export type MoveResult =
  | Changed
  | { ok: false; reason: "NO_SUCH_MEETING" | "IN_THE_PAST" | "ALREADY_STARTED" };

/**
 * Cancels one meeting, with the reason members are told (by e-mail, queued with the change). One
 * cancelled already (the form sent twice) stays as it is, and nobody is told twice.
 */
export async function cancelMeeting(
  db: Executor,
  input: { groupId: string; meetingId: string; reason: string },
  now: Date,
): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const previous = await lockMeeting(tx, input.groupId, input.meetingId);
    if (previous?.status === "cancelled") return { ok: true, meeting: previous, previous } as const;
    if (previous?.status !== "scheduled") return { ok: false, reason: "NO_SUCH_MEETING" } as const;
    if (previous.startsAt <= now) return { ok: false, reason: "ALREADY_STARTED" } as const;
    const [meeting] = await tx
      .update(meetings)
      .set({
        status: "cancelled",
        changeReason: input.reason,
        sequence: previous.sequence + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, previous.id))
      .returning();
    await queueChangeNotices(tx, {
      kind: "cancelled",
      groupId: input.groupId,
      meeting: meeting!,
      previous,
    });
    return { ok: true, meeting: meeting!, previous } as const;
  });
}

/**
 * Moves one meeting to another local date and time, keeping its length; the schedule stays. A
 * move to the time it has already (the form sent twice) changes nothing and tells nobody.
 */
export async function moveMeeting(
  db: Executor,
  input: {
    group: Pick<Group, "id" | "timeZone">;
    meetingId: string;
    date: string;
    startTime: string;
    reason: string;
  },
  now: Date,
): Promise<MoveResult> {
  const startsAt = instantIn(input.date, input.startTime, input.group.timeZone);
  if (!startsAt || startsAt <= now) return { ok: false, reason: "IN_THE_PAST" };
  return db.transaction(async (tx) => {
    const previous = await lockMeeting(tx, input.group.id, input.meetingId);
    if (previous?.status !== "scheduled") return { ok: false, reason: "NO_SUCH_MEETING" } as const;
    if (previous.startsAt <= now) return { ok: false, reason: "ALREADY_STARTED" } as const;
    if (previous.startsAt.getTime() === startsAt.getTime()) {
      return { ok: true, meeting: previous, previous } as const;
    }
    const length = previous.endsAt.getTime() - previous.startsAt.getTime();
    const [meeting] = await tx
      .update(meetings)
      .set({
        startsAt,
        endsAt: new Date(startsAt.getTime() + length),
        changeReason: input.reason,
        moved: true,
        sequence: previous.sequence + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, previous.id))
      .returning();
    // Reminders already sent were for the old time: the new one is reminded of afresh. A meeting
    // moved beyond the coming week is asked about again, if still nobody leads it, a week before.
    const askAgain = startsAt.getTime() > now.getTime() + ROTA_WINDOW_MS;
    await tx
      .delete(remindersSent)
      .where(
        and(
          eq(remindersSent.meetingId, previous.id),
          inArray(remindersSent.kind, askAgain ? ["day", "hour", "rota"] : ["day", "hour"]),
        ),
      );
    if (askAgain) {
      await tx
        .update(meetings)
        .set({ rotaAskedAt: null, rotaSettledAt: null })
        .where(eq(meetings.id, previous.id));
    }
    await queueChangeNotices(tx, {
      kind: "moved",
      groupId: input.group.id,
      meeting: meeting!,
      previous,
    });
    return { ok: true, meeting: meeting!, previous } as const;
  });
}

const when = z.coerce.date();
const queued = z.object({
  kind: z.enum(["moved", "cancelled"]),
  groupId: z.string().uuid(),
  meeting: z.object({
    id: z.string().uuid(),
    uid: z.string(),
    sequence: z.number().int(),
    startsAt: when,
    endsAt: when,
    changeReason: z.string().nullable(),
  }),
  previous: z.object({ startsAt: when, endsAt: when }),
});

/** The change as it was queued (its dates come back from JSON as text); null if it is not one. */
export function changeFromQueue(payload: unknown): MeetingChange | null {
  const parsed = queued.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

type NoticeClaim = { meetingId: string; personId: string; sequence: number };

/**
 * One member's e-mail about one change, claimed before it is sent, settled once the mail server
 * took it (or refused it for good), released when it could not go so the job sends it again.
 */
export const {
  claim: claimChangeNotice,
  settle: settleChangeNotice,
  release: releaseChangeNotice,
} = claimsOn<NoticeClaim>(changeNoticesSent, {
  meetingId: changeNoticesSent.meetingId,
  personId: changeNoticesSent.personId,
  sequence: changeNoticesSent.sequence,
});

import { z } from "zod";
import { claimsOn } from "../../../infra/db/claims.js";
import type { Executor } from "../../../infra/db/database.js";
import { enqueueJob } from "../../../infra/jobs/runner.js";
import { LATER_MAIL_ATTEMPTS } from "../../../infra/mail/later.js";
import { changeNoticesSent } from "../tables.js";
import type { Meeting } from "../writes.js";

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

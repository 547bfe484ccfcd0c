import type { AppDeps } from "../../../infra/http/deps.js";
import type { JobSet } from "../../../infra/jobs/runner.js";
import { addressOf, refusedForGood } from "../../../infra/mail/mailer.js";
import { listContacts } from "../../accounts/reads.js";
import { getGroupById } from "../../groups/reads.js";
import { participantIds } from "../../memberships/reads.js";
import { meetingChangeMessage } from "./mail.js";
import {
  CHANGE_NOTICES_TASK,
  changeFromQueue,
  claimChangeNotice,
  type MeetingChange,
  releaseChangeNotice,
  settleChangeNotice,
} from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;

/**
 * Tells every member taking part that a meeting moved or was called off: calendar feeds refresh
 * slowly, so e-mail is the channel that counts. Each member's e-mail is claimed before it is
 * sent, so a run that failed half way (and is retried) writes to nobody twice; an address the
 * mail server refuses for good is skipped. Returns how many were sent.
 */
export async function sendChangeNotices(
  deps: Deps,
  change: MeetingChange,
  now: Date,
): Promise<number> {
  const { db, mailer, config } = deps;
  const group = await getGroupById(db, change.groupId);
  if (!group) return 0;
  const context = {
    baseUrl: config.publicUrl,
    now,
    instanceName: config.instanceName,
    organizer: { name: config.instanceName, email: addressOf(config.mailFrom) },
  };
  let sent = 0;
  for (const reader of await listContacts(db, await participantIds(db, group.id, now))) {
    const claim = {
      meetingId: change.meeting.id,
      personId: reader.id,
      sequence: change.meeting.sequence,
    };
    if (!(await claimChangeNotice(db, claim, now))) continue;
    try {
      await mailer.send(meetingChangeMessage(reader, group, change, context));
      await settleChangeNotice(db, claim, now);
      sent += 1;
    } catch (error) {
      if (refusedForGood(error)) {
        await settleChangeNotice(db, claim, now);
        continue;
      }
      await releaseChangeNotice(db, claim);
      throw error;
    }
  }
  return sent;
}

/** The job that sends them, queued with each change (see queueChangeNotices). */
export function changeNoticeJobs(deps: Deps): JobSet {
  return {
    tasks: {
      [CHANGE_NOTICES_TASK]: async (payload) => {
        const change = changeFromQueue(payload);
        if (change) await sendChangeNotices(deps, change, deps.clock());
      },
    },
    schedule: [],
  };
}

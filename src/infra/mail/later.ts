import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";
import { enqueueJob, type JobSet, jobLog } from "../jobs/runner.js";
import {
  logMailServerFailure,
  type Mailer,
  type MailMessage,
  mailServerFailure,
  skippingRefused,
} from "./mailer.js";

export const LATER_MAIL_TASK = "mail.later";
/** Tries, with the queue's growing waits between them: about three days in all. */
export const LATER_MAIL_ATTEMPTS = 20;

type Log = Parameters<typeof logMailServerFailure>[0];

/** After a server that took this long to fail (it does not answer: a timeout), messages go
 * straight to the queue for AWAY_MS, so a page that writes to twelve members does not wait twelve
 * times. A server that refuses at once costs nothing to try again. */
const SLOW_FAILURE_MS = 2_000;
const AWAY_MS = 60_000;

/**
 * The mailer for writing to people about a change already saved (a request to join, a member
 * removed, the agreement, a split, a place offered). Each message is sent at once; when the mail
 * server cannot take it just now (it is away, or answers "try again later"), the message is
 * queued and the job queue sends it when the server is back. An address refused for good (a
 * mailbox that no longer exists) is skipped and noted in the log, without the address. Either way
 * the saved change is not turned into an error, and the people after that address still hear.
 */
export function deliverNowOrLater(mailer: Mailer, db: Executor, log: Log): LaterMailer {
  const refusedSkipped = skippingRefused(mailer, log);
  let awayUntil = 0;
  const attempt = async (message: MailMessage, whenAway: () => Promise<void>) => {
    if (Date.now() < awayUntil) return whenAway();
    const started = Date.now();
    try {
      await refusedSkipped.send(message);
    } catch (error) {
      if (!mailServerFailure(error)) throw error;
      if (Date.now() - started > SLOW_FAILURE_MS) awayUntil = Date.now() + AWAY_MS;
      await whenAway();
      logMailServerFailure(log, error, "the message is queued");
    }
  };
  return {
    send: (message) =>
      attempt(message, () =>
        enqueueJob(db, LATER_MAIL_TASK, message, {
          key: `mail:${randomUUID()}`,
          maxAttempts: LATER_MAIL_ATTEMPTS,
        }),
      ),
    sendOr: attempt,
    close: () => mailer.close(),
  };
}

/**
 * deliverNowOrLater's mailer. `sendOr` is for a message whose words must be written when it goes
 * (a place held for 72 hours from the e-mail): while the mail server is away it runs `instead`,
 * which queues a job of the feature's own, rather than queueing the message as it stands.
 */
export type LaterMailer = Mailer & {
  sendOr(message: MailMessage, instead: () => Promise<void>): Promise<void>;
};

/**
 * For the people who run the instance: how many e-mails are waiting for the mail server and
 * since when, and how many it never took after every try (kept 30 days, then removed). Besides
 * the messages queued here, `mailTasks` names the features' jobs that send e-mail; those count
 * once they have failed at least once.
 */
export async function laterMailStatus(
  db: Executor,
  mailTasks: string[] = [],
): Promise<{ waiting: number; oldest: Date | null; failed: number }> {
  const { rows } = await db.execute<{ waiting: number; oldest: string | null; failed: number }>(sql`
    select count(*) filter (where attempts < max_attempts)::int as waiting,
           min(created_at) filter (where attempts < max_attempts) as oldest,
           count(*) filter (where attempts >= max_attempts)::int as failed
    from graphile_worker.jobs
    where task_identifier = ${LATER_MAIL_TASK}
       or (task_identifier = any(${`{${mailTasks.join(",")}}`}::text[]) and attempts > 0)`);
  const row = rows[0];
  return {
    waiting: row?.waiting ?? 0,
    oldest: row?.oldest ? new Date(row.oldest) : null,
    failed: row?.failed ?? 0,
  };
}

/**
 * Forgets the queued e-mails to an address, whatever its capitals: its account is being
 * deleted, and the queue must not keep the address, or write to it after. (The queue's public
 * view has no payload: its own table is read, as graphile-worker 0.17 lays it out.)
 */
export async function forgetQueuedMailTo(db: Executor, email: string): Promise<void> {
  await db.execute(sql`
    select graphile_worker.complete_jobs(array(
      select j.id from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${LATER_MAIL_TASK} and lower(j.payload->>'to') = lower(${email})))`);
}

/** Sends the messages deliverNowOrLater queued; a failure is tried again by the queue. */
export function laterMailJobs(deps: { mailer: Mailer }): JobSet {
  return {
    tasks: {
      [LATER_MAIL_TASK]: async (payload, helpers) => {
        await skippingRefused(deps.mailer, jobLog(helpers)).send(payload as MailMessage);
      },
    },
    schedule: [],
  };
}

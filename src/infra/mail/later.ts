import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";
import { enqueueJob, type JobSet } from "../jobs/runner.js";
import { type Mailer, type MailMessage, skippingRefused, unavailableForNow } from "./mailer.js";

export const LATER_MAIL_TASK = "mail.later";
/** Tries, with the queue's growing waits between them: about three days in all. */
const LATER_MAIL_ATTEMPTS = 20;

type Log = { warn(details: object, message: string): void };

/**
 * The mailer for writing to people about a change already saved (a request to join, a member
 * removed, the agreement, a split, a place offered). Each message is sent at once; when the mail
 * server cannot take it just now (it is away, or answers "try again later"), the message is
 * queued and the job queue sends it when the server is back. An address refused for good (a
 * mailbox that no longer exists) is skipped and noted in the log, without the address. Either way
 * the saved change is not turned into an error, and the people after that address still hear.
 */
export function deliverNowOrLater(mailer: Mailer, db: Executor, log: Log): Mailer {
  const refusedSkipped = skippingRefused(mailer, log);
  return {
    async send(message) {
      try {
        await refusedSkipped.send(message);
      } catch (error) {
        if (!unavailableForNow(error)) throw error;
        await enqueueJob(db, LATER_MAIL_TASK, message, {
          key: `mail:${randomUUID()}`,
          maxAttempts: LATER_MAIL_ATTEMPTS,
        });
        log.warn({ mail: true }, "The mail server could not take a message; it is queued");
      }
    },
    close: () => mailer.close(),
  };
}

/**
 * For the people who run the instance: how many e-mails are waiting for the mail server and
 * since when, and how many it never took after every try (kept 30 days, then removed).
 */
export async function laterMailStatus(
  db: Executor,
): Promise<{ waiting: number; oldest: Date | null; failed: number }> {
  const { rows } = await db.execute<{ waiting: number; oldest: string | null; failed: number }>(sql`
    select count(*) filter (where attempts < max_attempts)::int as waiting,
           min(created_at) filter (where attempts < max_attempts) as oldest,
           count(*) filter (where attempts >= max_attempts)::int as failed
    from graphile_worker.jobs where task_identifier = ${LATER_MAIL_TASK}`);
  const row = rows[0];
  return {
    waiting: row?.waiting ?? 0,
    oldest: row?.oldest ? new Date(row.oldest) : null,
    failed: row?.failed ?? 0,
  };
}

/** Sends the messages deliverNowOrLater queued; a failure is tried again by the queue. */
export function laterMailJobs(deps: { mailer: Mailer }): JobSet {
  return {
    tasks: {
      [LATER_MAIL_TASK]: async (payload, helpers) => {
        const log: Log = { warn: (_details, message) => helpers.logger.warn(message) };
        await skippingRefused(deps.mailer, log).send(payload as MailMessage);
      },
    },
    schedule: [],
  };
}

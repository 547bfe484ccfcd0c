import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";
import { forgetOldSubmissions } from "../http/once.js";
import type { JobSet } from "./runner.js";

/** How long a job that failed for good is kept for the people who run the instance to see. */
export const FAILED_JOB_DAYS = 30;

/**
 * Removes the jobs that failed for good (every attempt used) and were last tried more than
 * FAILED_JOB_DAYS ago. Their payloads are personal: a request for help carries what the person
 * wrote and how to reach them, and the queue would otherwise keep it for ever. Returns how many.
 */
export async function forgetFailedJobs(db: Executor, now: Date): Promise<number> {
  const before = new Date(now.getTime() - FAILED_JOB_DAYS * 86_400_000).toISOString();
  const result = await db.execute<{ id: string }>(sql`
    select id from graphile_worker.complete_jobs(array(
      select id from graphile_worker.jobs
      where attempts >= max_attempts and locked_at is null
        and updated_at < ${before}::timestamptz
    ))`);
  return result.rows.length;
}

/** The queue's own upkeep, and the forms' ids (infra/http/once.ts), every night. */
export function housekeepingJobs(deps: { db: Executor; clock: () => Date }): JobSet {
  return {
    tasks: {
      "forms.forget-old": async () => {
        await forgetOldSubmissions(deps.db, deps.clock());
      },
      "jobs.forget-failed": async (_payload, helpers) => {
        const removed = await forgetFailedJobs(deps.db, deps.clock());
        if (removed > 0)
          helpers.logger.warn(
            `Removed ${removed} jobs that failed for good more than ${FAILED_JOB_DAYS} days ago`,
          );
      },
    },
    schedule: [
      { task: "jobs.forget-failed", match: "41 2 * * *", identifier: "jobs.forget-failed" },
      { task: "forms.forget-old", match: "47 2 * * *", identifier: "forms.forget-old" },
    ],
  };
}

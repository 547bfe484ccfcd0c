import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import {
  Logger,
  type LogLevel,
  parseCronItems,
  type Runner,
  run,
  runMigrations,
  runOnce,
  type TaskList,
} from "graphile-worker";
import type pg from "pg";
import type { Executor } from "../db/database.js";

/** A feature's scheduled work: what runs, and when (crontab lines, UTC). */
export type JobSet = {
  tasks: TaskList;
  schedule: { task: string; match: string; identifier: string }[];
};

/** A job's log in the shape the mail helpers take (they never pass an address to it). */
export function jobLog(helpers: {
  logger: { warn(message: string): void; error(message: string): void };
}) {
  return {
    warn: (_details: object, message: string) => helpers.logger.warn(message),
    error: (_details: object, message: string) => helpers.logger.error(message),
  };
}

/**
 * Queues a job in the transaction of the change it follows: the job exists exactly when the
 * change was saved. Queueing the same key again replaces the job not yet run.
 */
export async function enqueueJob(
  tx: Executor,
  task: string,
  payload: unknown,
  options: { key: string; maxAttempts?: number; delaySeconds?: number },
): Promise<void> {
  await tx.execute(
    sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json,
          job_key => ${options.key}, max_attempts => ${options.maxAttempts ?? 25},
          run_at => now() + ${options.delaySeconds ?? 0} * interval '1 second')`,
  );
}

/** Takes a job not yet run off the queue: its work was done another way. */
export async function removeJob(db: Executor, key: string): Promise<void> {
  await db.execute(sql`select graphile_worker.remove_job(${key})`);
}

/** graphile-worker's own tables, in their own schema, brought up to date with the package. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger() });
}

function quietLogger(log?: FastifyBaseLogger): Logger {
  return new Logger(() => (level: LogLevel, raw: string) => {
    if (!log) return;
    // A failed job's message quotes its query's parameters, which can be personal data.
    const message = raw
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("params:"))
      .join("\n");
    if (level === ("error" as LogLevel)) log.error({ jobs: true }, message);
    else if (level === ("warning" as LogLevel)) log.warn({ jobs: true }, message);
  });
}

/**
 * Runs the job queue on the app's own pool. Every instance may run one: graphile-worker takes
 * each job with SKIP LOCKED and fires each schedule line once across instances.
 */
export async function startJobRunner(options: {
  pool: pg.Pool;
  jobs: JobSet[];
  log: FastifyBaseLogger;
  pollIntervalMs?: number;
}): Promise<{ stop(): Promise<void> }> {
  const taskList: TaskList = Object.assign({}, ...options.jobs.map((j) => j.tasks));
  const runner: Runner = await run({
    pgPool: options.pool,
    taskList,
    parsedCronItems: parseCronItems(
      options.jobs.flatMap((j) =>
        j.schedule.map((s) => ({ task: s.task, match: s.match, identifier: s.identifier })),
      ),
    ),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2000,
    logger: quietLogger(options.log),
  });
  return { stop: () => runner.stop() };
}

/** Runs every job that is due now, then returns: what a test waits for instead of a runner. */
export async function runQueuedJobs(options: { pool: pg.Pool; jobs: JobSet[] }): Promise<void> {
  await runOnce({
    pgPool: options.pool,
    taskList: Object.assign({}, ...options.jobs.map((j) => j.tasks)),
    noHandleSignals: true,
    logger: quietLogger(),
  });
}

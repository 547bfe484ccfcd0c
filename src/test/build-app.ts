import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { appJobs, buildApp } from "../app.js";
import { parseConfig } from "../config.js";
import { connectDatabase, type DatabaseHandle } from "../infra/db/database.js";
import { runQueuedJobs } from "../infra/jobs/runner.js";
import { createMailer } from "../infra/mail/mailer.js";
import { createLiveHub } from "../infra/realtime/hub.js";
import { withDatabase } from "./global-setup.js";
import { SmtpCapture } from "./smtp.js";

/** A clock tests move by hand: expiry is tested without waiting. */
export class TestClock {
  constructor(private current = new Date("2026-03-10T09:00:00.000Z")) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

/** A fresh database copied from the migrated template, dropped when the test file ends. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject("databaseUrl");
  const template = inject("templateDatabase");
  const name = `${template}_c_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      // FILE_COPY copies the template's files as they are; measured here with durability off,
      // it took about 105 ms against 133 ms for the default WAL_LOG, which writes every page
      // of the 39 MB template (with the towns) to the WAL.
      await admin.query(`create database ${name} template ${template} strategy file_copy`);
      break;
    } catch (error) {
      // Two copies of one template at the same instant can collide; wait and try again.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  databaseUrl: string;
  mail: SmtpCapture;
  clock: TestClock;
  logs: string[];
  /** Runs the queued jobs (e-mails about a change, for one) as a server's job runner would. */
  runJobs(): Promise<void>;
  /** Runs one of the app's tasks at once, as the queue would (a scheduled one, say). */
  runTask(name: string): Promise<void>;
  close(): Promise<void>;
};

/** The whole app on its own database and a real SMTP server; nothing mocked. */
export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    publicUrl?: string;
    /** Run the job queue, polling often, as a server does. */
    jobs?: boolean;
    /** Share another test app's database, as a second instance behind a load balancer would. */
    sharing?: TestApp;
  } = {},
): Promise<TestApp> {
  const database = options.sharing
    ? { url: options.sharing.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const mail = new SmtpCapture();
  const smtpUrl = await mail.start();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-app-"));
  const parsed = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    SMTP_URL: smtpUrl,
    PUBLIC_URL: options.publicUrl ?? "http://localhost:3000",
    MUTUA_DATA_DIR: dataDir,
    HELP_PHONE: "+39 0461 123456",
    HELP_EMAIL: "help@mutua.example",
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const handle = connectDatabase(database.url, { max: 5 });
  const clock = new TestClock();
  const logs: string[] = [];
  const logStream = new (await import("node:stream")).Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const mailer = createMailer({
    smtpUrl,
    from: parsed.config.mailFrom,
    outboxDir: path.join(dataDir, "outbox"),
  });
  // A hub of its own, as each instance has: two apps sharing a database hear each other.
  const live = createLiveHub({
    connectionString: database.url,
    log: { warn: (message) => logs.push(message) },
    retry: { firstMs: 50, maxMs: 1_000 },
  });
  let databaseUp = true;
  const app = await buildApp(
    {
      config: parsed.config,
      db: handle.db,
      mailer,
      clock: clock.now,
      live,
      ...(options.jobs ? { jobs: { pool: handle.pool, pollIntervalMs: 100 } } : {}),
      databaseReady: async () =>
        databaseUp &&
        handle.pool.query("select 1").then(
          () => true,
          () => false,
        ),
    },
    { logStream },
  );
  await app.ready();
  return {
    app,
    database: handle,
    databaseUrl: database.url,
    mail,
    clock,
    logs,
    runJobs: () => runQueuedJobs({ pool: handle.pool, jobs: appJobs(app.deps) }),
    async runTask(name) {
      const task = appJobs(app.deps).find((set) => set.tasks[name])?.tasks[name];
      if (!task) throw new Error(`No task ${name}`);
      const logger = {
        warn: (message: string) => logs.push(message),
        error: (message: string) => logs.push(message),
      };
      await task({}, { logger } as unknown as Parameters<typeof task>[1]);
    },
    async close() {
      databaseUp = false;
      await app.close();
      await live.stop();
      mailer.close();
      await handle.close();
      await mail.stop();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

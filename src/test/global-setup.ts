import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { acquireDataDirLock } from "../infra/db/data-dir-lock.js";
import { migrateDatabase } from "../infra/db/database.js";
import { startEmbeddedPostgres } from "../infra/db/embedded-postgres.js";
import { ensurePlacesLoaded } from "../infra/places/load.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    templateDatabase: string;
  }
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

type TestServer = { url: string; template: string; stop(): Promise<void> };

/**
 * Both projects (app and end-to-end) run in one vitest process and each calls this setup: the
 * first call starts the server and builds the template, the others share it, and the last
 * teardown stops it. Kept on globalThis because each project may load this module anew.
 */
const shared = globalThis as typeof globalThis & {
  mutuaTestServer?: { server: Promise<TestServer>; users: number };
};

/**
 * One PostgreSQL per test run: the embedded server by default (with durability off: its folder
 * is deleted at the end), or the server named by TEST_DATABASE_URL (CI points it at Debian's
 * PostgreSQL 15). The schema is migrated once into a template, with the towns; each test file
 * then gets its own copy, which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  shared.mutuaTestServer ??= { server: startTestServer(), users: 0 };
  const entry = shared.mutuaTestServer;
  entry.users += 1;
  const { url, template } = await entry.server;
  project.provide("databaseUrl", url);
  project.provide("templateDatabase", template);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.mutuaTestServer = undefined;
    await (await entry.server).stop();
  };
}

async function startTestServer(): Promise<TestServer> {
  const quiet = { info: () => undefined, warn: (m: string) => process.stderr.write(`${m}\n`) };
  let url = process.env.TEST_DATABASE_URL;
  let stopServer = async () => undefined;
  if (!url) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-test-"));
    const lock = await acquireDataDirLock(dir);
    const server = await startEmbeddedPostgres(dir, quiet, { persistent: false });
    url = server.url;
    stopServer = async () => {
      await server.stop();
      await lock.release();
    };
  }
  const template = `mutua_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  await migrateDatabase(withDatabase(url, template));
  // Towns once, in the template: every test file's copy then has them at no extra cost.
  await ensurePlacesLoaded(withDatabase(url, template));

  const serverUrl = url;
  return {
    url: serverUrl,
    template,
    async stop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      const copies = await cleanup.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`${template}_c_%`],
      );
      for (const { datname } of copies.rows)
        await cleanup.query(`drop database if exists ${datname} with (force)`);
      await cleanup.query(`drop database if exists ${template} with (force)`);
      await cleanup.end();
      await stopServer();
    },
  };
}

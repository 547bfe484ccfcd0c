// One embedded PostgreSQL for a scenario, started from the app's own modules, plus the few
// administrative statements scenarios need (copying a prepared database, dropping it).
import pg from "pg";
import { trackTask } from "./cleanup.mjs";
import { importBuilt } from "./settings.mjs";

const quiet = { info: () => undefined, warn: (m) => process.stderr.write(`  database: ${m}\n`) };

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Starts PostgreSQL in `dataDir` (stopped by cleanup whatever happens) and migrates it. */
export async function startDatabase(dataDir) {
  const { acquireDataDirLock } = await importBuilt("infra/db/data-dir-lock.js");
  const { startEmbeddedPostgres } = await importBuilt("infra/db/embedded-postgres.js");
  const { migrateDatabase } = await importBuilt("infra/db/database.js");
  const lock = await acquireDataDirLock(dataDir);
  let embedded;
  try {
    embedded = await startEmbeddedPostgres(dataDir, quiet, { persistent: false });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const stop = async () => {
    await embedded.stop();
    await lock.release().catch(() => undefined);
  };
  const untrack = trackTask(stop);
  await migrateDatabase(embedded.url);
  return {
    url: embedded.url,
    async stop() {
      untrack();
      await stop();
    },
  };
}

/** Runs statements on the server's maintenance database (for CREATE and DROP DATABASE). */
export async function administer(url, statements) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { migrateJobQueue } from "../jobs/runner.js";

export type Database = NodePgDatabase<Record<string, never>>;
/** What a write runs in: the database itself or an open transaction. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = { db: Database; pool: pg.Pool; close(): Promise<void> };

// TIMESTAMPTZ and BIGINT parsing stay pg's defaults; COUNT(*) comes back as text, cast in SQL.
export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: "mutua",
  });
  // An idle client losing its server (database restarted) must not crash the process.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool });
  return {
    db,
    pool,
    close: () => pool.end(),
  };
}

export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/**
 * Applies the committed migrations. An advisory lock makes several instances starting together
 * take turns instead of racing on the same migration.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "mutua-migrate" });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(7263541)");
    await migrate(drizzle({ client }), { migrationsFolder });
    await migrateJobQueue(url);
  } finally {
    await client.query("select pg_advisory_unlock(7263541)").catch(() => undefined);
    await client.end();
  }
}

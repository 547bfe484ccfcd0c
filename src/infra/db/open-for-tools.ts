import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../config.js";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

/**
 * A database address for a command-line tool: DATABASE_URL; or the built-in server of a Mutua
 * already running on the data folder (found through PostgreSQL's own postmaster.pid); or the
 * built-in server started just for the tool and stopped by `close()`.
 */
export async function openDatabaseForTool(
  config: Config,
): Promise<{ url: string; close(): Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => undefined };
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  try {
    const lock = await acquireDataDirLock(config.dataDir);
    const quiet = { info: () => undefined, warn: (m: string) => process.stderr.write(`${m}\n`) };
    const server = await startEmbeddedPostgres(config.dataDir, quiet);
    return {
      url: server.url,
      async close() {
        await server.stop();
        await lock.release();
      },
    };
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const pidFile = await fs.readFile(
      path.join(config.dataDir, "postgres", "postmaster.pid"),
      "utf8",
    );
    const port = pidFile.split("\n")[3]?.trim();
    const password = (
      await fs.readFile(path.join(config.dataDir, "postgres-password"), "utf8")
    ).trim();
    return {
      url: `postgres://mutua:${encodeURIComponent(password)}@127.0.0.1:${port}/mutua`,
      close: async () => undefined,
    };
  }
}

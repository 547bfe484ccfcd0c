import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

const quiet = { info: () => undefined, warn: () => undefined };
const asRoot = process.getuid?.() === 0;

describe("the data folder lock", () => {
  it("lets one process hold a folder and refuses a second holder", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-lock-"));
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await lock.release();
    const again = await acquireDataDirLock(dir);
    await again.release();
    await fs.rm(dir, { recursive: true });
  });

  it("takes over a lock whose owner died", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-lock-"));
    // Process ids this high are never handed out on Linux (pid_max is at most 4194304).
    await fs.writeFile(path.join(dir, "mutua.lock"), "4194305\n");
    const lock = await acquireDataDirLock(dir);
    expect(lock.takenOverFromDeadOwner).toBe(true);
    expect((await fs.readFile(path.join(dir, "mutua.lock"), "utf8")).split("\n")[0]).toBe(
      String(process.pid),
    );
    await lock.release();
    await fs.rm(dir, { recursive: true });
  });
});

// The check is about root's special case: as any other account PostgreSQL runs as that account.
describe.skipIf(!asRoot)("the built-in database, run as root", () => {
  it("starts under a private folder that the postgres account could not pass through", async () => {
    const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-private-"));
    expect((await fs.stat(privateDir)).mode & 0o777).toBe(0o700);
    const dataDir = path.join(privateDir, "data");
    await fs.mkdir(dataDir, { mode: 0o700 });
    const server = await startEmbeddedPostgres(dataDir, quiet, { persistent: false });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query("select current_setting('server_version_num')::int as v");
      expect(rows[0].v).toBeGreaterThanOrEqual(150000);
      await client.end();
      // Search only for others: they may pass, not list.
      expect((await fs.stat(privateDir)).mode & 0o777).toBe(0o701);
    } finally {
      await server.stop();
      await fs.rm(privateDir, { recursive: true, force: true });
    }
  });
});

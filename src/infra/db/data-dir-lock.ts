import fs from "node:fs/promises";
import path from "node:path";

/**
 * One Mutua process owns a data folder at a time. The lock is a file created with O_EXCL, so two
 * processes starting together cannot both win; a lock left by a process that died (kill -9, power
 * loss) is recognised because its owner is no longer alive.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Another Mutua is already running with the data folder ${dataDir} (process ${ownerPid}). ` +
        "Stop that one first, or set MUTUA_DATA_DIR to another folder.",
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = { release(): Promise<void>; takenOverFromDeadOwner: boolean };

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(lockPath: string): Promise<number | null> {
  try {
    const text = await fs.readFile(lockPath, "utf8");
    const pid = Number.parseInt(text.trim().split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, "mutua.lock");
  let takenOverFromDeadOwner = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(lockPath, "wx", 0o600);
      await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await handle.close();
      return {
        takenOverFromDeadOwner,
        async release() {
          if ((await readOwner(lockPath)) === process.pid) await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await readOwner(lockPath);
    if (owner !== null && isProcessAlive(owner)) throw new DataDirLockedError(dataDir, owner);
    // The owner died without cleaning up: take the lock over. rename() is atomic, so of two
    // processes racing here only one removes the stale file it read.
    const stale = `${lockPath}.stale-${process.pid}`;
    try {
      await fs.rename(lockPath, stale);
      await fs.rm(stale, { force: true });
      takenOverFromDeadOwner = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const owner = (await readOwner(lockPath)) ?? 0;
  throw new DataDirLockedError(dataDir, owner);
}

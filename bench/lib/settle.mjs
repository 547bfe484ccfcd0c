// Waiting for the machine to be quiet before a scenario: the one before may leave work behind it
// (a large database being removed, dirty pages written back), and a page measured meanwhile
// competes with that rather than with its own baseline.
import { readFileSync } from "node:fs";
import { sleep } from "./cleanup.mjs";

const QUIET_BUSY_SHARE = 0.2;
const SAMPLE_MS = 1000;
const LIMIT_MS = 60_000;

/** Busy and total jiffies of all cores together, or null where /proc/stat cannot be read. */
function cpuTimes() {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Waits until the cores were busy less than a fifth of one second, up to a minute; resolves to
 * how long it waited and the last busy share seen.
 */
export async function settle() {
  const began = performance.now();
  let share = 0;
  while (performance.now() - began < LIMIT_MS) {
    const before = cpuTimes();
    await sleep(SAMPLE_MS);
    const after = cpuTimes();
    if (!before || !after || after.total === before.total) return { waitedMs: 0, share: 0 };
    share = (after.busy - before.busy) / (after.total - before.total);
    if (share < QUIET_BUSY_SHARE) break;
  }
  return { waitedMs: performance.now() - began, share };
}

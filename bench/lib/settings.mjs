// Paths and the knobs every scenario shares. Durations can be shortened for a quick look
// (BENCH_DURATION=3 BENCH_WARMUP=1 node bench/run.mjs), but the targets are judged on the defaults.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
export const dist = path.join(root, "dist");
export const serverEntry = path.join(dist, "server.js");

/** Only this address is ever targeted. */
export const HOST = "127.0.0.1";

function seconds(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 120) {
    throw new Error(
      `${name} must be a number of seconds from 1 to 120, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

export const settings = {
  /** Measured seconds per load scenario. */
  duration: seconds("BENCH_DURATION", 10),
  /** Unmeasured seconds of the same load first, so JIT and pools settle. */
  warmup: seconds("BENCH_WARMUP", 2),
  connections: 50,
  /** One wrk thread: the server under test needs the other of the two cores. */
  wrkThreads: 1,
};

export function findWrk() {
  for (const candidate of ["/usr/bin/wrk", "/usr/local/bin/wrk"]) {
    if (existsSync(candidate)) return candidate;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "wrk");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Import a module of the built app (dist/...). */
export function importBuilt(relative) {
  return import(pathToFileURL(path.join(dist, relative)).href);
}

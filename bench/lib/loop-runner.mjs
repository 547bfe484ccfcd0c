// Runs a raw-SQL loop script (bench/lib/*-sql-loop.mjs) as its own process and reads its one
// JSON line; pools several runs' figures into one.
import path from "node:path";
import { percentiles } from "./report.mjs";
import { spawnGroup } from "./server.mjs";
import { root, settings } from "./settings.mjs";

export async function runSqlLoop(script, env, seconds, label) {
  const handle = spawnGroup(process.execPath, [path.join(root, "bench", "lib", script)], {
    env: {
      ...env,
      BENCH_SECONDS: String(seconds),
      BENCH_WARMUP: String(settings.warmup),
      BENCH_CONCURRENCY: String(settings.connections),
    },
  });
  let stdout = "";
  handle.child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const { code } = await handle.exited;
  await handle.stop();
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{")) {
    throw new Error(`the ${label} SQL loop failed (code ${code})\n${handle.tail()}`);
  }
  const result = JSON.parse(last);
  if (result.failures > 0)
    throw new Error(`the ${label} SQL loop had ${result.failures} failed queries`);
  return result;
}

/** Several loop runs as one: requests over time, and percentiles over every latency. */
export function pooled(runs) {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  const all = runs.flatMap((r) => r.latenciesUs).map((us) => us / 1000);
  return {
    requests,
    elapsedMs,
    requestsPerSecond: requests / (elapsedMs / 1000),
    latencyMs: percentiles(all),
  };
}

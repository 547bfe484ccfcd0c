// N loops each keeping one operation in flight: a warm-up that is not counted, then a measured
// window. Used by the raw-SQL ceilings, which run as their own processes.
import { percentiles } from "./report.mjs";

/**
 * Returns the figures as the loop scripts print them: requests, failures, elapsed time,
 * requests per second, latency percentiles, and every latency in µs so runs can be pooled.
 */
export async function measureLoops(operation, { concurrency, warmupSeconds, seconds }) {
  let measuring = false;
  let stopping = false;
  let measuredTo = 0;
  let completed = 0;
  let failures = 0;
  const latencies = [];

  async function loop() {
    while (!stopping) {
      const started = performance.now();
      try {
        await operation();
      } catch {
        if (measuring) failures++;
        continue;
      }
      const ended = performance.now();
      if (measuring && ended <= measuredTo) {
        completed++;
        latencies.push(ended - started);
      }
    }
  }

  const loops = Array.from({ length: concurrency }, loop);
  await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
  const measuredFrom = performance.now();
  measuredTo = measuredFrom + seconds * 1000;
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  stopping = true;
  await Promise.all(loops);
  const elapsed = Math.min(performance.now(), measuredTo) - measuredFrom;
  return {
    requests: completed,
    failures,
    elapsedMs: elapsed,
    requestsPerSecond: completed / (elapsed / 1000),
    latencyMs: percentiles(latencies),
    latenciesUs: latencies.map((v) => Math.round(v * 1000)),
  };
}

// Running wrk against 127.0.0.1 and reading its --latency report.
import { spawn } from "node:child_process";
import { trackGroup } from "./cleanup.mjs";
import { findWrk, HOST, settings } from "./settings.mjs";

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function toMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : Number.NaN;
}

/** Parses wrk's text report (run with --latency). Throws when a figure we need is missing. */
export function parseWrk(text) {
  const number = (re) => {
    const match = re.exec(text);
    return match ? Number(match[1]) : null;
  };
  const percentiles = {};
  for (const match of text.matchAll(
    /^\s+(50|75|90|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m|h))\s*$/gm,
  )) {
    percentiles[`p${match[1]}`] = toMs(match[2]);
  }
  const requests = /^\s+(\d+) requests in ([\d.]+(?:us|ms|s|m|h)), ([\d.]+)(B|KB|MB|GB) read/m.exec(
    text,
  );
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const result = {
    requestsPerSecond: number(/^Requests\/sec:\s+([\d.]+)/m),
    requests: requests ? Number(requests[1]) : null,
    elapsedMs: requests ? toMs(requests[2]) : null,
    bytesRead: requests ? Number(requests[3]) * SIZE[requests[4]] : null,
    latencyMs: percentiles,
    non2xx3xx: number(/Non-2xx or 3xx responses:\s+(\d+)/) ?? 0,
    socketErrors: socket
      ? {
          connect: Number(socket[1]),
          read: Number(socket[2]),
          write: Number(socket[3]),
          timeout: Number(socket[4]),
        }
      : { connect: 0, read: 0, write: 0, timeout: 0 },
  };
  if (
    result.requestsPerSecond === null ||
    result.requests === null ||
    result.latencyMs.p50 === undefined ||
    result.latencyMs.p99 === undefined
  ) {
    throw new Error(`could not read wrk's report:\n${text}`);
  }
  return result;
}

/** One wrk run; resolves to the parsed report. Only http://127.0.0.1 URLs are accepted. */
export function runWrk(
  url,
  {
    seconds,
    connections = settings.connections,
    threads = settings.wrkThreads,
    headers = [],
    timeoutSeconds,
  },
) {
  const target = new URL(url);
  if (target.protocol !== "http:" || target.hostname !== HOST) {
    throw new Error(`refusing to load anything but http://${HOST}: ${url}`);
  }
  const wrk = findWrk();
  if (!wrk) throw new Error("wrk is not installed (Debian: apt-get install wrk)");
  const args = ["-t", String(threads), "-c", String(connections), "-d", `${seconds}s`, "--latency"];
  // wrk counts a response slower than its timeout (2 s by default) as a socket error.
  if (timeoutSeconds) args.push("--timeout", `${timeoutSeconds}s`);
  for (const header of headers) args.push("-H", header);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    const untrack = trackGroup(child.pid);
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    // wrk stops itself after `seconds`; never let it run much longer than that.
    const guard = setTimeout(() => child.kill("SIGKILL"), (seconds + 15) * 1000);
    child.once("error", (error) => {
      clearTimeout(guard);
      untrack();
      reject(new Error(`wrk could not start: ${error.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(guard);
      untrack();
      if (code !== 0) return reject(new Error(`wrk ended with code ${code}: ${err || out}`));
      try {
        resolve(parseWrk(out));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Requests per second over several runs taken together (e.g. a baseline split around a target). */
export function pooledRate(runs) {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  return { requests, elapsedMs, requestsPerSecond: requests / (elapsedMs / 1000) };
}

/**
 * Warm-up at the same load (not counted), then the measured run. Fails when responses were
 * not 2xx/3xx or connections broke, since such a figure would measure errors, not pages.
 */
export async function measureHttp(
  url,
  { headers = [], label, seconds = settings.duration, warmup = true, timeoutSeconds } = {},
) {
  if (warmup && settings.warmup > 0)
    await runWrk(url, { seconds: settings.warmup, headers, timeoutSeconds });
  const result = await runWrk(url, { seconds, headers, timeoutSeconds });
  const { connect, read, write, timeout } = result.socketErrors;
  const broken = connect + read + write + timeout;
  if (result.non2xx3xx > 0 || broken > result.requests * 0.001) {
    throw new Error(
      `${label ?? url}: ${result.non2xx3xx} responses were not 2xx/3xx and ${broken} socket errors ` +
        `(connect ${connect}, read ${read}, write ${write}, timeout ${timeout}) out of ${result.requests}`,
    );
  }
  return result;
}

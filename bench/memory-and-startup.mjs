// 3. Idle memory of the Node server process after start and a short warm-up.
// 4. Time from launching the server to its first 200 on `/`: a first run that creates the data
//    folder, then three runs on the existing one; and the whole `npm start` path once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { removeTempDir, sleep, tempDir } from "./lib/cleanup.mjs";
import { fmt, median, say, verdict } from "./lib/report.mjs";
import { descendants, procStatus, startAppServer } from "./lib/server.mjs";
import { root } from "./lib/settings.mjs";
import { runWrk } from "./lib/wrk.mjs";

export const title = "Idle memory and start-up time";
const RSS_LIMIT_KB = 150 * 1024;
const START_LIMIT_MS = 5000;
const WARM_RUNS = 3;

function startLine(label, server) {
  const listening = server.listeningMs();
  return `  ${label.padEnd(40)} first 200 on / after ${fmt.s(server.readyMs).padStart(7)}${listening === null ? "" : `   (server said "ready" at ${fmt.s(listening)})`}`;
}

function treeRssKb(pid) {
  let total = 0;
  for (const child of descendants(pid)) {
    try {
      total += procStatus(child).VmRSS ?? 0;
    } catch {
      // exited while we looked
    }
  }
  return total;
}

/**
 * `npm start` installs dependencies first when scripts/ensure-installed.mjs finds them missing or
 * stale. Measuring that would time `npm ci` (and replace node_modules under everyone's feet), so
 * the npm start path is only measured when that check would pass.
 */
function whyNotNpmStart() {
  if (process.env.BENCH_SKIP_NPM_START === "1") return "skipped (BENCH_SKIP_NPM_START=1)";
  if (!existsSync(path.join(root, "scripts", "ensure-installed.mjs")))
    return "skipped: scripts/ensure-installed.mjs is missing";
  const stamp = path.join(root, "node_modules", ".mutua-installed");
  const wanted = createHash("sha256")
    .update(readFileSync(path.join(root, "package-lock.json")))
    .update(readFileSync(path.join(root, "package.json")))
    .digest("hex");
  const installed = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
  if (installed !== wanted) {
    return "skipped: it would install dependencies first (run `npm start` or `npm run bench` once)";
  }
  return null;
}

export async function run() {
  const dataDir = tempDir("start");
  const results = [];
  try {
    // First run: creates the database cluster and applies every migration.
    const first = await startAppServer({ dataDir });
    say(startLine("node dist/server.js, new data folder", first));
    await first.stop();

    const warm = [];
    let memory = null;
    for (let i = 1; i <= WARM_RUNS; i++) {
      const server = await startAppServer({ dataDir });
      try {
        say(startLine(`node dist/server.js, existing folder #${i}`, server));
        warm.push(server.readyMs);
        if (i === 1) {
          // A short warm-up at light load, then a few quiet seconds before reading memory.
          const afterStart = procStatus(server.pid).VmRSS;
          await runWrk(`${server.url}/`, { seconds: 2, connections: 10 });
          await sleep(3000);
          const status = procStatus(server.pid);
          memory = {
            afterStart,
            idle: status.VmRSS,
            peak: status.VmHWM,
            postgres: treeRssKb(server.pid),
          };
        }
      } finally {
        await server.stop();
      }
    }

    let npmStart = null;
    const notNpm = whyNotNpmStart();
    if (notNpm) {
      say(`  npm start: ${notNpm}`);
    } else {
      try {
        // The full path a person runs: dependency check, build, then the server.
        const server = await startAppServer({
          dataDir,
          command: "npm",
          args: ["start", "--silent"],
        });
        npmStart = server.readyMs;
        say(startLine("npm start (check, build, start), existing", server));
        await server.stop({ wholeGroup: true });
      } catch (error) {
        say(`  npm start: could not be measured: ${error.message.split("\n")[0]}`);
      }
    }

    say();
    say(
      `  server process VmRSS: ${fmt.mb(memory.afterStart)} right after start, ${fmt.mb(memory.idle)} idle after the warm-up (peak VmHWM ${fmt.mb(memory.peak)})`,
    );
    say(
      `  (not counted: its PostgreSQL processes together ${fmt.mb(memory.postgres)} VmRSS, shared pages counted in each)`,
    );
    say(
      `  start-up on an existing folder: median ${fmt.s(median(warm))}, slowest ${fmt.s(Math.max(...warm))}; new folder ${fmt.s(first.readyMs)}${npmStart === null ? "" : `; npm start ${fmt.s(npmStart)}`}`,
    );

    results.push(
      verdict({
        name: "idle RSS of the Node server process",
        value: memory.idle,
        shown: fmt.mb(memory.idle),
        limit: RSS_LIMIT_KB,
        limitShown: fmt.mb(RSS_LIMIT_KB),
        atLeast: false,
      }),
      verdict({
        name: "start to first 200, existing data (slowest of 3)",
        value: Math.max(...warm),
        shown: `${fmt.s(Math.max(...warm))} (runs ${warm.map(fmt.s).join(", ")}; new folder ${fmt.s(first.readyMs)})`,
        limit: START_LIMIT_MS,
        limitShown: fmt.s(START_LIMIT_MS),
        atLeast: false,
      }),
    );
    if (npmStart !== null) {
      // For information: the target is on the server's own start; this adds npm and the build.
      results.push({
        name: "npm start to first 200, existing data",
        shown: fmt.s(npmStart),
        target: "(information)",
        info: true,
      });
    }
    return results;
  } finally {
    removeTempDir(dataDir);
  }
}

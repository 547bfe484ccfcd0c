// Runs the benchmarks in order (or only the ones named) and prints a summary table.
//
//   node bench/run.mjs                 all of them
//   node bench/run.mjs home            1. signed-out home page vs node:http hello-world
//   node bench/run.mjs api-me          2. signed-in /api/v1/me vs the raw-SQL ceiling
//   node bench/run.mjs memory          3 + 4. idle memory and start-up time ("startup" works too)
//   node bench/run.mjs directory       5. directory search page at 10,000 and 100,000 groups vs raw SQL
//   node bench/run.mjs meetings        6. a member's meetings page vs the raw SQL of its queries
//   node bench/run.mjs live            7. one post fanned out to 1,000 SSE streams, one and two
//                                         instances, vs a bare node:http SSE server
//   node bench/run.mjs board           8. a member's board page with 1,000 threads vs the raw SQL
//                                         of its queries ("board-page" works too)
//
// Every figure is a ratio or a bound measured against a baseline in the same run: the machine
// is shared and noisy. Exit code 0 when every benchmark ran (targets met or not), 1 when one
// could not run, 2 on a bad command line.
import { existsSync } from "node:fs";
import os from "node:os";
import { cleanupAll, installSignalHandlers } from "./lib/cleanup.mjs";
import { heading, say, summaryTable } from "./lib/report.mjs";
import { findWrk, serverEntry, settings } from "./lib/settings.mjs";
import { settle } from "./lib/settle.mjs";

const scenarios = [
  { key: "home", aliases: ["home", "home-page"], load: () => import("./home-page.mjs") },
  { key: "api-me", aliases: ["api-me", "api", "me"], load: () => import("./api-me.mjs") },
  {
    key: "memory-and-startup",
    aliases: ["memory-and-startup", "memory", "startup", "start"],
    load: () => import("./memory-and-startup.mjs"),
  },
  {
    key: "directory",
    aliases: ["directory", "directory-search", "search"],
    load: () => import("./directory.mjs"),
  },
  { key: "meetings", aliases: ["meetings", "meetings-page"], load: () => import("./meetings.mjs") },
  {
    key: "live",
    aliases: ["live", "live-fanout", "sse"],
    load: () => import("./live-fanout.mjs"),
  },
  { key: "board", aliases: ["board", "board-page"], load: () => import("./board.mjs") },
];

function choose(args) {
  if (args.length === 0) return scenarios;
  const chosen = [];
  for (const arg of args) {
    const found = scenarios.find((s) => s.aliases.includes(arg));
    if (!found) {
      process.stderr.write(
        `Unknown benchmark "${arg}". Choose from: ${scenarios.map((s) => s.aliases.join(" | ")).join(", ")}\n`,
      );
      process.exit(2);
    }
    if (!chosen.includes(found)) chosen.push(found);
  }
  return scenarios.filter((s) => chosen.includes(s));
}

async function main() {
  const chosen = choose(process.argv.slice(2));
  installSignalHandlers();

  const missing = [];
  if (!existsSync(serverEntry))
    missing.push(`${serverEntry} is missing: build first (npm run build)`);
  if (!findWrk()) missing.push("wrk is not installed (Debian: apt-get install wrk)");
  if (missing.length > 0) {
    for (const m of missing) process.stderr.write(`Cannot benchmark: ${m}\n`);
    process.exit(1);
  }

  const load = os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");
  say(
    `Mutua benchmarks: Node ${process.versions.node}, ${os.cpus().length} cores, load average ${load}`,
  );
  say(
    `Each scenario: ${settings.warmup} s warm-up + ${settings.duration} s measured, ${settings.connections} connections, loopback only.`,
  );
  say(
    "Figures are ratios against baselines measured in this same run; absolute numbers vary with the machine's load.",
  );

  const rows = [];
  let failed = 0;
  const began = performance.now();
  for (const scenario of chosen) {
    const module = await scenario.load();
    heading(module.title);
    const quiet = await settle();
    say(
      `  machine quiet after ${(quiet.waitedMs / 1000).toFixed(0)} s (cores ${Math.round(quiet.share * 100)}% busy)`,
    );
    const started = performance.now();
    try {
      rows.push(...(await module.run()));
    } catch (error) {
      failed++;
      say(`  COULD NOT RUN: ${error instanceof Error ? error.message : String(error)}`);
      rows.push({ name: scenario.key, shown: "-", target: "-", error: true });
      await cleanupAll();
    }
    say(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await cleanupAll();

  heading("Summary");
  summaryTable(rows);
  const missed = rows.filter((r) => !r.error && !r.info && !r.met).length;
  say();
  say(
    `${rows.filter((r) => r.met).length} met, ${missed} MISSED${failed ? `, ${failed} could not run` : ""} ` +
      `(${((performance.now() - began) / 1000).toFixed(0)} s in all)`,
  );
  say(
    `load average at the end: ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(async (error) => {
  process.stderr.write(
    `The benchmark could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  await cleanupAll();
  process.exit(1);
});

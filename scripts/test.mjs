// `npm test`: type-check, lint, structure, build, then the app's tests and the end-to-end tests
// in Chromium, side by side in one vitest run. Ends with a table of each phase's time, the ten
// slowest test files, and one line "N passed, N failed" counting every test that ran.
//
// `npm test -- --database-only` runs only the test files that reach the test database
// (scripts/database-tests.mjs): CI runs them a second time against another PostgreSQL server.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseTestFiles } from "./database-tests.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const outDir = path.join(root, ".test-output");
mkdirSync(outDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const databaseOnly = process.argv.includes("--database-only");
const startedAt = Date.now();

let passed = 0;
let failed = 0;
/** { name, seconds, ok, detail } in the order they ran. */
const phases = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  phases.push({ name, seconds: (Date.now() - started) / 1000, ok });
  return ok;
}

function countNodeTest(file) {
  if (!existsSync(file)) return;
  const tap = readFileSync(file, "utf8");
  passed += Number(tap.match(/^# pass (\d+)/m)?.[1] ?? 0);
  failed += Number(tap.match(/^# fail (\d+)/m)?.[1] ?? 0);
}

/** Each project's span (first file started to last file ended), counts, and every file's time. */
function readVitestReport(file) {
  if (!existsSync(file)) return { projects: new Map(), files: [] };
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  const projects = new Map();
  const files = [];
  for (const result of report.testResults ?? []) {
    const name = path.relative(root, result.name);
    const project = name.startsWith(`e2e${path.sep}`) ? "end-to-end tests" : "app tests";
    const span = projects.get(project) ?? { start: Infinity, end: 0, tests: 0, files: 0, ok: true };
    span.start = Math.min(span.start, result.startTime);
    span.end = Math.max(span.end, result.endTime);
    span.tests += result.assertionResults.length;
    span.files += 1;
    span.ok &&= result.status === "passed";
    projects.set(project, span);
    files.push({ name, seconds: (result.endTime - result.startTime) / 1000 });
  }
  return { projects, files: files.sort((a, b) => b.seconds - a.seconds) };
}

function printSummary(slowest) {
  const seconds = (s) => `${s.toFixed(1).padStart(7)} s`;
  const rows = [...phases, { name: "total", seconds: (Date.now() - startedAt) / 1000, ok: true }];
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log("\nphase".padEnd(width + 1), "      time  result");
  for (const row of rows) {
    const result = row.name === "total" ? "" : row.ok ? "ok" : "FAILED";
    console.log(
      `${row.name.padEnd(width)}  ${seconds(row.seconds)}  ${result}${row.detail ? `  ${row.detail}` : ""}`,
    );
  }
  if (slowest.length > 0) {
    console.log("\nThe ten slowest test files");
    for (const file of slowest.slice(0, 10)) console.log(`${seconds(file.seconds)}  ${file.name}`);
  }
}

if (process.env.TEST_DATABASE_URL) console.log("Using the PostgreSQL server in TEST_DATABASE_URL.");

if (!databaseOnly) {
  // One program for src/ and e2e/: each file is checked once.
  step("type-check", bin("tsc"), ["--noEmit", "-p", "e2e/tsconfig.json"]);
  step("lint and format", bin("biome"), ["check", "."]);
  const structureTap = path.join(outDir, "structure.tap");
  step("structure", process.execPath, ["scripts/check-structure.mjs"]);
  step("the scripts' own tests", process.execPath, [
    "--test",
    "--test-reporter=tap",
    `--test-reporter-destination=${structureTap}`,
    "scripts/check-structure.test.mjs",
    "scripts/database-tests.test.mjs",
  ]);
  countNodeTest(structureTap);
  step("build", process.execPath, ["scripts/build.mjs"]);
}

const withChromium = !databaseOnly && existsSync(chromium);
if (!databaseOnly && !withChromium) {
  if (process.env.CI) {
    console.error(
      `\n✖ No Chromium at ${chromium}: end-to-end tests cannot run, and CI requires them.`,
    );
    phases.push({ name: "end-to-end tests (no Chromium)", seconds: 0, ok: false });
  } else {
    console.warn(
      `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
        `!! End-to-end tests SKIPPED: no Chromium at ${chromium}.\n` +
        `!! Install it (Debian: apt-get install chromium) to run them.\n` +
        `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`,
    );
  }
}

const report = path.join(outDir, "vitest.json");
rmSync(report, { force: true });
const files = databaseOnly ? databaseTestFiles(root) : [];
if (databaseOnly)
  console.log(`\n${files.length} test files reach the database:\n${files.join("\n")}`);
step(
  databaseOnly ? "tests that reach the database" : "tests, side by side",
  bin("vitest"),
  [
    "run",
    "--project",
    "app",
    ...(withChromium ? ["--project", "e2e"] : []),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...files,
  ],
  withChromium ? { CHROMIUM_PATH: chromium } : {},
);
const { projects, files: timed } = readVitestReport(report);
for (const [name, span] of projects) {
  phases.push({
    name: `  ${name}`,
    seconds: (span.end - span.start) / 1000,
    ok: span.ok,
    detail: `${span.tests} tests in ${span.files} files`,
  });
}

printSummary(timed);
console.log("");
const problems = phases.filter((phase) => !phase.ok).map((phase) => phase.name.trim());
if (problems.length > 0) console.log(`Failed steps: ${problems.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);

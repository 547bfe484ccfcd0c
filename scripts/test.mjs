// `npm test`: type-check, lint, structure, build, unit + integration, then end-to-end in Chromium.
// Ends with one line "N passed, N failed" counting every test that ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const outDir = path.join(root, ".test-output");
mkdirSync(outDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let passed = 0;
let failed = 0;
const problems = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) problems.push(name);
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}

function countNodeTest(file) {
  if (!existsSync(file)) return;
  const tap = readFileSync(file, "utf8");
  passed += Number(tap.match(/^# pass (\d+)/m)?.[1] ?? 0);
  failed += Number(tap.match(/^# fail (\d+)/m)?.[1] ?? 0);
}

if (process.env.TEST_DATABASE_URL) console.log(`Using the PostgreSQL server in TEST_DATABASE_URL.`);

step("type-check", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
step("type-check end-to-end tests", bin("tsc"), ["--noEmit", "-p", "e2e/tsconfig.json"]);
step("lint and format", bin("biome"), ["check", "."]);
step("structure", process.execPath, ["scripts/check-structure.mjs"]);
step("structure rules", process.execPath, [
  "--test",
  "--test-reporter=tap",
  `--test-reporter-destination=${path.join(outDir, "structure.tap")}`,
  "scripts/check-structure.test.mjs",
]);
countNodeTest(path.join(outDir, "structure.tap"));
step("build", process.execPath, ["scripts/build.mjs"]);

const vitest = (project) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(outDir, `${project}.json`)}`,
];
step("unit and integration tests", bin("vitest"), vitest("app"));
countVitest(path.join(outDir, "app.json"));

if (existsSync(chromium)) {
  step("end-to-end tests in Chromium", bin("vitest"), vitest("e2e"), { CHROMIUM_PATH: chromium });
  countVitest(path.join(outDir, "e2e.json"));
} else if (process.env.CI) {
  console.error(
    `\n✖ No Chromium at ${chromium}: end-to-end tests cannot run, and CI requires them.`,
  );
  problems.push("end-to-end tests (no Chromium)");
} else {
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! End-to-end tests SKIPPED: no Chromium at ${chromium}.\n` +
      `!! Install it (Debian: apt-get install chromium) to run them.\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`,
  );
}

console.log("");
if (problems.length > 0) console.log(`Failed steps: ${problems.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);

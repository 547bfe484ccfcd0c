// Which app test files reach the test database, shown on small trees built for each test and
// once on this repository.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { databaseTestFiles, specifiers } from "./database-tests.mjs";

const script = fileURLToPath(new URL("./database-tests.mjs", import.meta.url));
const repoRoot = path.dirname(path.dirname(script));
const made = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project folder holding exactly these files (path → text). */
function tree(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "mutua-database-tests-"));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** The test helpers as the repository lays them out, and one pure module with its unit test. */
const baseFiles = {
  "src/test/build-app.ts": [
    'import { inject } from "vitest";',
    'import { buildApp } from "../app.js";',
    'export const buildTestApp = async () => buildApp(inject("databaseUrl"));',
  ].join("\n"),
  "src/test/factories.ts": [
    'import type { TestApp } from "./build-app.js";',
    'import { buildTestApp } from "./build-app.js";',
    "export const createGroup = (t: TestApp) => buildTestApp;",
  ].join("\n"),
  "src/app.ts": 'import fastify from "fastify";\nexport const buildApp = () => fastify();\n',
  "src/infra/time/recurrence.ts": 'import rrule from "rrule";\nexport const weekly = rrule;\n',
  "src/infra/time/recurrence.test.ts": [
    'import { describe, it } from "vitest";',
    'import { weekly } from "./recurrence.js";',
    "describe(weekly, () => it('works', () => {}));",
  ].join("\n"),
};

describe("which test files reach the test database", () => {
  it("picks up a new test file that calls the test app", () => {
    const root = tree({
      ...baseFiles,
      "src/features/groups/pages.test.ts": [
        'import { it } from "vitest";',
        "import {",
        "  buildTestApp,",
        "  type TestApp,",
        '} from "../../test/build-app.js";',
        "it('lists groups', async () => { const t: TestApp = await buildTestApp(); });",
      ].join("\n"),
    });
    assert.deepEqual(databaseTestFiles(root), ["src/features/groups/pages.test.ts"]);
  });

  it("picks up a test file that reaches the test app only through a local helper", () => {
    const root = tree({
      ...baseFiles,
      // Two steps away: a helper of the feature, which uses the shared factories.
      "src/features/meetings/fixtures.ts":
        'import { createGroup } from "../../test/factories.js";\nexport const g = createGroup;\n',
      "src/features/meetings/reads.test.tsx":
        'import { g } from "./fixtures.js";\nexport const run = g;\n',
      "src/features/meetings/later.test.ts":
        'export const later = () => import("../../test/factories.js");\n',
      "src/features/meetings/again.test.ts": 'export * from "./fixtures.js";\n',
    });
    assert.deepEqual(databaseTestFiles(root), [
      "src/features/meetings/again.test.ts",
      "src/features/meetings/later.test.ts",
      "src/features/meetings/reads.test.tsx",
    ]);
  });

  it("leaves out a unit test that imports only packages and pure local modules", () => {
    const root = tree({
      ...baseFiles,
      "src/features/groups/policy.ts": "export const can = () => true;\n",
      "src/features/groups/policy.test.ts": [
        'import fc from "fast-check";',
        'import { can } from "./policy.js";',
        // Only a type from the test app: erased before run time, nothing is loaded.
        'import type { TestApp } from "../../test/build-app.js";',
        "export const t = [fc, can] as unknown as TestApp;",
      ].join("\n"),
    });
    assert.deepEqual(databaseTestFiles(root), []);
  });

  it('picks up a test file that calls inject("databaseUrl") itself', () => {
    const root = tree({
      ...baseFiles,
      "src/infra/db/pool.test.ts": [
        'import pg from "pg";',
        'import { inject } from "vitest";',
        'const client = new pg.Client({ connectionString: inject("databaseUrl") });',
      ].join("\n"),
      "src/infra/db/template.test.ts": [
        'import { inject } from "vitest";',
        "const name = inject('templateDatabase');",
      ].join("\n"),
      // Fastify's app.inject() is a fake request, not the database.
      "src/infra/http/errors.test.ts": 'const response = await app.inject("databaseUrl");\n',
    });
    assert.deepEqual(databaseTestFiles(root), [
      "src/infra/db/pool.test.ts",
      "src/infra/db/template.test.ts",
    ]);
  });

  it("picks up a test file that reaches a helper calling inject() without build-app", () => {
    const root = tree({
      ...baseFiles,
      "src/test/raw-database.ts":
        'import { inject } from "vitest";\nexport const url = inject(\n  "databaseUrl",\n);\n',
      "src/infra/db/raw.test.ts": 'import { url } from "../../test/raw-database.js";\nurl;\n',
    });
    assert.deepEqual(databaseTestFiles(root), ["src/infra/db/raw.test.ts"]);
  });

  it("ends on import cycles and leaves out e2e/", () => {
    const root = tree({
      ...baseFiles,
      "src/features/board/reads.ts": 'import { w } from "./writes.js";\nexport const r = w;\n',
      "src/features/board/writes.ts": 'import { r } from "./reads.js";\nexport const w = r;\n',
      "src/features/board/reads.test.ts": 'import { r } from "./reads.js";\nr;\n',
      "e2e/board.test.ts": 'import { buildTestApp } from "../src/test/build-app.js";\n',
    });
    assert.deepEqual(databaseTestFiles(root), []);
  });
});

describe("reading imports", () => {
  it("reads every runtime import form and leaves out type-only ones", () => {
    const text = [
      'import "./side-effect.js";',
      "import def, {",
      "  a,",
      "  type B,",
      '} from "./multi-line.js";',
      'import type { T } from "./types.js";',
      'import type * as types from "./all-types.js";',
      'export type { W } from "./re-types.js";',
      'export * as everything from "./everything.js";',
      'export { x } from "./re-exported.js";',
      'const later = await import("./later.js");',
      'import pg from "pg";',
    ].join("\n");
    assert.deepEqual(specifiers(text).sort(), [
      "./everything.js",
      "./later.js",
      "./multi-line.js",
      "./re-exported.js",
      "./side-effect.js",
      "pg",
    ]);
  });
});

describe("this repository", () => {
  it("lists the meetings pages test and not the recurrence unit test, and only files that exist", () => {
    const files = databaseTestFiles(repoRoot);
    assert.ok(files.includes("src/features/meetings/pages.test.ts"));
    assert.ok(!files.includes("src/infra/time/recurrence.test.ts"));
    for (const file of files) {
      assert.match(file, /^src\/.+\.test\.tsx?$/);
      assert.ok(fs.existsSync(path.join(repoRoot, file)), `${file} exists`);
    }
  });

  it("prints one path per line and nothing else", () => {
    const run = spawnSync(process.execPath, [script], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${databaseTestFiles(repoRoot).join("\n")}\n`);
  });
});

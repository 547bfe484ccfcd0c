// `node scripts/database-tests.mjs [--explain] [root]`: the test files of the vitest project
// "app" (src/**/*.test.ts, src/**/*.test.tsx) that reach the test database, one per line, so CI
// can run those, and only those, a second time against another PostgreSQL server.
//
// The rule: a test file reaches the database when its import closure (relative imports followed
// transitively; packages ignored) holds a module that calls inject("databaseUrl") or
// inject("templateDatabase"), or holds src/test/build-app.ts. inject() is the only way the
// server started by global-setup.ts gets into a test worker, so it finds a helper or a test that
// talks to the server on its own, not only those that go through build-app. build-app.ts is
// named as well so that moving its inject() calls somewhere this script cannot follow does not
// silently empty the list. Type-only imports are erased before run time and are not followed.
// e2e/ is another project and runs once, so it is not looked at.
//
// With --explain, each line also says which chain of imports reached the database.
// Plain Node, no dependencies, like check-structure.mjs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { specifierCandidates } from "./check-structure.mjs";

const BUILD_APP = "src/test/build-app.ts";
const TEST_FILE = /\.test\.tsx?$/;
const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/;
// `inject(` not preceded by `.`, so app.inject() (Fastify's fake request) does not count.
const INJECTS_DATABASE =
  /(?<![\w$.])inject\s*(?:<[^>()]*>)?\(\s*(["'`])(?:databaseUrl|templateDatabase)\1/;

// Imports are read with regular expressions over the raw text, comments and strings included.
// check-structure.mjs blanks those first, but that takes about a second on this repository;
// here a commented-out import can only add a test file to the list (it runs twice), never drop
// one, so the plain reading is the safe one as well as the fast one.
const STATIC_IMPORT =
  /(?<![\w$.])import\s+(type\s+(?!from\b))?[\w$\s{},*]*?\bfrom\s*(["'])([^"'\n]+)\2/g;
const BARE_IMPORT = /(?<![\w$.])import\s*(["'])([^"'\n]+)\1/g;
const REEXPORT =
  /(?<![\w$.])export\s+(type\s+)?(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^}]*\}\s*)from\s*(["'])([^"'\n]+)\2/g;
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(\s*(["'`])([^"'`\n$]+)\1/g;

/**
 * The app project's test files under `<root>/src` whose import closure reaches the test
 * database, as sorted root-relative paths with forward slashes.
 */
export function databaseTestFiles(root) {
  return explainDatabaseTestFiles(root).map((found) => found.file);
}

/**
 * Like databaseTestFiles, with the chain of imports that reached the database for each file:
 * `{ file, chain }`, chain running from the test file to the module that reaches it.
 */
export function explainDatabaseTestFiles(rootDir) {
  const root = path.resolve(rootDir);
  const modules = new Map();
  const moduleOf = (file) => {
    if (!modules.has(file)) modules.set(file, readModule(root, file));
    return modules.get(file);
  };
  const found = [];
  for (const file of testFiles(root)) {
    const chain = chainToDatabase(file, moduleOf);
    if (chain) found.push({ file, chain });
  }
  return found;
}

/** Every *.test.ts and *.test.tsx under src/, sorted. Hidden folders and node_modules are skipped. */
function testFiles(root) {
  const files = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && TEST_FILE.test(entry.name)) {
        files.push(path.relative(root, full).split(path.sep).join("/"));
      }
    }
  };
  const src = path.join(root, "src");
  if (fs.existsSync(src)) visit(src);
  return files.sort();
}

/** Whether one module reaches the database itself, and the local modules it loads at run time. */
function readModule(root, file) {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return {
    reaches: file === BUILD_APP || INJECTS_DATABASE.test(text),
    imports: specifiers(text)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolve(root, file, specifier))
      .filter(Boolean),
  };
}

/**
 * What a module loads at run time: `import ... from`, `import "x"`, `export ... from` and
 * `import("x")`. A top-level `import type` or `export type` is erased, so it is left out;
 * `import { type X }` is kept, as verbatimModuleSyntax keeps it.
 */
export function specifiers(text) {
  const found = [];
  for (const m of text.matchAll(STATIC_IMPORT)) if (!m[1]) found.push(m[3]);
  for (const m of text.matchAll(BARE_IMPORT)) found.push(m[2]);
  for (const m of text.matchAll(REEXPORT)) if (!m[1]) found.push(m[3]);
  for (const m of text.matchAll(DYNAMIC_IMPORT)) found.push(m[2]);
  return [...new Set(found)];
}

/** The source file a relative specifier names, if it exists under the root. */
function resolve(root, from, specifier) {
  return specifierCandidates(from, specifier).candidates.find((candidate) => {
    if (candidate.startsWith("../") || !SOURCE_FILE.test(candidate)) return false;
    const stat = fs.statSync(path.join(root, candidate), { throwIfNoEntry: false });
    return stat?.isFile() ?? false;
  });
}

/**
 * The shortest import chain from `start` to a module that reaches the database, or null.
 * Breadth-first with a `seen` set, so import cycles end the walk rather than loop.
 */
function chainToDatabase(start, moduleOf) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    const module = moduleOf(file);
    if (module.reaches) {
      const chain = [];
      for (let at = file; at !== null; at = cameFrom.get(at)) chain.unshift(at);
      return chain;
    }
    for (const next of module.imports) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return null;
}

function runFromCommandLine() {
  const args = process.argv.slice(2);
  const explain = args.includes("--explain");
  const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
  const rootDir = path.resolve(args.find((arg) => arg !== "--explain") ?? path.dirname(scriptsDir));
  const lines = explainDatabaseTestFiles(rootDir).map(({ file, chain }) =>
    explain ? `${file}: ${chain.join(" → ")}\n` : `${file}\n`,
  );
  // One write: a reader that stops early (| head) then closes the pipe after it, not during it.
  process.stdout.write(lines.join(""));
}

const invokedPath = process.argv[1] ? fs.realpathSync(path.resolve(process.argv[1])) : "";
if (invokedPath === fs.realpathSync(fileURLToPath(import.meta.url))) runFromCommandLine();

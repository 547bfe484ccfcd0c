// `npm run check:structure`: the layout rules below, checked on every file under src/.
//
//   a) a feature folder holds only the fixed file names (sub-concern folders follow the same list)
//   b) file and folder names are kebab-case; no utils/helpers junk drawers
//   c) infra never imports a feature
//   d) a feature imports another feature only through its public files: reads, writes, policy,
//      present, inputs, its tables (for queries and foreign keys) and its mail; and a page or
//      view may reuse another feature's view components. Its doors and wiring (pages, api,
//      plugin, jobs) are its own. Tests may set up and read any feature.
//   e) no import cycles (type-only imports excepted: they are erased before run time)
//   f) features are listed in order in src/features/order.ts, and a feature imports only
//      features below it (scripts/feature-order.mjs)
//   g) no source file over 400 lines, tests aside: a sub-concern that grows gets a folder
//   h) no cycles between folders, and a folder of a feature is entered only through its public
//      files (scripts/folder-rules.mjs)
//   i) the median source file, tests and catalogues aside, is at most 80 lines
//
// Prints one line per problem, "path: what is wrong, and what is allowed", and exits 1.
// Plain Node, no dependencies: it runs before anything is installed or built.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkFeatureOrder, ORDER_FILE } from "./feature-order.mjs";
import { checkFolderCycles, checkMedianSize, checkSubFolderImport } from "./folder-rules.mjs";

const FEATURE_FILES = [
  "tables.ts",
  "inputs.ts",
  "policy.ts",
  "scope.ts",
  "actions.ts",
  "reads.ts",
  "writes.ts",
  "present.ts",
  "pages.tsx",
  "api.ts",
  "plugin.ts",
  "mail.ts",
  "jobs.ts",
  "catalogue-en.ts",
  "catalogue-it.ts",
];
const PUBLIC_FILES = [
  "scope.ts",
  "reads.ts",
  "writes.ts",
  "policy.ts",
  "present.ts",
  "inputs.ts",
  "tables.ts",
  "mail.ts",
];
const PLUGIN_IMPORTERS = ["src/app.ts", "src/server.ts"];
const JUNK_DRAWERS = new Set(["utils", "util", "helpers", "helper"]);
const SOURCE_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TEST_FILE = /\.test\.tsx?$/;
/** A feature's catalogue of words (catalogue-en.ts), or infra's own (i18n/en.ts, i18n/catalogues/). */
const CATALOGUE = /(\/catalogue-[a-z]{2}|\/i18n\/catalogues\/[^/]+|\/i18n\/[a-z]{2})\.ts$/;
const MAX_LINES = 400;

const featureFilesText = `${FEATURE_FILES.join(", ")}, *.test.ts, *.test.tsx, views/*.tsx and kebab-case sub-concern folders that follow the same list`;
const publicFilesText = `${PUBLIC_FILES.join(", ")} (and, from a page or view, its views/)`;

/**
 * Checks the tree under `<rootDir>/src` and returns the problems found, sorted by path.
 * Each problem is `{ path, rule, message }`, `path` relative to rootDir with forward slashes.
 */
export function checkStructure(rootDir) {
  const root = path.resolve(rootDir);
  const srcDir = path.join(root, "src");
  const problems = [];
  const report = (file, rule, message) => problems.push({ path: file, rule, message });

  if (!fs.existsSync(srcDir) || !fs.statSync(srcDir).isDirectory()) {
    report("src", "layout", "there is no src/ folder to check; the sources live in src/");
    return problems;
  }

  const { files, dirs } = walk(srcDir, root);
  for (const dir of dirs) checkName(dir, true, report);
  for (const file of files) {
    checkName(file, false, report);
    checkFeatureFile(file, report);
  }

  const fileSet = new Set(files);
  const graph = new Map();
  const crossFeature = [];
  const sizes = [];
  for (const file of files) {
    if (!SOURCE_EXTENSIONS.has(path.posix.extname(file))) continue;
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES && !TEST_FILE.test(file)) {
      report(
        file,
        "file-size",
        `has ${lines} lines, over ${MAX_LINES}: split it by sub-concern (a sub-folder with the same file names), not into a junk drawer`,
      );
    }
    if (!TEST_FILE.test(file) && !CATALOGUE.test(file)) sizes.push({ file, lines });
    const runtimeEdges = [];
    for (const found of findImports(text)) {
      if (!found.specifier.startsWith(".")) continue;
      const target = resolveSpecifier(file, found.specifier, fileSet);
      if (target.missing) {
        report(
          file,
          "resolve",
          `imports "${found.specifier}" (line ${found.line}), which matches no file; a relative import names a file under src/ (./name.js for name.ts or name.tsx)`,
        );
      }
      checkLayering(file, target.path, found, report);
      const [importer, imported] = [featureOf(file), featureOf(target.path)];
      if (importer && importer.name === imported?.name && !TEST_FILE.test(file)) {
        const { line } = found;
        checkSubFolderImport(
          { file, target: target.path, line, publicFiles: PUBLIC_FILES },
          report,
        );
      }
      // Tests drive the whole app, as a person does, so they may set up and read any feature.
      if (importer && imported && importer.name !== imported.name && !TEST_FILE.test(file)) {
        crossFeature.push({
          file,
          target: target.path,
          line: found.line,
          typeOnly: found.typeOnly,
        });
      }
      if (!target.missing && found.kind === "static" && !found.typeOnly) {
        runtimeEdges.push(target.path);
      }
    }
    if (!TEST_FILE.test(file)) graph.set(file, [...new Set(runtimeEdges)].sort());
  }
  checkFolderCycles(graph, report);
  checkMedianSize(sizes, report);
  for (const cycle of findCycles(graph)) {
    report(
      cycle[0],
      "cycle",
      `import cycle ${cycle.join(" → ")}; imports must flow one way: move what both need into a file that neither imports back (an "import type" is fine, it is erased; "import { type X }" is not)`,
    );
  }

  const features = dirs
    .filter((dir) => /^src\/features\/[^/]+$/.test(dir))
    .map((dir) => dir.slice(13));
  checkFeatureOrder({ root, features, imports: crossFeature, report });

  problems.sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message));
  return problems;
}

/** Every file and folder under src/, as rootDir-relative posix paths. Hidden entries are skipped. */
function walk(srcDir, root) {
  const files = [];
  const dirs = [];
  const visit = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join("/");
      if (entry.isDirectory()) {
        dirs.push(rel);
        visit(full);
      } else if (entry.isFile()) {
        files.push(rel);
      }
    }
  };
  visit(srcDir);
  return { files, dirs };
}

// b) names
function checkName(file, isDir, report) {
  const name = path.posix.basename(file);
  const stem = isDir ? name : name.split(".")[0];
  const rest = isDir ? [] : name.split(".").slice(1);
  const what = isDir ? "folder" : "file";
  if (!KEBAB.test(stem) || rest.some((part) => !/^[a-z0-9]+$/.test(part))) {
    const example = isDir ? "sign-in" : "data-dir-lock.ts, pages.test.ts";
    report(
      file,
      "kebab-case",
      `the ${what} name "${name}" is not kebab-case; names under src/ use lower-case words joined by hyphens (${example})`,
    );
  }
  if (JUNK_DRAWERS.has(stem.toLowerCase())) {
    report(
      file,
      "junk-drawer",
      `"${name}" is a junk-drawer name; name the ${what} after the one thing it does (format-date.ts, tokens.ts) and keep it beside the feature or infra module that uses it`,
    );
  }
}

/** For a path under src/features/<name>/, the feature name and the parts below it. */
function featureOf(file) {
  const parts = file.split("/");
  if (parts[0] !== "src" || parts[1] !== "features" || parts.length < 4) return null;
  return { name: parts[2], below: parts.slice(3) };
}

// a) fixed file names in feature folders
function checkFeatureFile(file, report) {
  const parts = file.split("/");
  if (parts[0] !== "src" || parts[1] !== "features") return;
  if (parts.length === 3 && file !== ORDER_FILE) {
    report(
      file,
      "feature-files",
      "src/features/ holds only feature folders and order.ts; put this file in the feature it belongs to (src/features/<name>/)",
    );
    return;
  }
  const feature = featureOf(file);
  if (!feature) return;
  const folders = feature.below.slice(0, -1);
  const name = feature.below.at(-1);
  if (TEST_FILE.test(name)) return;
  if (folders.includes("views")) {
    if (!name.endsWith(".tsx")) {
      report(
        file,
        "feature-files",
        `"${name}" is in a views/ folder, which holds only JSX components (.tsx files) and their tests`,
      );
    }
    return;
  }
  if (!FEATURE_FILES.includes(name)) {
    const where = folders.length === 0 ? "a feature folder" : "a feature's sub-concern folder";
    report(
      file,
      "feature-files",
      `"${name}" is not a name ${where} may hold; allowed: ${featureFilesText}`,
    );
  }
}

// c) and d) which imports may cross which boundaries
function checkLayering(file, target, found, report) {
  const targetFeature = featureOf(target);
  if (!targetFeature) return;
  const shown = `"${found.specifier}" (line ${found.line}${found.typeOnly ? ", type-only" : ""})`;
  if (file.startsWith("src/infra/")) {
    report(
      file,
      "infra-imports-feature",
      `imports ${shown}, which is in the ${targetFeature.name} feature; infra is domain-free and imports only infra, config and packages: let the feature hand infra what it needs (as app.ts hands loadViewer to registerRequestContext)`,
    );
    return;
  }
  const importer = featureOf(file);
  if (!importer || importer.name === targetFeature.name || TEST_FILE.test(file)) return;
  const name = targetFeature.below.at(-1);
  const inViews = targetFeature.below.slice(0, -1).includes("views");
  if (!inViews && PUBLIC_FILES.includes(name)) return;
  // A page is composed of views: a higher feature's page may show a lower feature's parts.
  const composing =
    importer.below.slice(0, -1).includes("views") || importer.below.at(-1) === "pages.tsx";
  if (inViews && composing) return;
  const plugin =
    name === "plugin.ts" && !inViews
      ? ` (its plugin.ts only from ${PLUGIN_IMPORTERS.join(" or ")})`
      : "";
  report(
    file,
    "feature-imports-internals",
    `imports ${shown}, an internal file of the ${targetFeature.name} feature; another feature may import only its ${publicFilesText}${plugin}`,
  );
}

/**
 * Where a relative specifier points. The code imports TypeScript sources by their compiled
 * names (./x.js for x.ts or x.tsx), as Node's ESM resolution requires.
 */
function resolveSpecifier(from, specifier, fileSet) {
  const { joined, candidates } = specifierCandidates(from, specifier);
  const hit = candidates.find((candidate) => fileSet.has(candidate));
  if (hit) return { path: hit, missing: false };
  // Outside src/ (package.json, drizzle/...) is not ours to check; inside, it must exist.
  return { path: joined, missing: joined.startsWith("src/") };
}

/**
 * The files, relative to the root, that a relative specifier in `from` may name, in the order
 * TypeScript tries them: `./x.js` is x.js, x.ts or x.tsx; `./x` is x.ts, x.tsx or x/index.ts.
 */
export function specifierCandidates(from, specifier) {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const ext = path.posix.extname(joined);
  const stem = joined.slice(0, joined.length - ext.length);
  const candidates = [joined];
  if (ext === ".js" || ext === ".jsx") candidates.push(`${stem}.ts`, `${stem}.tsx`);
  else if (ext === ".mjs") candidates.push(`${stem}.mts`);
  else if (ext === ".cjs") candidates.push(`${stem}.cts`);
  else if (!SOURCE_EXTENSIONS.has(ext)) {
    candidates.push(`${joined}.ts`, `${joined}.tsx`, `${joined}/index.ts`, `${joined}/index.tsx`);
  }
  return { joined, candidates };
}

/**
 * The imports of one file: static `import ... from`, bare `import "x"`, `export ... from`, and
 * `import("x")` with a string literal. Comments are blanked and matches starting inside string
 * or template text are dropped, so neither can fake an import.
 */
export function findImports(text) {
  const { code, inString } = blankComments(text);
  const lineAt = lineFinder(code);
  const found = [];
  const add = (match, specifier, kind, typeOnly) => {
    if (inString[match.index]) return;
    found.push({ specifier, kind, typeOnly, line: lineAt(match.index) });
  };
  // `import` not preceded by `.`, a word character or `$` (so not obj.import or reimport).
  const staticImport =
    /(?<![\w$.])import\s+((?:type\s+)?[\w$\s{},*]*?)\s*\bfrom\s*(["'])([^"'\n]+)\2/g;
  for (const m of code.matchAll(staticImport)) {
    // Only a top-level `import type` is erased; `import { type X }` still loads the file under
    // verbatimModuleSyntax (it becomes `import {} from "..."`).
    const typeOnly = /^type\s*[{*]/.test(m[1]) || /^type\s+(?!from\b)[\w$]/.test(m[1]);
    add(m, m[3], "static", typeOnly);
  }
  for (const m of code.matchAll(/(?<![\w$.])import\s*(["'])([^"'\n]+)\1/g)) {
    add(m, m[2], "static", false);
  }
  const reexport =
    /(?<![\w$.])export\s+(type\s+)?(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^}]*\}\s*)from\s*(["'])([^"'\n]+)\2/g;
  for (const m of code.matchAll(reexport)) add(m, m[3], "static", Boolean(m[1]));
  for (const m of code.matchAll(/(?<![\w$.])import\s*\(\s*(["'`])([^"'`\n$]+)\1\s*[,)]/g)) {
    add(m, m[2], "dynamic", false);
  }
  return found.sort((a, b) => a.line - b.line);
}

function lineFinder(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * Replaces comments with spaces (newlines kept, so line numbers hold) and marks which
 * characters are inside string, template or regular-expression literals.
 */
function blankComments(text) {
  const out = text.split("");
  const inString = new Uint8Array(text.length);
  // Template literals can nest code (`${ ... }`), which can hold templates again.
  const braces = [];
  let i = 0;
  let lastSignificant = "";
  let lastWord = "";
  const regexCanStart = () =>
    lastSignificant === "" ||
    "([{,;:=!&|?+-*%<>~^}".includes(lastSignificant) ||
    ["return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await"].includes(
      lastWord,
    );
  const scanTemplate = () => {
    // At the character after a backtick or after the `}` closing a substitution.
    while (i < text.length) {
      const c = text[i];
      if (c === "\\") {
        inString[i] = 1;
        inString[i + 1] = 1;
        i += 2;
      } else if (c === "`") {
        i++;
        return;
      } else if (c === "$" && text[i + 1] === "{") {
        i += 2;
        braces.push("template");
        return;
      } else {
        inString[i] = 1;
        i++;
      }
    }
  };
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") out[i++] = " ";
      continue;
    }
    if (c === "/" && next === "*") {
      while (i < text.length && !(text[i] === "*" && text[i + 1] === "/")) {
        if (text[i] !== "\n") out[i] = " ";
        i++;
      }
      if (i < text.length) {
        out[i] = " ";
        out[i + 1] = " ";
        i += 2;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== "\n") {
        if (text[i] === "\\") inString[i++] = 1;
        inString[i++] = 1;
      }
      i++;
      lastSignificant = c;
      lastWord = "";
      continue;
    }
    if (c === "`") {
      i++;
      scanTemplate();
      lastSignificant = "`";
      lastWord = "";
      continue;
    }
    if (c === "/" && regexCanStart()) {
      i++;
      let inClass = false;
      while (i < text.length && text[i] !== "\n") {
        const r = text[i];
        inString[i] = 1;
        if (r === "\\") {
          inString[i + 1] = 1;
          i += 2;
          continue;
        }
        if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        i++;
      }
      i++;
      lastSignificant = "/";
      lastWord = "";
      continue;
    }
    if (c === "{") braces.push("code");
    if (c === "}") {
      if (braces.pop() === "template") {
        i++;
        scanTemplate();
        lastSignificant = "`";
        lastWord = "";
        continue;
      }
    }
    if (/[\w$]/.test(c)) {
      let j = i;
      while (j < text.length && /[\w$]/.test(text[j])) j++;
      lastWord = text.slice(i, j);
      lastSignificant = "a";
      i = j;
      continue;
    }
    if (!/\s/.test(c)) {
      lastSignificant = c;
      lastWord = "";
    }
    i++;
  }
  return { code: out.join(""), inString };
}

/**
 * One cycle for each back edge of a depth-first search: every cycle in the graph runs through at
 * least one of them, so fixing the cycles listed leaves none. Files are visited in sorted order so
 * the output is the same on every machine.
 */
function findCycles(graph) {
  const state = new Map();
  const stack = [];
  const cycles = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const seen = state.get(next);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function runFromCommandLine() {
  const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
  const rootDir = path.resolve(process.argv[2] ?? path.dirname(scriptsDir));
  const problems = checkStructure(rootDir);
  if (problems.length === 0) {
    process.stdout.write("Structure: every file under src/ follows the layout rules.\n");
    return;
  }
  for (const problem of problems) process.stderr.write(`${problem.path}: ${problem.message}\n`);
  process.stderr.write(
    `\nStructure: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} (the rules are listed at the top of scripts/check-structure.mjs).\n`,
  );
  process.exitCode = 1;
}

const invokedPath = process.argv[1] ? fs.realpathSync(path.resolve(process.argv[1])) : "";
if (invokedPath === fs.realpathSync(fileURLToPath(import.meta.url))) runFromCommandLine();

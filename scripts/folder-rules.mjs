// Rules h) and i) of check-structure.mjs, on folders and sizes rather than single imports:
//   h) no cycles between folders: if files of one folder load files of another, nothing in the
//      second loads the first, so each sub-concern can be read (and moved) before the ones that
//      use it; and a file reaches into another folder of its own feature only through that
//      folder's public files, as features meet each other
//   i) the median source file, tests and catalogues aside, is at most 80 lines
// Plain Node, no dependencies, like check-structure.mjs.
import path from "node:path";

export const MEDIAN_LINES = 80;

/** A folder's doors and wiring sit above the rest of it: they may use its sub-folders. */
const DOORS = ["pages.tsx", "api.ts", "plugin.ts", "jobs.ts"];

/** The folder a file is in; its doors and wiring count as a level of their own, above it. */
function levelOf(file) {
  const folder = path.posix.dirname(file);
  return DOORS.includes(path.posix.basename(file)) ? `${folder} (its doors)` : folder;
}

/**
 * `graph`: each source file → the files it loads at run time (type-only imports are erased and
 * do not count). Reports each cycle between folders once, on the first folder of the cycle. A
 * folder's pages, api, plugin and jobs are a level above the rest of the folder, so a feature's
 * plugin may register its sub-folders' pages while those pages read the feature's tables.
 */
export function checkFolderCycles(graph, report) {
  const folders = new Map();
  for (const [file, targets] of graph) {
    const from = levelOf(file);
    for (const target of targets) {
      const to = levelOf(target);
      if (path.posix.dirname(target) === path.posix.dirname(file) || !graph.has(target)) continue;
      if (!folders.has(from)) folders.set(from, new Map());
      const edges = folders.get(from);
      if (!edges.has(to)) edges.set(to, `${file} → ${target}`);
    }
  }
  for (const cycle of folderCycles(folders)) {
    const why = cycle
      .slice(0, -1)
      .map((folder, at) => folders.get(folder).get(cycle[at + 1]))
      .join("; ");
    report(
      cycle[0],
      "folder-cycle",
      `folders load each other in a circle, ${cycle.join(" → ")} (${why}): move what both need into the lower folder, or pass it in, so imports between folders flow one way`,
    );
  }
}

/** Each elementary circle found by a depth-first walk, once, starting at its first folder. */
function folderCycles(folders) {
  const state = new Map();
  const stack = [];
  const cycles = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of [...(folders.get(node)?.keys() ?? [])].sort()) {
      const seen = state.get(next);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...folders.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/**
 * Within one feature: `file` imports `target` from another of the feature's folders. Allowed are
 * the public file names, views from a page or a view, and a feature's plugin.ts wiring up its
 * own folders' pages, api and jobs.
 */
export function checkSubFolderImport({ file, target, line, publicFiles }, report) {
  const [from, to] = [path.posix.dirname(file), path.posix.dirname(target)];
  if (from === to) return;
  const name = path.posix.basename(target);
  const toViews = to.split("/").includes("views");
  if (!toViews && publicFiles.includes(name)) return;
  const importerName = path.posix.basename(file);
  const composing = from.split("/").includes("views") || importerName === "pages.tsx";
  if (toViews && composing) return;
  if (importerName === "plugin.ts" && ["pages.tsx", "api.ts", "jobs.ts"].includes(name)) return;
  report(
    file,
    "folder-internals",
    `imports ${target} (line ${line}), an internal file of the folder ${to}; another folder may import only its ${publicFiles.join(", ")} (views from a page or view, and its pages, api and jobs from the feature's plugin.ts)`,
  );
}

/** Rule i: the median size of `sizes` ({ file, lines }, tests and catalogues already left out). */
export function checkMedianSize(sizes, report) {
  if (sizes.length === 0) return;
  const sorted = sizes.map((s) => s.lines).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? (sorted[middle - 1] + sorted[middle]) / 2
    : sorted[Math.floor(middle)];
  if (median <= MEDIAN_LINES) return;
  const largest = [...sizes]
    .sort((a, b) => b.lines - a.lines)
    .slice(0, 5)
    .map((s) => `${s.file} (${s.lines})`)
    .join(", ");
  report(
    "src",
    "median-size",
    `the median source file has ${median} lines, over ${MEDIAN_LINES} (tests and catalogues aside): split files by sub-concern; the largest are ${largest}`,
  );
}

// Everything a run leaves behind (child process groups, temporary folders, an in-process
// database) is registered here, so it is removed on a normal end, on a failure and on Ctrl-C.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const groups = new Set(); // process-group ids of detached children
const folders = new Set(); // temporary folders we created
const tasks = new Set(); // async cleanups (e.g. stopping an in-process database)

export function trackGroup(pgid) {
  groups.add(pgid);
  return () => groups.delete(pgid);
}

export function trackTask(task) {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** A fresh folder under the system temp dir, removed at the end whatever happens. */
export function tempDir(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mutua-bench-${label}-`));
  folders.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  folders.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** A PostgreSQL left running in a folder we made (its parent died): stop it at once. */
function stopStrayPostgres(dir) {
  for (const pidFile of [path.join(dir, "postgres", "postmaster.pid")]) {
    try {
      const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
      if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGQUIT");
    } catch {
      // no server there
    }
  }
}

let cleaning = null;

/** Stops everything still registered. Safe to call more than once. */
export function cleanupAll() {
  cleaning ??= (async () => {
    for (const task of [...tasks]) {
      tasks.delete(task);
      await within(
        task().catch(() => undefined),
        15_000,
      );
    }
    for (const pgid of groups) killGroup(pgid, "SIGTERM");
    const deadline = Date.now() + 10_000;
    while ([...groups].some(groupAlive) && Date.now() < deadline) await sleep(50);
    for (const pgid of groups) killGroup(pgid, "SIGKILL");
    groups.clear();
    for (const dir of folders) {
      stopStrayPostgres(dir);
      rmSync(dir, { recursive: true, force: true });
    }
    folders.clear();
  })().finally(() => {
    cleaning = null;
  });
  return cleaning;
}

function cleanupNow() {
  for (const pgid of groups) killGroup(pgid, "SIGKILL");
  for (const dir of folders) {
    stopStrayPostgres(dir);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort on the way out
    }
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves `promise`, or gives up after `ms`, without the timer keeping the process alive. */
export function within(promise, ms) {
  let timer;
  const limit = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

let installed = false;

/** Ctrl-C or SIGTERM: tidy up, then exit; a second signal gives up waiting. */
export function installSignalHandlers() {
  if (installed) return;
  installed = true;
  let signalled = false;
  const onSignal = (signal, code) => {
    if (signalled) {
      cleanupNow();
      process.exit(code);
    }
    signalled = true;
    process.stderr.write(`\n${signal}: stopping the benchmark and removing what it started…\n`);
    cleanupAll().finally(() => process.exit(code));
  };
  process.on("SIGINT", () => onSignal("SIGINT", 130));
  process.on("SIGTERM", () => onSignal("SIGTERM", 143));
  process.on("SIGHUP", () => onSignal("SIGHUP", 129));
  // Last resort if the process ends without the above (an uncaught error).
  process.on("exit", cleanupNow);
}

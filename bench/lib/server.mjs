// Starting the real server (and other children) in their own process groups, waiting until
// they answer, and stopping them with everything they started (PostgreSQL included).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { groupAlive, sleep, trackGroup, within } from "./cleanup.mjs";
import { HOST, root, serverEntry } from "./settings.mjs";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; resolves to the status code, or 0 when nothing answers. */
export function probe(url, { timeoutMs = 1000, headers = {} } = {}) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, headers, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", () => resolve({ status: 0 }));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve({ status: 0 }));
  });
}

/**
 * Spawns a command as the leader of a new process group, keeps the last lines of its output for
 * error messages, and registers the group for cleanup.
 */
export function spawnGroup(command, args, { env = {}, cwd = root } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const untrack = trackGroup(child.pid);
  const output = [];
  const keep = (chunk) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      output.push(line);
      if (output.length > 40) output.shift();
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  child.once("error", (error) => output.push(`could not start: ${error.message}`));
  return {
    child,
    pid: child.pid,
    exited,
    output,
    /** Lines of output seen so far (without secrets worth printing: the setup link is dropped). */
    tail(n = 15) {
      return output
        .filter((line) => !line.includes("token="))
        .slice(-n)
        .map((line) => `    | ${line}`)
        .join("\n");
    },
    /** Signal the leader (or the whole group), wait, then make sure the group is gone. */
    async stop({ signal = "SIGTERM", wholeGroup = false, graceMs = 20_000 } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(wholeGroup ? -child.pid : child.pid, signal);
        } catch {
          // already gone
        }
        await within(exited, graceMs);
      }
      const deadline = Date.now() + 2_000;
      while (groupAlive(child.pid) && Date.now() < deadline) await sleep(25);
      if (groupAlive(child.pid)) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // gone in the meantime
        }
      }
      untrack();
    },
  };
}

/**
 * Polls `url` until it answers 200. Returns milliseconds since `startedAt` (performance.now()).
 * Fails when the process exits first or the deadline passes.
 */
export async function waitFor200(url, handle, startedAt, { timeoutMs = 60_000, headers } = {}) {
  let gone = null;
  handle.exited.then((how) => {
    gone = how;
  });
  const deadline = startedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (gone) {
      throw new Error(
        `the process exited (code ${gone.code}, signal ${gone.signal}) before answering ${url}\n${handle.tail()}`,
      );
    }
    const answer = await probe(url, { timeoutMs: 2000, headers });
    if (answer.status === 200) return performance.now() - startedAt;
    await sleep(10);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s\n${handle.tail()}`);
}

/**
 * Starts `node dist/server.js` (or another command line) with production settings and a
 * port of its own, and waits for the first 200 on `/`.
 */
export async function startAppServer({ dataDir, env = {}, command, args } = {}) {
  const port = await freePort();
  const startedAt = performance.now();
  const handle = spawnGroup(command ?? process.execPath, args ?? [serverEntry], {
    env: {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      HOST,
      PORT: String(port),
      MUTUA_DATA_DIR: dataDir,
      // Make sure a developer's own settings cannot point the benchmark elsewhere.
      DATABASE_URL: "",
      SMTP_URL: "",
      PUBLIC_URL: "",
      ...env,
    },
  });
  const url = `http://${HOST}:${port}`;
  // When the server itself says it is listening, to compare with the first 200.
  let listeningMs = null;
  handle.child.stdout.on("data", (chunk) => {
    if (listeningMs === null && chunk.toString("utf8").includes("is ready at")) {
      listeningMs = performance.now() - startedAt;
    }
  });
  let readyMs;
  try {
    readyMs = await waitFor200(`${url}/`, handle, startedAt);
  } catch (error) {
    await handle.stop({ wholeGroup: true });
    throw error;
  }
  return { ...handle, port, url, readyMs, startedAt, listeningMs: () => listeningMs };
}

/** The bare node:http hello-world baseline (or another small server script), in its own process. */
export async function startHelloServer({ script = "hello-server.mjs", env = {} } = {}) {
  const port = await freePort();
  const startedAt = performance.now();
  const handle = spawnGroup(process.execPath, [path.join(root, "bench", "lib", script)], {
    env: { ...env, HELLO_HOST: HOST, HELLO_PORT: String(port) },
  });
  const url = `http://${HOST}:${port}`;
  try {
    await waitFor200(`${url}/`, handle, startedAt, { timeoutMs: 15_000 });
  } catch (error) {
    await handle.stop({ wholeGroup: true });
    throw error;
  }
  return { ...handle, port, url };
}

/** Fields of /proc/<pid>/status in kB, e.g. VmRSS, VmHWM. */
export function procStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const fields = {};
  for (const line of text.split("\n")) {
    const match = /^(\w+):\s+(\d+) kB$/.exec(line);
    if (match) fields[match[1]] = Number(match[2]);
  }
  return fields;
}

/** All descendants of a process (by walking /proc parent links). */
export function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(afterName[1]));
    } catch {
      // exited while we looked
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const [child, parent] of parents) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

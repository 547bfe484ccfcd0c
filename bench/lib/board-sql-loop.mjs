// The raw-SQL ceiling of a member's board page, as its own process: the statements the page
// sends (session lookup; the group by its address and the viewer's membership of it; how many
// threads the board has; the first page of threads with their opening posts, authors and the
// viewer's read marks; the board's last event, where the live stream goes on from), captured
// from the app's own read functions and replayed one after another, as the page sends them,
// through a pool built like the app's (pg.Pool, max 10), N loops each keeping one page's
// queries in flight. Prints one JSON line with the figures.
// For information: with BENCH_MODE=app the loops call the read functions themselves (Drizzle's
// query preparation and row mapping included, no HTTP, no page); with BENCH_MODE=floor the
// statements are served behind a bare Fastify route with the page's bytes (bench/lib/floor.mjs).
import { captureStatements } from "./capture.mjs";
import { serveFloor } from "./floor.mjs";
import { measureLoops } from "./measure-loops.mjs";
import { importBuilt } from "./settings.mjs";

const url = process.env.BENCH_DB_URL;
const idHash = process.env.BENCH_ID_HASH;
const slug = process.env.BENCH_SLUG;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
if (!url || !idHash || !slug)
  throw new Error("BENCH_DB_URL, BENCH_ID_HASH and BENCH_SLUG are required");

const { connectDatabase } = await importBuilt("infra/db/database.js");
const { getViewerBySession } = await importBuilt("features/accounts/reads.js");
const { standingIn } = await importBuilt("features/memberships/reads.js");
const { countThreads, listThreadsFor, latestEventId } =
  await importBuilt("features/board/reads.js");

const database = connectDatabase(url);
const { pool } = database;
const now = new Date();
const PAGE = 1;

const capture = (read) => captureStatements(pool, read);

const viewer = await capture(() => getViewerBySession(database.db, idHash, now));
if (!viewer.result) throw new Error("the seeded session was not found");
const personId = viewer.result.personId;
const scope = await capture(() => standingIn(database.db, slug, personId, now));
if (!scope.result?.membership) throw new Error("the seeded member's group was not found");
const groupId = scope.result.group.id;
const total = await capture(() => countThreads(database.db, groupId));
if (total.result === 0) throw new Error("the seeded board has no threads");
const threads = await capture(() => listThreadsFor(database.db, groupId, personId, PAGE));
const live = await capture(() => latestEventId(database.db, groupId));

const statements = [viewer, scope, total, threads, live].flatMap((c) => c.statements);
const operations = {
  raw: async () => {
    for (const statement of statements) await pool.query(statement);
  },
  app: async () => {
    const found = await getViewerBySession(database.db, idHash, now);
    const at = await standingIn(database.db, slug, found.personId, now);
    await countThreads(database.db, at.group.id);
    await listThreadsFor(database.db, at.group.id, found.personId, PAGE);
    await latestEventId(database.db, at.group.id);
  },
};
if (process.env.BENCH_MODE === "floor") {
  await serveFloor(operations.raw, () => database.close());
} else {
  const page = operations[process.env.BENCH_MODE ?? "raw"];
  if (!page) throw new Error(`unknown mode ${process.env.BENCH_MODE}`);

  const figures = await measureLoops(page, { concurrency, warmupSeconds: warmup, seconds });
  await database.close();

  process.stdout.write(`${JSON.stringify({ statements: statements.length, ...figures })}\n`);
}

// The raw-SQL ceiling of a member's meetings page, as its own process: the statements the page
// sends (session lookup; the group with the viewer's membership; the coming meetings with their
// answers and facilitators' names), captured from the app's own read functions and replayed one
// after another, as the page sends them, through a pool built like the app's (pg.Pool, max 10),
// N loops each keeping one page's queries in flight. Prints one JSON line with the figures.
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
const { getGroupForViewer } = await importBuilt("features/memberships/reads.js");
const { listUpcomingMeetings } = await importBuilt("features/meetings/reads.js");

const database = connectDatabase(url);
const { pool } = database;
const now = new Date();

const capture = (read) => captureStatements(pool, read);

const viewer = await capture(() => getViewerBySession(database.db, idHash, now));
if (!viewer.result) throw new Error("the seeded session was not found");
const scope = await capture(() => getGroupForViewer(database.db, slug, viewer.result.personId));
if (!scope.result?.membership) throw new Error("the seeded member's group was not found");
const coming = { now, to: new Date(now.getTime() + 12 * 7 * 86_400_000) };
const upcoming = await capture(() =>
  listUpcomingMeetings(database.db, scope.result.group.id, viewer.result.personId, coming),
);
if (upcoming.result.length === 0) throw new Error("the seeded group has no meetings");

const statements = [viewer, scope, upcoming].flatMap((c) => c.statements);
const operations = {
  raw: async () => {
    for (const statement of statements) await pool.query(statement);
  },
  app: async () => {
    const found = await getViewerBySession(database.db, idHash, now);
    const at = await getGroupForViewer(database.db, slug, found.personId);
    await listUpcomingMeetings(database.db, at.group.id, found.personId, coming);
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

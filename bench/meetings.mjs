// 6. A member's meetings page (HTML, signed in) against the raw-SQL ceiling: the same
//    statements the page sends, replayed straight through a pool of the same size, against the
//    same database, in the same run.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { startDatabase } from "./lib/database.mjs";
import { pooled, runSqlLoop } from "./lib/loop-runner.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { probe, startAppServer, startHelloServer } from "./lib/server.mjs";
import { importBuilt, settings } from "./lib/settings.mjs";
import { measureHttp } from "./lib/wrk.mjs";

export const title = "A member's meetings page vs the raw SQL of the same queries";
const TARGET = 0.6;
const SESSION_COOKIE = "__Host-mutua_session";

/**
 * A weekly group of 12 with its meetings planned, answers and volunteers, and a signed-in
 * member: made with the app's own tables and write functions.
 */
export async function seed(url) {
  const { connectDatabase } = await importBuilt("infra/db/database.js");
  const { people } = await importBuilt("features/accounts/tables.js");
  const { groups, groupDifficulties } = await importBuilt("features/groups/tables.js");
  const { memberships } = await importBuilt("features/memberships/tables.js");
  const { startSession, sessionIdHash } = await importBuilt("features/accounts/writes.js");
  const { getGroupBySlug } = await importBuilt("features/groups/reads.js");
  const { planMeetings, respondToMeeting } = await importBuilt("features/meetings/writes.js");
  const { volunteerToFacilitate } = await importBuilt("features/meetings/rota/writes.js");
  const { listUpcomingMeetings } = await importBuilt("features/meetings/reads.js");
  const database = connectDatabase(url, { max: 1 });
  try {
    const now = new Date();
    const members = await database.db
      .insert(people)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          email: `bench.member${i}@example.org`,
          displayName: ["Ada", "Grace", "Marco", "Lucia"][i % 4],
        })),
      )
      .returning({ id: people.id });
    const [group] = await database.db
      .insert(groups)
      .values({
        slug: "bench-carers-cafe",
        name: "Bench carers' café",
        description: "Carers of people with dementia meet every week.",
        audience: "carers",
        languages: ["en"],
        format: "hybrid",
        town: "Trento",
        country: "IT",
        videoUrl: "https://video.example/bench",
        phoneNumber: "+39 0461 000111",
        phonePin: "4321",
        timeZone: "Europe/Rome",
        scheduleKind: "weekly",
        rrule: "FREQ=WEEKLY;BYDAY=TU",
        startsOn: "2026-01-06",
        startTime: "10:30:00",
        weekday: 2,
        agreement: "What is said here stays here.",
        activeMemberCount: members.length,
      })
      .returning();
    await database.db
      .insert(groupDifficulties)
      .values({ groupId: group.id, difficultySlug: "dementia-care" });
    await database.db.insert(memberships).values(
      members.map((m, i) => ({
        groupId: group.id,
        personId: m.id,
        state: "active",
        role: i === 1 ? "facilitator" : "member",
        joinedAt: now,
      })),
    );
    await planMeetings(database.db, await getGroupBySlug(database.db, group.slug), now);
    const planned = await listUpcomingMeetings(database.db, group.id, members[0].id, {
      now,
      to: new Date(now.getTime() + 12 * 7 * 86_400_000),
    });
    for (const [i, meeting] of planned.entries()) {
      if (i % 2 === 0)
        await volunteerToFacilitate(
          database.db,
          { meetingId: meeting.id, personId: members[i % 12].id },
          now,
        );
      for (const m of members.slice(0, 6)) {
        await respondToMeeting(
          database.db,
          { meetingId: meeting.id, personId: m.id, answer: "yes" },
          now,
        );
      }
    }
    const { secret } = await startSession(database.db, members[0].id, "email", now);
    return { slug: group.slug, secret, idHash: sessionIdHash(secret), meetings: planned.length };
  } finally {
    await database.close();
  }
}

export async function run() {
  say(
    `  wrk: ${settings.connections} connections, ${settings.wrkThreads} thread, ${settings.warmup} s warm-up + ${settings.duration} s;` +
      ` raw SQL: ${settings.connections} loops in flight, pool of 10, ${settings.warmup} s warm-up + ${settings.duration / 2} s before and after the page`,
  );
  const dataDir = tempDir("meetings");
  const database = await startDatabase(dataDir);
  try {
    const { slug, secret, idHash, meetings } = await seed(database.url);
    say(
      `  a weekly group of 12 members, ${meetings} meetings planned, half facilitated, 6 answers each`,
    );
    const env = { BENCH_DB_URL: database.url, BENCH_ID_HASH: idHash, BENCH_SLUG: slug };
    const half = settings.duration / 2;

    const rawBefore = await runSqlLoop("meetings-sql-loop.mjs", env, half, "meetings page");
    say(loadLine("raw SQL via pg.Pool (before)", rawBefore));

    say("  server: node dist/server.js with DATABASE_URL set to that same PostgreSQL (pool of 10)");
    const app = await startAppServer({
      dataDir: path.join(dataDir, "app"),
      env: { DATABASE_URL: database.url },
    });
    const url = `${app.url}/groups/${slug}/meetings`;
    let page;
    let size = 0;
    let body = "";
    try {
      const check = await probe(url, { headers: { cookie: `${SESSION_COOKIE}=${secret}` } });
      if (check.status !== 200 || !check.body.includes("Will you come?")) {
        throw new Error(`the meetings page did not answer the member (status ${check.status})`);
      }
      size = Buffer.byteLength(check.body);
      body = check.body;
      page = await measureHttp(url, {
        headers: [`Cookie: ${SESSION_COOKIE}=${secret}`],
        label: "GET /groups/:slug/meetings",
      });
    } finally {
      await app.stop();
    }
    say(loadLine("Mutua GET /groups/:slug/meetings (member)", page));

    const rawAfter = await runSqlLoop("meetings-sql-loop.mjs", env, half, "meetings page");
    say(loadLine("raw SQL via pg.Pool (after)", rawAfter));
    const raw = pooled([rawBefore, rawAfter]);
    say(loadLine("raw SQL pooled (the ceiling)", raw));
    // For information: how far the same reads go through the app's read functions (Drizzle),
    // with no HTTP and no page.
    const reads = await runSqlLoop(
      "meetings-sql-loop.mjs",
      { ...env, BENCH_MODE: "app" },
      half,
      "meetings page reads",
    );
    say(loadLine("the read functions, no HTTP (info)", reads));
    // For information: the floor. A bare Fastify route that sends the same statements and
    // answers with this page's bytes, rendered in advance.
    const bodyFile = path.join(dataDir, "page.html");
    writeFileSync(bodyFile, body);
    const bare = await startHelloServer({
      script: "meetings-sql-loop.mjs",
      env: { ...env, BENCH_MODE: "floor", BENCH_BODY_FILE: bodyFile },
    });
    let floor;
    try {
      floor = await measureHttp(bare.url, { label: "the floor" });
    } finally {
      await bare.stop();
    }
    say(loadLine("bare Fastify, same SQL, fixed page (info)", floor));
    say(`  ${rawBefore.statements} statements per page; page size ${(size / 1024).toFixed(1)} KB`);
    say(
      `  read functions / raw SQL: ${fmt.ratio(reads.requestsPerSecond / raw.requestsPerSecond)};` +
        `  page / read functions: ${fmt.ratio(page.requestsPerSecond / reads.requestsPerSecond)};` +
        `  floor / raw SQL: ${fmt.ratio(floor.requestsPerSecond / raw.requestsPerSecond)}`,
    );

    const ratio = page.requestsPerSecond / raw.requestsPerSecond;
    return [
      verdict({
        name: "meetings page / raw SQL (req/s)",
        value: ratio,
        shown: `${fmt.ratio(ratio)} (${Math.round(page.requestsPerSecond)} / ${Math.round(raw.requestsPerSecond)}; p50 ${fmt.ms(page.latencyMs.p50)} vs ${fmt.ms(raw.latencyMs.p50)}, p99 ${fmt.ms(page.latencyMs.p99)} vs ${fmt.ms(raw.latencyMs.p99)})`,
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

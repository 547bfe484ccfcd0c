// 8. A member's board page (HTML, signed in, page 1 of a board of 1,000 threads) against the
//    raw-SQL ceiling: the same statements the page sends, replayed straight through a pool of
//    the same size, against the same database, in the same run.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { startDatabase } from "./lib/database.mjs";
import { pooled, runSqlLoop } from "./lib/loop-runner.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { probe, startAppServer, startHelloServer } from "./lib/server.mjs";
import { importBuilt, settings } from "./lib/settings.mjs";
import { measureHttp } from "./lib/wrk.mjs";

export const title = "A member's board page (1,000 threads) vs the raw SQL of the same queries";
const TARGET = 0.6;
const SESSION_COOKIE = "__Host-mutua_session";
const THREADS = 1_000;
/** Replies per thread, in turn: 0 to 8, two on average, so about 3,000 posts in all. */
const REPLIES = [0, 1, 2, 0, 3, 1, 8, 2, 0, 4, 1, 2];
/** The last few threads are the facilitator's announcements, pinned. */
const ANNOUNCEMENTS = 3;
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A group of 12 whose board has 1,000 threads with replies, reactions and a few pinned
 * announcements, written over a month through the board's own write functions (pace checks
 * included); the benchmarked member has read half the threads, and is signed in.
 */
export async function seed(url) {
  const { connectDatabase } = await importBuilt("infra/db/database.js");
  const { removeJob } = await importBuilt("infra/jobs/runner.js");
  const { people } = await importBuilt("features/accounts/tables.js");
  const { groups, groupDifficulties } = await importBuilt("features/groups/tables.js");
  const { memberships } = await importBuilt("features/memberships/tables.js");
  const { startSession, sessionIdHash } = await importBuilt("features/accounts/writes.js");
  const { startThread, replyTo, react, markRead } = await importBuilt("features/board/writes.js");
  const { countUnread } = await importBuilt("features/board/reads.js");
  const database = connectDatabase(url, { max: 1 });
  const { db } = database;
  try {
    const now = new Date();
    const joinedAt = new Date(now.getTime() - 90 * DAY);
    const members = await db
      .insert(people)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          email: `bench.member${i}@example.org`,
          displayName: ["Ada", "Grace", "Marco", "Lucia"][i % 4],
        })),
      )
      .returning({ id: people.id });
    const facilitator = members[1];
    const [group] = await db
      .insert(groups)
      .values({
        slug: "bench-carers-board",
        name: "Bench carers' board",
        description: "Carers of people with dementia meet every week and write in between.",
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
    await db
      .insert(groupDifficulties)
      .values({ groupId: group.id, difficultySlug: "dementia-care" });
    await db.insert(memberships).values(
      members.map((m) => ({
        groupId: group.id,
        personId: m.id,
        state: "active",
        role: m === facilitator ? "facilitator" : "member",
        joinedAt,
      })),
    );

    // Every post in time order: a thread every 40 minutes over about four weeks, its replies
    // every 97 minutes after it (so older threads come back up), no two in the same minute.
    const from = now.getTime() - 30 * DAY;
    const events = [];
    for (let i = 0; i < THREADS; i++) {
      const at = from + i * 40 * MINUTE;
      events.push({ thread: i, at, announcement: i >= THREADS - ANNOUNCEMENTS });
      for (let j = 0; j < REPLIES[i % REPLIES.length]; j++) {
        events.push({ thread: i, at: at + (j + 1) * 97 * MINUTE, reply: j });
      }
    }
    events.sort((a, b) => a.at - b.at);

    const threads = new Map();
    const postIds = [];
    let reactions = 0;
    const kinds = ["me_too", "thank_you", "helped_me"];
    for (const [k, event] of events.entries()) {
      const at = new Date(event.at);
      const author = event.announcement ? facilitator : members[k % members.length];
      const posted = await db.transaction((tx) =>
        event.reply === undefined
          ? startThread(
              tx,
              {
                groupId: group.id,
                authorId: author.id,
                joinedAt,
                title: event.announcement
                  ? `Announcement ${event.thread}: no meeting on the first Tuesday`
                  : `Conversation ${event.thread}: how do you manage the evenings?`,
                body: `Opening words of conversation ${event.thread}, with a **little** markdown.`,
                announcement: Boolean(event.announcement),
                toEveryone: false,
              },
              at,
            )
          : replyTo(
              tx,
              {
                thread: threads.get(event.thread),
                authorId: author.id,
                joinedAt,
                body: `Reply ${event.reply + 1} in conversation ${event.thread}. Thank you for writing.`,
              },
              at,
            ),
      );
      if (!posted.ok) throw new Error(`seeding the board was refused: ${posted.reason}`);
      threads.set(event.thread, posted.thread);
      postIds.push(posted.post.id);
      // A third of the posts get one to three reactions from others.
      if (k % 3 === 0) {
        for (let r = 1; r <= 1 + ((k / 3) % 3); r++) {
          await db.transaction((tx) =>
            react(
              tx,
              {
                post: posted.post,
                personId: members[(k + r) % members.length].id,
                kind: kinds[(k + r) % kinds.length],
                reacted: true,
              },
              new Date(event.at + r * 1000),
            ),
          );
          reactions++;
        }
      }
    }
    // The member has caught up with every other thread.
    const member = members[0];
    const caughtUp = new Date(now.getTime() - MINUTE);
    for (let i = 0; i < THREADS; i += 2) {
      await markRead(db, { threadId: threads.get(i).id, personId: member.id }, caughtUp);
    }
    // The e-mails of each post wait in the job queue; the benchmark is about the page, and the
    // server's worker would otherwise send 3,000 of them while it is measured.
    for (const id of postIds) await removeJob(db, `board-post-mail:${id}`);
    const unread = await countUnread(db, group.id, member.id);
    // A board written over a month has long had its statistics gathered by autovacuum; one
    // written a minute ago has none, and the planner would join and sort all 1,000 threads for
    // each page until autovacuum came round, in the middle of a measurement.
    await database.pool.query("analyze");

    const { secret } = await startSession(db, member.id, "email", new Date());
    return {
      slug: group.slug,
      secret,
      idHash: sessionIdHash(secret),
      threads: THREADS,
      posts: postIds.length,
      reactions,
      read: THREADS - unread,
    };
  } finally {
    await database.close();
  }
}

export async function run() {
  say(
    `  wrk: ${settings.connections} connections, ${settings.wrkThreads} thread, ${settings.warmup} s warm-up + ${settings.duration} s;` +
      ` raw SQL: ${settings.connections} loops in flight, pool of 10, ${settings.warmup} s warm-up + ${settings.duration / 2} s before and after the page`,
  );
  const dataDir = tempDir("board");
  const database = await startDatabase(dataDir);
  try {
    const seedStarted = performance.now();
    const { slug, secret, idHash, threads, posts, reactions, read } = await seed(database.url);
    say(
      `  a group of 12 members; ${threads.toLocaleString("en-GB")} threads (${ANNOUNCEMENTS} announcements pinned), ` +
        `${posts.toLocaleString("en-GB")} posts, ${reactions.toLocaleString("en-GB")} reactions; ` +
        `the member has read ${read} threads (seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s)`,
    );
    const env = { BENCH_DB_URL: database.url, BENCH_ID_HASH: idHash, BENCH_SLUG: slug };
    const half = settings.duration / 2;

    const rawBefore = await runSqlLoop("board-sql-loop.mjs", env, half, "board page");
    say(loadLine("raw SQL via pg.Pool (before)", rawBefore));

    say("  server: node dist/server.js with DATABASE_URL set to that same PostgreSQL (pool of 10)");
    const app = await startAppServer({
      dataDir: path.join(dataDir, "app"),
      env: { DATABASE_URL: database.url },
    });
    const url = `${app.url}/groups/${slug}/board`;
    let page;
    let size = 0;
    let body = "";
    try {
      const check = await probe(url, { headers: { cookie: `${SESSION_COOKIE}=${secret}` } });
      const listed = check.body?.match(/<li class="thread( unread)?"/g)?.length ?? 0;
      if (check.status !== 200 || listed !== 20) {
        throw new Error(
          `the board page did not answer the member with 20 threads (status ${check.status}, ${listed} threads)`,
        );
      }
      size = Buffer.byteLength(check.body);
      body = check.body;
      page = await measureHttp(url, {
        headers: [`Cookie: ${SESSION_COOKIE}=${secret}`],
        label: "GET /groups/:slug/board",
      });
    } finally {
      await app.stop();
    }
    say(loadLine("Mutua GET /groups/:slug/board (member)", page));

    const rawAfter = await runSqlLoop("board-sql-loop.mjs", env, half, "board page");
    say(loadLine("raw SQL via pg.Pool (after)", rawAfter));
    const raw = pooled([rawBefore, rawAfter]);
    say(loadLine("raw SQL pooled (the ceiling)", raw));
    // For information: how far the same reads go through the app's read functions (Drizzle),
    // with no HTTP and no page.
    const reads = await runSqlLoop(
      "board-sql-loop.mjs",
      { ...env, BENCH_MODE: "app" },
      half,
      "board page reads",
    );
    say(loadLine("the read functions, no HTTP (info)", reads));
    // For information: the floor. A bare Fastify route that sends the same statements and
    // answers with this page's bytes, rendered in advance.
    const bodyFile = path.join(dataDir, "page.html");
    writeFileSync(bodyFile, body);
    const bare = await startHelloServer({
      script: "board-sql-loop.mjs",
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
        name: "board page / raw SQL (req/s)",
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

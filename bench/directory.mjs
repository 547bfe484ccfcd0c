// 5. The public directory's search, signed out: difficulty + 25 km around a town + language,
//    as an HTML page, at 10,000 and 100,000 groups made by the scale generator into a database
//    of its own. At each size:
//      (a) the page's requests/s (wrk, 50 connections) against the raw-SQL ceiling: the very
//          statements searchGroups sends, replayed through a pool of the same size at the same
//          concurrency, measured before and after the page and pooled;
//      (b) the search statement's latency with one client, one query after the other;
//      (c) the page's size on the wire, and a group page's.

import { writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { removeTempDir, tempDir } from "./lib/cleanup.mjs";
import { administer, startDatabase, withDatabase } from "./lib/database.mjs";
import { pooled } from "./lib/loop-runner.mjs";
import { fmt, loadLine, say, verdict } from "./lib/report.mjs";
import { spawnGroup, startAppServer, startHelloServer } from "./lib/server.mjs";
import { importBuilt, root, settings } from "./lib/settings.mjs";
import { measureHttp } from "./lib/wrk.mjs";

export const title = "Directory search (difficulty + 25 km + language, signed out) vs raw SQL";

const QUERY = "difficulty=dementia-care&place=Trento&radius=25&language=it";
const LANGUAGE = "it";
const SIZES = [10_000, 100_000];
const PEOPLE_PER_GROUP = 2;
const SEED = 1;
const SEQUENTIAL_RUNS = 500;
const RATIO_TARGET = 0.8;
const P95_TARGET_MS = 20;
const P95_JUDGED_AT = 100_000;
const PAGE_TARGET_BYTES = 40 * 1024;
const GENERATION_LIMIT_MS = 60_000;
const GENERATION_JUDGED_AT = 100_000;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const sqlEnv = (url, mode) => ({
  BENCH_DB_URL: url,
  BENCH_QUERY: QUERY,
  BENCH_LANGUAGE: LANGUAGE,
  BENCH_MODE: mode,
});

/**
 * The floor: the search's statements behind a bare Fastify route that answers with the page's bytes
 * (directory-sql.mjs, mode "floor"), under the same load as the page.
 */
async function directoryFloor(url, body, dir) {
  const bodyFile = path.join(dir, "directory-page.html");
  writeFileSync(bodyFile, body);
  const bare = await startHelloServer({
    script: "directory-sql.mjs",
    env: { ...sqlEnv(url, "floor"), BENCH_BODY_FILE: bodyFile },
  });
  try {
    return await measureHttp(bare.url, { label: "the floor", timeoutSeconds: 30 });
  } finally {
    await bare.stop();
  }
}

/** One directory-sql.mjs run (see that file for the modes); resolves to its JSON line. */
async function directorySql(url, mode, { seconds = 0, runs = SEQUENTIAL_RUNS } = {}) {
  const handle = spawnGroup(
    process.execPath,
    [path.join(root, "bench", "lib", "directory-sql.mjs")],
    {
      env: {
        ...sqlEnv(url, mode),
        BENCH_SECONDS: String(seconds),
        BENCH_WARMUP: String(settings.warmup),
        BENCH_CONCURRENCY: String(settings.connections),
        BENCH_RUNS: String(runs),
      },
    },
  );
  let stdout = "";
  handle.child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const { code } = await handle.exited;
  await handle.stop();
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{")) {
    throw new Error(`the ${mode} SQL run failed (code ${code})\n${handle.tail()}`);
  }
  const result = JSON.parse(last);
  if (result.failures > 0) throw new Error(`the ${mode} SQL run had ${result.failures} failures`);
  return result;
}

/** One GET on a fresh connection: status, body, and every byte read from the socket. */
function fetchOnWire(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          encoding: response.headers["content-encoding"] ?? null,
          body,
          wireBytes: response.socket.bytesRead,
        });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function generate(url, groups) {
  const { connectDatabase } = await importBuilt("infra/db/database.js");
  const { generateScaleData } = await importBuilt("cli/generate.js");
  const database = connectDatabase(url, { max: 1 });
  try {
    const started = performance.now();
    const report = await generateScaleData(database.db, {
      groups,
      people: groups * PEOPLE_PER_GROUP,
      seed: SEED,
    });
    return { ...report, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

async function measureSize(serverUrl, groups) {
  const rows = [];
  const name = `directory_${groups}`;
  const label = groups.toLocaleString("en-GB");
  say(`  -- ${label} groups --`);
  await administer(serverUrl, [
    `drop database if exists ${name} with (force)`,
    `create database ${name} template mutua`,
  ]);
  const url = withDatabase(serverUrl, name);
  try {
    const made = await generate(url, groups);
    const slowest = [...made.steps].sort((a, b) => b.ms - a.ms).slice(0, 3);
    say(
      `  generated ${made.groups.toLocaleString("en-GB")} groups, ${made.people.toLocaleString("en-GB")} people, ` +
        `${made.memberships.toLocaleString("en-GB")} memberships, ${made.groupDifficulties.toLocaleString("en-GB")} group difficulties ` +
        `in ${fmt.s(made.ms)} (slowest: ${slowest.map((s) => `${s.step} ${fmt.s(s.ms)}`).join(", ")})`,
    );
    const generation = {
      name: `generate ${label} groups (+ people, memberships)`,
      value: made.ms,
      shown: `${fmt.s(made.ms)} (${made.memberships.toLocaleString("en-GB")} memberships)`,
      limit: GENERATION_LIMIT_MS,
      limitShown: `${GENERATION_LIMIT_MS / 1000} s`,
      atLeast: false,
    };
    if (groups === GENERATION_JUDGED_AT) rows.push(verdict(generation));
    else rows.push({ name: generation.name, shown: generation.shown, target: "-", info: true });

    const explained = await directorySql(url, "explain");
    say(
      `  search: ${explained.total} groups match, ${explained.shown} shown; searchGroups sends ${explained.statements} statements`,
    );

    // The ceiling, first half: the same statements, same pool size and concurrency, no HTTP.
    const half = settings.duration / 2;
    const rawBefore = await directorySql(url, "search", { seconds: half });
    say(loadLine("raw SQL of searchGroups (before)", rawBefore));

    say("  server: node dist/server.js with DATABASE_URL set to that database (pool of 10)");
    const appDir = tempDir(`directory-app-${groups}`);
    const app = await startAppServer({
      dataDir: appDir,
      env: { DATABASE_URL: url },
    });
    const pageUrl = `${app.url}/groups?${QUERY}`;
    const headers = { "accept-language": LANGUAGE };
    let page;
    let plain;
    let gzipAsked;
    let groupPage;
    try {
      plain = await fetchOnWire(pageUrl, headers);
      if (plain.status !== 200) throw new Error(`GET /groups?${QUERY} answered ${plain.status}`);
      if (explained.firstSlug && !plain.body.includes(`/groups/${explained.firstSlug}`)) {
        throw new Error(`the page does not list ${explained.firstSlug}, the search's first group`);
      }
      gzipAsked = await fetchOnWire(pageUrl, { ...headers, "accept-encoding": "gzip, br" });
      if (explained.firstSlug) {
        groupPage = await fetchOnWire(`${app.url}/groups/${explained.firstSlug}`, headers);
        if (groupPage.status !== 200)
          throw new Error(`the group page answered ${groupPage.status}`);
      }
      // A slow page is a result to report, not a failure: let each response take its time.
      page = await measureHttp(pageUrl, {
        headers: [`Accept-Language: ${LANGUAGE}`],
        label: "GET /groups",
        timeoutSeconds: 30,
      });
    } finally {
      await app.stop();
    }
    say(loadLine(`Mutua GET /groups?… (${label} groups)`, page));

    const rawAfter = await directorySql(url, "search", { seconds: half });
    say(loadLine("raw SQL of searchGroups (after)", rawAfter));
    const raw = pooled([rawBefore, rawAfter]);
    say(loadLine("raw SQL pooled (the ceiling)", raw));

    // For information: where the rest goes (Drizzle; what a page costs beyond its SQL).
    const orm = await directorySql(url, "app", { seconds: half });
    say(loadLine("searchGroups via Drizzle, no HTTP (info)", orm));
    const floor = await directoryFloor(url, plain.body, appDir);
    say(loadLine("bare Fastify, same SQL, fixed page (info)", floor));

    const sequential = await directorySql(url, "sequential");
    const { p50, p95, p99 } = sequential.latencyMs;
    say(
      `  search statement, one client, ${sequential.runs} in a row: p50 ${fmt.ms(p50)}, p95 ${fmt.ms(p95)}, p99 ${fmt.ms(p99)}`,
    );
    for (const other of sequential.others) {
      say(`    other statement, p50 ${fmt.ms(other.p50).padStart(9)}: ${other.text}`);
    }

    const ratio = page.requestsPerSecond / raw.requestsPerSecond;
    say(
      `  ratio page / raw SQL: ${fmt.ratio(ratio)};` +
        `  Drizzle / raw SQL: ${fmt.ratio(orm.requestsPerSecond / raw.requestsPerSecond)};` +
        `  floor / raw SQL: ${fmt.ratio(floor.requestsPerSecond / raw.requestsPerSecond)}`,
    );
    const compressed = gzipAsked.encoding !== null;
    say(
      `  page size on the wire: ${kb(plain.wireBytes)} (body ${kb(plain.body.length)});` +
        ` asked for gzip: ${compressed ? `${kb(gzipAsked.wireBytes)} (${gzipAsked.encoding})` : "not compressed by the server"};` +
        ` the body would gzip to ${kb(gzipSync(plain.body).length)}`,
    );
    if (groupPage) {
      say(
        `  group page /groups/${explained.firstSlug}: ${kb(groupPage.wireBytes)} on the wire (gzip would make it ${kb(gzipSync(groupPage.body).length)})`,
      );
    }
    if (groups === P95_JUDGED_AT || p95 > P95_TARGET_MS) {
      say("  EXPLAIN (ANALYZE, BUFFERS) of the search statement:");
      for (const line of explained.plan) say(`    ${line}`);
    }

    rows.push(
      verdict({
        name: `directory page / raw SQL, ${label} groups (req/s)`,
        value: ratio,
        shown: `${fmt.ratio(ratio)} (${Math.round(page.requestsPerSecond)} / ${Math.round(raw.requestsPerSecond)}; p50 ${fmt.ms(page.latencyMs.p50)} vs ${fmt.ms(raw.latencyMs.p50)}, p99 ${fmt.ms(page.latencyMs.p99)} vs ${fmt.ms(raw.latencyMs.p99)})`,
        limit: RATIO_TARGET,
        limitShown: `${RATIO_TARGET.toFixed(2)}×`,
        atLeast: true,
      }),
    );
    const latency = {
      name: `search statement p95, one client, ${label} groups`,
      value: p95,
      shown: `${fmt.ms(p95)} (p50 ${fmt.ms(p50)}, p99 ${fmt.ms(p99)})`,
      limit: P95_TARGET_MS,
      limitShown: `${P95_TARGET_MS} ms`,
      atLeast: false,
    };
    if (groups === P95_JUDGED_AT) rows.push(verdict(latency));
    else rows.push({ name: latency.name, shown: latency.shown, target: "-", info: true });
    rows.push(
      verdict({
        name: `directory page size, ${label} groups`,
        value: plain.wireBytes,
        shown: `${kb(plain.wireBytes)} raw${compressed ? `, ${kb(gzipAsked.wireBytes)} ${gzipAsked.encoding}` : " (not compressed)"}`,
        limit: PAGE_TARGET_BYTES,
        limitShown: "40 KB",
        atLeast: false,
      }),
    );
    if (groupPage) {
      rows.push({
        name: `group page size, ${label} groups`,
        shown: `${kb(groupPage.wireBytes)} raw`,
        target: "-",
        info: true,
      });
    }
    return rows;
  } finally {
    await administer(serverUrl, [`drop database if exists ${name} with (force)`]).catch(
      () => undefined,
    );
  }
}

export async function run() {
  say(
    `  GET /groups?${QUERY} with Accept-Language: ${LANGUAGE}, no cookie.` +
      ` wrk: ${settings.connections} connections, ${settings.wrkThreads} thread, ${settings.warmup} s warm-up + ${settings.duration} s;` +
      ` raw SQL: ${settings.connections} loops in flight, pool of 10, ${settings.warmup} s warm-up + ${settings.duration / 2} s before and after the page`,
  );
  const dataDir = tempDir("directory");
  const database = await startDatabase(dataDir);
  try {
    // The towns once, into the database every size is copied from.
    const { ensurePlacesLoaded } = await importBuilt("infra/places/load.js");
    const started = performance.now();
    await ensurePlacesLoaded(database.url);
    say(`  towns loaded into the template database in ${fmt.s(performance.now() - started)}`);
    const rows = [];
    for (const groups of SIZES) rows.push(...(await measureSize(database.url, groups)));
    return rows;
  } finally {
    await database.stop();
    removeTempDir(dataDir);
  }
}

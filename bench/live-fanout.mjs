// 7. One post fanned out to 1,000 open live streams (Server-Sent Events): each client's delay
//    from the post to its event, p50 and p99, on one instance (1,000 clients) and across two
//    instances sharing one database (500 each, the post made on the first). The baseline, in the
//    same run: a bare node:http SSE server with no database fanning one event out to as many
//    clients, so the ratio shows what the database round trip, LISTEN/NOTIFY and the app add.
//
// The clients are plain node:http requests (no keep-alive agent) to 127.0.0.1, all in this
// process, which also makes the post: one clock for both ends. Run on its own with
// `npm run bench -- live`. The same file, run as `node bench/live-fanout.mjs serve-hub` or
// `serve-bare`, is the server side of the fallback target and of the baseline.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { removeTempDir, sleep, tempDir } from "./lib/cleanup.mjs";
import { startDatabase } from "./lib/database.mjs";
import { fmt, percentiles, say, verdict } from "./lib/report.mjs";
import { freePort, spawnGroup, startAppServer, waitFor200 } from "./lib/server.mjs";
import { HOST, importBuilt } from "./lib/settings.mjs";

export const title = "One post fanned out to 1,000 live streams (SSE), one and two instances";
const CLIENTS = 1_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 20;
const ROUND_LIMIT_MS = 5_000;
const ONE_INSTANCE_P99_MS = 100;
const TWO_INSTANCES_P99_MS = 250;
const HUB_TOPIC = "bench:fanout";
const GROUP_SIZE = 30;
const POST_GAP_MS = 5_500;
const thisFile = fileURLToPath(import.meta.url);

// ---- Where the clients listen, and how one post is made ------------------------------------
//
// "board": the real thing: `node dist/server.js`, the board's own stream with a member's
//   session (1,000 tabs of one person: a group has at most 30 members), and each round a new
//   thread posted through the JSON API by another member, taking turns (the board allows one
//   post per member every 5 s).
// "hub": what to fall back on if the board's stream is not there: the built app with one extra
//   route that streams a topic through streamLive, and each round a publishLive through the
//   database. Choose it with BENCH_LIVE_TARGET=hub.
function liveTarget() {
  return process.env.BENCH_LIVE_TARGET === "hub" ? hubTarget : boardTarget;
}

const boardTarget = {
  label: "the board's stream, a thread posted through the JSON API",
  start: (dataDir, databaseUrl) => startAppServer({ dataDir, env: { DATABASE_URL: databaseUrl } }),
  async prepare(databaseUrl) {
    const { connectDatabase } = await importBuilt("infra/db/database.js");
    const { people } = await importBuilt("features/accounts/tables.js");
    const { startSession } = await importBuilt("features/accounts/writes.js");
    const { groups } = await importBuilt("features/groups/tables.js");
    const { memberships } = await importBuilt("features/memberships/tables.js");
    const database = connectDatabase(databaseUrl, { max: 2 });
    try {
      const { db } = database;
      const joinedAt = new Date(Date.now() - 3 * 24 * 3_600_000);
      const [group] = await db
        .insert(groups)
        .values({
          slug: `bench-${Date.now().toString(36)}`,
          name: "Caffè Alzheimer",
          description: "Ci incontriamo per parlare di come assistere chi amiamo.",
          firstMeeting: "Ti accogliamo con un caffè.",
          audience: "carers",
          languages: ["it"],
          format: "online",
          country: "IT",
          timeZone: "Europe/Rome",
          scheduleKind: "weekly",
          rrule: "FREQ=WEEKLY;BYDAY=TU",
          startsOn: "2026-03-03",
          startTime: "10:30:00",
          durationMinutes: 90,
          weekday: 2,
          capacity: GROUP_SIZE,
          joiningPolicy: "open",
          visibility: "listed",
          status: "active",
          agreement: "Quello che si dice nel gruppo resta nel gruppo.",
          activeMemberCount: GROUP_SIZE,
        })
        .returning({ id: groups.id, slug: groups.slug });
      const member = async (n) => {
        const [person] = await db
          .insert(people)
          .values({ email: `bench.live.${n}@example.org`, displayName: `Bench ${n}` })
          .returning({ id: people.id });
        await db.insert(memberships).values({
          groupId: group.id,
          personId: person.id,
          state: "active",
          role: "member",
          joinedAt,
          agreementAcceptedAt: joinedAt,
        });
        const { secret } = await startSession(db, person.id, "email", new Date());
        return `__Host-mutua_session=${secret}`;
      };
      const listener = await member(0);
      const posters = [];
      for (let n = 1; n < GROUP_SIZE; n++) posters.push({ cookie: await member(n), at: 0 });
      return {
        streamPath: `/groups/${group.slug}/board/live`,
        headers: { cookie: listener },
        // The member who posted longest ago, once their 5 s have passed (before the clock starts).
        async ready() {
          posters.sort((a, b) => a.at - b.at);
          const wait = posters[0].at + POST_GAP_MS - performance.now();
          if (wait > 0) await sleep(wait);
        },
        async trigger(server, round) {
          const poster = posters[0];
          poster.at = performance.now();
          await request(`${server.url}/api/v1/groups/${group.slug}/board/threads`, {
            method: "POST",
            headers: { cookie: poster.cookie, "content-type": "application/json" },
            body: JSON.stringify({ title: `Round ${round}`, body: "How is everyone this week?" }),
            expect: 201,
          });
        },
        close: async () => undefined,
      };
    } finally {
      await database.close();
    }
  },
};

const hubTarget = {
  label: "a bench route on the built app (streamLive), a publishLive through the database",
  start: (dataDir, databaseUrl) =>
    startAppServer({
      dataDir,
      env: { DATABASE_URL: databaseUrl },
      command: process.execPath,
      args: [thisFile, "serve-hub"],
    }),
  async prepare(databaseUrl) {
    const { connectDatabase } = await importBuilt("infra/db/database.js");
    const { publishLive } = await importBuilt("infra/realtime/publish.js");
    const database = connectDatabase(databaseUrl, { max: 1 });
    return {
      streamPath: "/bench/live",
      headers: {},
      ready: async () => undefined,
      trigger: (_server, round) =>
        publishLive(database.db, HUB_TOPIC, { id: round + 1, kind: "post", data: { round } }),
      close: () => database.close(),
    };
  },
};

// ---- The clients ---------------------------------------------------------------------------

/** One request with no agent; resolves when answered with `expect`. */
function request(url, { method = "GET", headers = {}, body, expect = 200 }) {
  return new Promise((resolve, reject) => {
    const sent = http.request(url, { method, headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () =>
        response.statusCode === expect
          ? resolve()
          : reject(new Error(`${method} ${url} answered ${response.statusCode}`)),
      );
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

/** Opens `count` streams to `url`, 100 at a time; each notes when a `post` event reaches it. */
async function openClients(url, headers, count) {
  const clients = [];
  const open = () =>
    new Promise((resolve, reject) => {
      const client = { waiting: false, at: 0, request: null };
      client.request = http.get(url, { agent: false, headers }, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`${url} answered ${response.statusCode}`));
          return;
        }
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          if (client.waiting && chunk.includes("event: post\n")) {
            client.at = performance.now();
            client.waiting = false;
          }
        });
        resolve(client);
      });
      client.request.on("error", reject);
    });
  for (let i = 0; i < count; i += 100) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, open))));
  }
  return clients;
}

/**
 * Posts once per round and collects each client's delay. Warm-up rounds (not counted) go on
 * until one reaches every client, so every stream is live before anything is measured.
 */
async function measure(clients, trigger, ready = async () => undefined) {
  const round = async (n) => {
    await ready();
    for (const client of clients) client.waiting = true;
    const postedAt = performance.now();
    await trigger(n);
    const answeredMs = performance.now() - postedAt;
    const deadline = postedAt + ROUND_LIMIT_MS;
    while (clients.some((c) => c.waiting) && performance.now() < deadline) await sleep(2);
    const reached = clients.filter((c) => !c.waiting);
    for (const client of clients) client.waiting = false;
    await sleep(100);
    return {
      delays: reached.map((c) => c.at - postedAt),
      missed: clients.length - reached.length,
      answeredMs,
    };
  };
  let n = 0;
  for (let i = 0; i < WARMUP_ROUNDS; i++) await round(n++);
  for (let extra = 0; (await round(n++)).missed > 0; extra++) {
    if (extra >= 5) throw new Error("some streams never received an event");
  }
  const delays = [];
  const answered = [];
  let missed = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const result = await round(n++);
    delays.push(...result.delays);
    answered.push(result.answeredMs);
    missed += result.missed;
  }
  if (missed > 0)
    throw new Error(`${missed} deliveries did not arrive within ${ROUND_LIMIT_MS} ms`);
  return {
    ...percentiles(delays),
    count: delays.length,
    roundsUsed: n,
    answered: percentiles(answered, [50, 99]),
  };
}

const closeAll = (clients) => {
  for (const client of clients) client.request.destroy();
};

/** The delays, and how long the post itself took to be answered (the write, for the board). */
function line(label, figures) {
  const { p50, p99 } = figures.answered;
  return `  ${label.padEnd(40)} p50 ${fmt.ms(figures.p50).padStart(9)}   p99 ${fmt.ms(figures.p99).padStart(9)}   (${figures.count.toLocaleString("en-GB")} deliveries; post answered p50 ${fmt.ms(p50)}, p99 ${fmt.ms(p99)})`;
}

// ---- The baseline: a bare node:http SSE server, no database ---------------------------------

async function startBare() {
  const port = await freePort();
  const startedAt = performance.now();
  const handle = spawnGroup(process.execPath, [thisFile, "serve-bare"], {
    env: { BARE_HOST: HOST, BARE_PORT: String(port) },
  });
  const url = `http://${HOST}:${port}`;
  await waitFor200(`${url}/`, handle, startedAt, { timeoutMs: 15_000 });
  return { ...handle, url };
}

function serveBare() {
  const clients = new Set();
  let id = 0;
  const server = http.createServer((req, res) => {
    if (req.url === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write("retry: 3000\n: open\n\n");
      clients.add(res);
      res.on("close", () => clients.delete(res));
    } else if (req.method === "POST" && req.url === "/publish") {
      const frame = `id: ${++id}\nevent: post\ndata: {"round":${id}}\n\n`;
      for (const client of clients) client.write(frame);
      res.writeHead(204).end();
    } else {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    }
  });
  server.listen(Number(process.env.BARE_PORT), process.env.BARE_HOST ?? HOST);
  const stop = () => {
    for (const client of clients) client.destroy();
    server.close(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// ---- The fallback target's server: the built app and one streaming route -------------------

async function serveHub() {
  const { loadConfigOrExit } = await importBuilt("config.js");
  const { buildApp } = await importBuilt("app.js");
  const { connectDatabase } = await importBuilt("infra/db/database.js");
  const { createMailer } = await importBuilt("infra/mail/mailer.js");
  const { createLiveHub } = await importBuilt("infra/realtime/hub.js");
  const { streamLive } = await importBuilt("infra/realtime/live-stream.js");
  const config = loadConfigOrExit();
  const database = connectDatabase(config.databaseUrl);
  const live = createLiveHub({ connectionString: config.databaseUrl });
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, "outbox"),
  });
  const app = await buildApp({
    config,
    db: database.db,
    mailer,
    clock: () => new Date(),
    live,
    databaseReady: async () => true,
  });
  app.get("/bench/live", { config: { skipSession: true } }, (request, reply) =>
    streamLive(request, reply, {
      hub: live,
      topic: HUB_TOPIC,
      key: "bench",
      replay: async () => [],
    }),
  );
  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`Mutua is ready at http://${config.host}:${config.port}/\n`);
  const stop = async () => {
    await app.close();
    await live.stop();
    await database.close();
    mailer.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// ---- The scenario --------------------------------------------------------------------------

export async function run() {
  const target = liveTarget();
  say(`  target: ${target.label}`);
  say(
    `  ${CLIENTS} clients (node:http, no keep-alive agent, 127.0.0.1), ${WARMUP_ROUNDS}+ warm-up rounds then ${ROUNDS} measured; one clock for post and receipt`,
  );
  const dataDir = tempDir("live");
  const database = await startDatabase(dataDir);
  const stopping = [];
  try {
    const bare = await startBare();
    stopping.push(() => bare.stop());
    const bareClients = await openClients(`${bare.url}/events`, {}, CLIENTS);
    const baseline = await measure(bareClients, () =>
      request(`${bare.url}/publish`, { method: "POST", expect: 204 }),
    );
    closeAll(bareClients);
    await bare.stop();
    stopping.pop();
    say(line(`bare node:http SSE, ${CLIENTS} clients`, baseline));

    const prepared = await target.prepare(database.url);
    stopping.push(() => prepared.close());
    const first = await target.start(path.join(dataDir, "one"), database.url);
    stopping.push(() => first.stop());
    let rounds = 0;
    const trigger = (n) => prepared.trigger(first, rounds + n);

    const oneClients = await openClients(
      `${first.url}${prepared.streamPath}`,
      prepared.headers,
      CLIENTS,
    );
    const one = await measure(oneClients, trigger, prepared.ready);
    rounds += one.roundsUsed;
    closeAll(oneClients);
    say(line(`Mutua, one instance, ${CLIENTS} clients`, one));

    const second = await target.start(path.join(dataDir, "two"), database.url);
    stopping.push(() => second.stop());
    const half = CLIENTS / 2;
    const twoClients = [
      ...(await openClients(`${first.url}${prepared.streamPath}`, prepared.headers, half)),
      ...(await openClients(`${second.url}${prepared.streamPath}`, prepared.headers, half)),
    ];
    const two = await measure(twoClients, trigger, prepared.ready);
    closeAll(twoClients);
    say(line(`Mutua, two instances, ${half} + ${half} clients`, two));
    say(
      `  p99 ÷ baseline p99: one instance ${fmt.ratio(one.p99 / baseline.p99)}, two instances ${fmt.ratio(two.p99 / baseline.p99)}`,
    );
    return [
      verdict({
        name: `live fan-out p99, one instance (${CLIENTS} streams)`,
        value: one.p99,
        shown: `${fmt.ms(one.p99)} (p50 ${fmt.ms(one.p50)}; bare SSE p99 ${fmt.ms(baseline.p99)}, ${fmt.ratio(one.p99 / baseline.p99)})`,
        limit: ONE_INSTANCE_P99_MS,
        limitShown: `${ONE_INSTANCE_P99_MS} ms`,
      }),
      verdict({
        name: `live fan-out p99, two instances (${half} + ${half})`,
        value: two.p99,
        shown: `${fmt.ms(two.p99)} (p50 ${fmt.ms(two.p50)}; ${fmt.ratio(two.p99 / baseline.p99)} of bare SSE)`,
        limit: TWO_INSTANCES_P99_MS,
        limitShown: `${TWO_INSTANCES_P99_MS} ms`,
      }),
    ];
  } finally {
    for (const stop of stopping.reverse()) await stop().catch(() => undefined);
    await database.stop();
    removeTempDir(dataDir);
  }
}

if (process.argv[1] === thisFile) {
  if (process.argv[2] === "serve-bare") serveBare();
  else if (process.argv[2] === "serve-hub") await serveHub();
  else process.stderr.write("Run through bench/run.mjs: npm run bench -- live\n");
}

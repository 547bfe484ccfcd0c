import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import type { AppDeps } from "../../infra/http/deps.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { connectEventStream, type ReceivedEvent } from "./event-stream-client.js";
import { createLiveHub, type LiveHub } from "./hub.js";
import { streamLive } from "./live-stream.js";
import type { LiveEvent } from "./publish.js";

let t: TestApp;
let other: TestApp;
const servers: { app: FastifyInstance; base: string }[] = [];

/** Each topic's numbered events, as a feature's own event table would hold them. */
const tables = new Map<string, LiveEvent[]>();
const asked = new Map<string, (number | null)[]>();
/** Work a test wants done in the middle of a replay (a write committing meanwhile). */
const duringReplay = new Map<string, () => Promise<void>>();

/** The whole app with one live route, listening on a real port. */
async function serve(deps: AppDeps): Promise<string> {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await buildApp(deps, { logStream: quiet });
  app.get<{ Querystring: { topic: string; key: string } }>(
    "/test/live",
    { config: { skipSession: true } },
    async (request, reply) => {
      const { topic, key } = request.query;
      await streamLive(request, reply, {
        hub: app.deps.live,
        topic,
        key,
        async replay(afterId) {
          asked.set(topic, [...(asked.get(topic) ?? []), afterId]);
          await duringReplay.get(topic)?.();
          return (tables.get(topic) ?? []).filter((e) => afterId === null || e.id! > afterId);
        },
      });
    },
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  servers.push({ app, base });
  return base;
}

let here: string;
let there: string;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildTestApp({ sharing: t });
  here = await serve({ ...t.app.deps });
  there = await serve({ ...other.app.deps });
});

afterAll(async () => {
  for (const { app } of servers) await app.close();
  await other?.close();
  await t?.close();
});

let topics = 0;
const newTopic = () => `test:${++topics}:${Math.random().toString(36).slice(2)}`;

/** A write: its row in the table, and its event to every instance, in one transaction. */
async function write(topic: string, id: number, kind = "post"): Promise<void> {
  const event = { topic, id, kind, data: { n: id } };
  await t.app.deps.db.transaction(async (tx) => {
    tables.set(topic, [...(tables.get(topic) ?? []), event]);
    await t.app.deps.live.publish(tx, topic, { id, kind, data: { n: id } });
  });
}

const ids = (events: ReceivedEvent[]) => events.map((e) => e.id);

/** Until `count` streams of the topic are live on the hub (their replay done). */
async function listening(hub: LiveHub, topic: string, count = 1): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (hub.count(topic) < count) {
    if (Date.now() > deadline) throw new Error(`${topic} never had ${count} listeners`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("a live stream", () => {
  it("brings a post to a member connected to another instance in under a second", async () => {
    const topic = newTopic();
    const client = await connectEventStream(`${there}/test/live?topic=${topic}&key=ada`);
    await listening(other.app.deps.live, topic);
    const began = performance.now();
    await write(topic, 1);
    const event = await client.waitFor((e) => e.id === "1");
    expect(event.receivedAt - began).toBeLessThan(1_000);
    expect(event).toMatchObject({ event: "post", data: JSON.stringify({ n: 1 }) });
    client.close();
  });

  it("replays what came after the browser's last event id, then goes live without a gap or a repeat", async () => {
    const topic = newTopic();
    await write(topic, 1);
    await write(topic, 2);
    // While the replay reads, one write commits that it sees (3) and one it does not (4).
    duringReplay.set(topic, async () => {
      duringReplay.delete(topic);
      const watcher = new Promise<void>((resolve) => {
        let heard = 0;
        void t.app.deps.live.subscribe(topic, "watcher", {
          event: () => ++heard === 2 && resolve(),
        });
      });
      await write(topic, 3);
      const replayable = tables.get(topic)!;
      await t.app.deps.db.transaction(async (tx) => {
        await t.app.deps.live.publish(tx, topic, { id: 4, kind: "post", data: { n: 4 } });
      });
      await watcher;
      tables.set(topic, replayable);
    });
    const client = await connectEventStream(`${here}/test/live?topic=${topic}&key=ada`, {
      "last-event-id": "1",
    });
    await client.waitFor((e) => e.id === "4");
    await write(topic, 5);
    await client.waitFor((e) => e.id === "5");
    expect(asked.get(topic)).toEqual([1]);
    expect(ids(client.events)).toEqual(["2", "3", "4", "5"]);
    client.close();
  });

  it("starts from the id a page passes in its address when the browser has none", async () => {
    const topic = newTopic();
    await write(topic, 1);
    await write(topic, 2);
    const client = await connectEventStream(
      `${here}/test/live?topic=${topic}&key=ada&lastEventId=1`,
    );
    await client.waitFor((e) => e.id === "2");
    expect(asked.get(topic)).toEqual([1]);
    expect(ids(client.events)).toEqual(["2"]);
    client.close();
  });

  it("ends a removed member's open streams on every instance at once, telling the page not to reconnect", async () => {
    const topic = newTopic();
    const adaHere = await connectEventStream(`${here}/test/live?topic=${topic}&key=ada`);
    const adaThere = await connectEventStream(`${there}/test/live?topic=${topic}&key=ada`);
    const bea = await connectEventStream(`${there}/test/live?topic=${topic}&key=bea`);
    await listening(t.app.deps.live, topic);
    await listening(other.app.deps.live, topic, 2);
    await t.app.deps.db.transaction(async (tx) => {
      await t.app.deps.live.end(tx, topic, "ada");
    });
    await Promise.all([adaHere.ended, adaThere.ended]);
    expect(adaHere.events.map((e) => e.event)).toEqual(["end"]);
    expect(adaThere.events.map((e) => e.event)).toEqual(["end"]);
    await write(topic, 1);
    await bea.waitFor((e) => e.id === "1");
    bea.close();
  });

  it("replays what was missed while the hub was away, from the last id it sent", async () => {
    const topic = newTopic();
    const client = await connectEventStream(`${here}/test/live?topic=${topic}&key=ada`);
    await listening(t.app.deps.live, topic);
    await write(topic, 1);
    await client.waitFor((e) => e.id === "1");
    await t.database.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'mutua-live' and datname = current_database()`,
    );
    // Saved while no hub listened: its notification is lost, its row is not.
    tables.set(topic, [...(tables.get(topic) ?? []), { topic, id: 2, kind: "post" }]);
    await client.waitFor((e) => e.id === "2");
    expect(asked.get(topic)).toEqual([null, 1]);
    expect(ids(client.events)).toEqual(["1", "2"]);
    client.close();
  });

  it("ends a stream at once with a retry hint while the database cannot be reached", async () => {
    const away: LiveHub = createLiveHub({
      connectionString: "postgres://nobody:nothing@127.0.0.1:9/none",
    });
    const base = await serve({ ...t.app.deps, live: away });
    const client = await connectEventStream(`${base}/test/live?topic=${newTopic()}&key=ada`);
    await client.ended;
    expect(client.status).toBe(200);
    expect(client.retry).toBeGreaterThan(0);
    expect(client.events).toEqual([]);
    await away.stop();
  });
});

import http from "node:http";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type EventStream, frameEvent, lastEventId, openEventStream } from "./event-stream.js";
import { connectEventStream } from "./event-stream-client.js";

let t: TestApp;
let app: FastifyInstance;
let base: string;
const seen: { lastEventId?: number | null; flood?: { closed: boolean; sent: number } } = {};
const held: EventStream[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  // The whole app (its hooks, its closing), with a few streams of its own on a real port.
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  app = await buildApp({ ...t.app.deps }, { logStream: quiet });
  const open = { config: { skipSession: true } };
  app.get("/test/framed", open, async (request, reply) => {
    const stream = openEventStream(request, reply, { retryMs: 1_500, heartbeatMs: 40 });
    stream.send({ id: 1, event: "post", data: "line one\nline two\r\nline three" });
    stream.send({ data: "plain" });
    stream.send({ id: "7\n8", event: "re\naction", data: "" });
    setTimeout(() => stream.end(), 150);
  });
  app.get("/test/last-id", open, async (request, reply) => {
    seen.lastEventId = lastEventId(request);
    openEventStream(request, reply).end();
  });
  app.get("/test/held", open, async (request, reply) => {
    held.push(openEventStream(request, reply));
  });
  app.get("/test/flood", open, async (request, reply) => {
    const stream = openEventStream(request, reply, { maxBufferedBytes: 64 * 1024 });
    const flood = { closed: false, sent: 0 };
    seen.flood = flood;
    const data = "x".repeat(2_000);
    while (!stream.closed && flood.sent < 20_000) {
      stream.send({ id: flood.sent, data });
      flood.sent += 1;
      if (flood.sent % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    flood.closed = stream.closed;
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("an event stream", () => {
  it("frames each event with id, event and one data line per line of text, and never lets a field break a line", () => {
    expect(frameEvent({ id: 3, event: "post", data: "a\nb\r\nc\rd" })).toBe(
      "id: 3\nevent: post\ndata: a\ndata: b\ndata: c\ndata: d\n\n",
    );
    expect(frameEvent({ id: "1\n2", event: "x\ny", data: "" })).toBe(
      "id: 12\nevent: xy\ndata: \n\n",
    );
  });

  it("answers a real socket with the stream's headers, a retry hint, framed events and heartbeat comments, and ends when the server ends it", async () => {
    const client = await connectEventStream(`${base}/test/framed`);
    expect(client.status).toBe(200);
    expect(client.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(client.headers["cache-control"]).toContain("no-cache");
    expect(client.headers["x-accel-buffering"]).toBe("no");
    // The app's own security headers still go out on a stream.
    expect(client.headers["x-content-type-options"]).toBe("nosniff");
    await client.ended;
    expect(client.retry).toBe(1_500);
    expect(client.events.map(({ id, event, data }) => ({ id, event, data }))).toEqual([
      { id: "1", event: "post", data: "line one\nline two\nline three" },
      { id: "1", event: "message", data: "plain" },
      { id: "78", event: "reaction", data: "" },
    ]);
    expect(client.comments.filter((c) => c === "keep-alive").length).toBeGreaterThanOrEqual(2);
  });

  it("reads the last event id from the Last-Event-ID header first, then from lastEventId in the address", async () => {
    const ask = async (path: string, headers: Record<string, string> = {}) => {
      const client = await connectEventStream(`${base}${path}`, headers);
      await client.ended;
      return seen.lastEventId;
    };
    expect(await ask("/test/last-id", { "last-event-id": "41" })).toBe(41);
    expect(await ask("/test/last-id?lastEventId=17")).toBe(17);
    expect(await ask("/test/last-id?lastEventId=17", { "last-event-id": "41" })).toBe(41);
    expect(await ask("/test/last-id?lastEventId=-3")).toBeNull();
    expect(await ask("/test/last-id", { "last-event-id": "1e3" })).toBeNull();
    expect(await ask("/test/last-id")).toBeNull();
  });

  it("drops a client that stops reading once its unsent bytes pass the bound, instead of buffering without end", async () => {
    const request = http.get(`${base}/test/flood`, { agent: false }, (response) => {
      response.pause();
    });
    request.on("error", () => undefined);
    const deadline = Date.now() + 10_000;
    while (!seen.flood?.closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    request.destroy();
    expect(seen.flood?.closed).toBe(true);
    // 20,000 events of 2 kB would be 40 MB: the client was dropped long before.
    expect(seen.flood?.sent).toBeLessThan(20_000);
  });

  it("ends its open streams when the app closes, so closing does not wait on them", async () => {
    const staying = await connectEventStream(`${base}/test/held`);
    const leaving = await connectEventStream(`${base}/test/held`);
    leaving.close();
    await leaving.ended;
    const began = performance.now();
    await app.close();
    await staying.ended;
    expect(performance.now() - began).toBeLessThan(2_000);
    expect(held.every((stream) => stream.closed)).toBe(true);
  });
});

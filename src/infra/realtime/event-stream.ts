/**
 * A Server-Sent Events response on Fastify: the route hands over its reply, and writes events
 * until the person leaves, the app closes, or the caller ends it.
 *
 *   const stream = openEventStream(request, reply);   // after the route's checks: it hijacks
 *   stream.send({ id: 42, event: "post", data: JSON.stringify({ threadId }) });
 *   stream.onClose(() => unsubscribe());
 *   stream.end();
 *
 * The response is never buffered on the way (no-cache, X-Accel-Buffering: no); a comment every
 * 25 s keeps proxies and the browser from taking a quiet stream for a dead one; the `retry:` hint
 * paces the browser's reconnections. A client that stops reading is dropped once the socket's
 * buffer passes a bound, rather than kept in memory without end: its browser reconnects and
 * resumes from its last event id. `registerEventStreams` ends every open stream when the app
 * closes, so closing does not wait on streams that would never finish by themselves.
 */
import type { OutgoingHttpHeaders, Server } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export type EventStreamOptions = {
  /** The browser's pause before reconnecting, sent as `retry:`. */
  retryMs?: number;
  /** Between two comments that keep a quiet stream open. */
  heartbeatMs?: number;
  /** Unsent bytes beyond which a client that does not read is dropped. */
  maxBufferedBytes?: number;
};

export type StreamedEvent = { id?: number | string; event?: string; data?: string };

export type EventStream = {
  /** Writes one event; false when the socket's buffer is full or the stream is over. */
  send(event: StreamedEvent): boolean;
  /** Writes an event framed once by frameEvent, for one event going to many streams. */
  sendFramed(frame: string): boolean;
  /** Resolves when the socket's buffer has room again, or the stream is over. */
  drained(): Promise<void>;
  /** Ends the response; the browser will reconnect after `retry` unless told otherwise. */
  end(): void;
  readonly closed: boolean;
  /** Runs once the stream is over, whoever ended it. */
  onClose(work: () => void): void;
};

const open = new WeakMap<Server, Set<EventStream>>();

/** Ends every open stream of `app` when it starts closing (before the server stops accepting). */
export function registerEventStreams(app: FastifyInstance): void {
  app.addHook("preClose", async () => {
    for (const stream of [...(open.get(app.server) ?? [])]) stream.end();
  });
}

/**
 * The Last-Event-ID a reconnecting browser sends, or the `lastEventId` query parameter a page
 * passes on its first connection (EventSource cannot set headers): a whole number, or null.
 */
export function lastEventId(request: FastifyRequest): number | null {
  const header = request.headers["last-event-id"];
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  const raw = typeof header === "string" && header !== "" ? header : query;
  if (typeof raw !== "string" || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

const oneLine = (text: string) => text.replace(/[\r\n\0]/g, "");

/** One event in SSE framing: each line of the data on a `data:` line of its own. */
export function frameEvent({ id, event, data }: StreamedEvent): string {
  let frame = "";
  if (id !== undefined) frame += `id: ${oneLine(String(id))}\n`;
  if (event) frame += `event: ${oneLine(event)}\n`;
  for (const line of (data ?? "").split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: EventStreamOptions = {},
): EventStream {
  const { retryMs = 3_000, heartbeatMs = 25_000, maxBufferedBytes = 256 * 1024 } = options;
  const response = reply.raw;
  const closers: (() => void)[] = [];
  let closed = false;

  reply.hijack();
  // The headers the app's hooks set already (security headers), then the stream's own.
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value;
  }
  response.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-store, no-transform",
    "x-accel-buffering": "no",
  });
  response.socket?.setNoDelay(true);

  const streams = open.get(request.server.server) ?? new Set<EventStream>();
  open.set(request.server.server, streams);

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    streams.delete(stream);
    for (const work of closers.splice(0)) work();
  };

  const write = (text: string): boolean => {
    if (closed) return false;
    const room = response.write(text);
    if (response.writableLength > maxBufferedBytes) {
      response.destroy();
      finish();
      return false;
    }
    return room;
  };

  const stream: EventStream = {
    send: (event) => write(frameEvent(event)),
    sendFramed: write,
    drained: () =>
      closed || !response.writableNeedDrain
        ? Promise.resolve()
        : new Promise((resolve) => {
            const done = () => {
              response.off("drain", done);
              response.off("close", done);
              resolve();
            };
            response.on("drain", done);
            response.on("close", done);
          }),
    end() {
      if (closed) return;
      response.end();
      finish();
    },
    get closed() {
      return closed;
    },
    onClose(work) {
      if (closed) work();
      else closers.push(work);
    },
  };

  const heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
  heartbeat.unref();
  response.on("close", finish);
  streams.add(stream);
  // The person may have left while the route was still checking who they are.
  if (response.destroyed || response.socket?.destroyed) finish();
  write(`retry: ${retryMs}\n: open\n\n`);
  return stream;
}

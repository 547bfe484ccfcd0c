/**
 * A topic's live events as Server-Sent Events, with no gap and no repeat around a reconnection.
 *
 *   await streamLive(request, reply, {
 *     hub: request.server.deps.live,
 *     topic: `group:${groupId}`,
 *     key: viewer.personId,                       // endLive(tx, topic, personId) ends it
 *     replay: (afterId) => listEventsAfter(db, groupId, afterId),   // oldest first
 *   });
 *
 * Call it once the route has decided the person may listen: it takes over the reply. In order:
 * subscribe (events heard from then on wait in a buffer); replay from the caller's own table what
 * came after the browser's last event id (the Last-Event-ID header, or `?lastEventId=` on a first
 * connection, where a page passes the id it was rendered at); then send what waited, leaving out
 * what the replay already sent; then go live. When the hub lost its connection for a while, the
 * same replay runs again from the last id sent. Checking what the replay sent, rather than only
 * comparing ids, keeps an event whose transaction committed after a later-numbered one.
 *
 * The stream ends when the person leaves, when the app closes (the browser reconnects, to this
 * instance or another), or when the subscription is ended on purpose (a person removed from the
 * group): then an `end` event tells the page's script not to reconnect.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type EventStream,
  type EventStreamOptions,
  frameEvent,
  lastEventId,
  openEventStream,
  type StreamedEvent,
} from "./event-stream.js";
import type { LiveHub, LiveListener } from "./hub.js";
import type { LiveEvent } from "./publish.js";

export type LiveStreamOptions = EventStreamOptions & {
  hub: LiveHub;
  topic: string;
  /** Whose subscription this is: closeWhere and endLive end subscriptions by it. */
  key: string;
  /** The events after `afterId` (null: the browser has none), from the caller's table, oldest first. */
  replay(afterId: number | null): Promise<LiveEvent[]>;
  /**
   * How an event is written for this person; null leaves it out. By default its kind names the
   * event and its data goes as JSON.
   */
  frame?(event: LiveEvent): StreamedEvent | null;
  /** Events that may wait during a replay; past it the stream ends and the browser resumes. */
  maxPending?: number;
};

export function defaultFrame(event: LiveEvent): StreamedEvent {
  return {
    ...(event.id !== undefined ? { id: event.id } : {}),
    event: event.kind,
    data: JSON.stringify(event.truncated ? { truncated: true } : (event.data ?? {})),
  };
}

// The hub hands one event object to every subscriber: framed once, it is written to each stream
// as it is. Framing it again for each of 1,000 streams took 13 to 40 ms here, on a busy machine.
const framedOnce = new WeakMap<LiveEvent, string>();

function framedByDefault(event: LiveEvent): string {
  let frame = framedOnce.get(event);
  if (frame === undefined) {
    frame = frameEvent(defaultFrame(event));
    framedOnce.set(event, frame);
  }
  return frame;
}

export async function streamLive(
  request: FastifyRequest,
  reply: FastifyReply,
  options: LiveStreamOptions,
): Promise<EventStream> {
  const { hub, topic, key, replay, frame, maxPending = 1_000 } = options;
  let lastId = lastEventId(request);
  const stream = openEventStream(request, reply, options);
  // Events heard while a replay runs; null while live.
  let pending: LiveEvent[] | null = [];
  let catchingUp = false;
  let again = false;

  const deliver = (event: LiveEvent): boolean => {
    let room = true;
    if (!frame) room = stream.sendFramed(framedByDefault(event));
    else {
      const framed = frame(event);
      if (framed) room = stream.send(framed);
    }
    if (event.id !== undefined && (lastId === null || event.id > lastId)) lastId = event.id;
    return room;
  };

  const catchUp = async (): Promise<void> => {
    if (catchingUp) {
      again = true;
      return;
    }
    catchingUp = true;
    try {
      do {
        again = false;
        pending ??= [];
        const replayed = await replay(lastId);
        const sent = new Set<number>();
        for (const event of replayed) {
          if (stream.closed) return;
          if (event.id !== undefined) sent.add(event.id);
          // A long replay waits for the socket instead of filling memory.
          if (!deliver(event)) await stream.drained();
        }
        const heard: LiveEvent[] = pending ?? [];
        pending = null;
        for (const event of heard) {
          if (event.id === undefined || !sent.has(event.id)) deliver(event);
        }
      } while (again && !stream.closed);
    } catch (error) {
      request.log.error({ err: error }, "live replay failed");
      stream.end();
    } finally {
      catchingUp = false;
    }
  };

  const listener: LiveListener = {
    event(event) {
      if (stream.closed) return;
      if (!pending) deliver(event);
      else if (pending.push(event) > maxPending) stream.end();
    },
    missed: () => void catchUp(),
    ended(why) {
      if (why === "closed") stream.send({ event: "end", data: "" });
      stream.end();
    },
  };

  try {
    stream.onClose(await hub.subscribe(topic, key, listener));
  } catch (error) {
    // The database is away: the browser comes back after the `retry` pause.
    if (!(error instanceof Error && error.name === "LiveUnavailable")) {
      request.log.error({ err: error }, "live subscription failed");
    }
    stream.end();
    return stream;
  }
  if (!stream.closed) await catchUp();
  return stream;
}

/**
 * Live events on the wire: what a write tells every app instance through PostgreSQL NOTIFY.
 *
 *   publishLive(tx, "group:<id>", { id: 42, kind: "post", data: { threadId } })
 *   endLive(tx, "group:<id>", personId)
 *
 * Both run `pg_notify` on the executor they are given. Inside a transaction PostgreSQL holds the
 * notification until commit and drops it on rollback, so a subscriber never hears of a write that
 * was not saved, and hears of it only once it can be read. Every instance's hub LISTENs on the
 * one channel and hands each event to its own subscribers of the topic (hub.ts).
 *
 * An event says what happened and where (a kind, the id of the feature's own numbered event row,
 * a few ids in `data`), never the words: subscribers read those through the feature's own rules.
 * NOTIFY refuses payloads of 8000 bytes or more: an event whose `data` would not fit goes without
 * it, marked `truncated`, rather than making the write it follows fail.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";

/** The one channel every instance listens on; NOTIFY is per database, so tests never cross. */
export const LIVE_CHANNEL = "mutua_live";

/** Below PostgreSQL's 8000-byte limit on a NOTIFY payload, with room to spare. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * One thing that happened on a topic. `id`, when given, is the number of the feature's own event
 * row: ids rise with time, and a reconnecting client resumes after the last one it saw.
 */
export type LiveEvent = {
  topic: string;
  id?: number;
  kind: string;
  data?: unknown;
  /** The event's data was too large to send: subscribers read what changed themselves. */
  truncated?: true;
};

/** What travels on the channel: an event for a topic's subscribers, or the end of some of them. */
export type LiveMessage =
  | { type: "event"; event: LiveEvent }
  | { type: "end"; topic: string; key: string };

const TOPIC = /^[^\r\n\0]{1,200}$/;
// The kind is the SSE event name: a word, never a line break.
const KIND = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

function checkTopic(topic: string): void {
  if (!TOPIC.test(topic)) throw new TypeError("A live topic is 1 to 200 characters on one line.");
}

function checkKey(key: string): void {
  if (!TOPIC.test(key)) throw new TypeError("A live key is 1 to 200 characters on one line.");
}

function encode(event: LiveEvent): string {
  checkTopic(event.topic);
  if (!KIND.test(event.kind)) throw new TypeError(`"${event.kind}" is not a live event kind.`);
  if (event.id !== undefined && !(Number.isSafeInteger(event.id) && event.id >= 0)) {
    throw new TypeError("A live event id is a whole number, 0 or more.");
  }
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload;
  const { data: _dropped, ...rest } = event;
  return JSON.stringify({ ...rest, truncated: true });
}

/** Tells every instance's subscribers of `topic` about `event`, once `executor` commits. */
export async function publishLive(
  executor: Executor,
  topic: string,
  event: Omit<LiveEvent, "topic" | "truncated">,
): Promise<void> {
  const payload = encode({ topic, ...event });
  await executor.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}

/**
 * Ends, on every instance, the subscriptions to `topic` made under `key` (a person's id, say),
 * once `executor` commits: a person removed from a group stops hearing its events at once.
 */
export async function endLive(executor: Executor, topic: string, key: string): Promise<void> {
  checkTopic(topic);
  checkKey(key);
  const payload = JSON.stringify({ topic, end: key });
  await executor.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}

/** A payload read back off the channel; null for anything this module did not write. */
export function readLiveMessage(payload: string | undefined): LiveMessage | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const message = value as Record<string, unknown>;
  if (typeof message.topic !== "string") return null;
  if (typeof message.end === "string") {
    return { type: "end", topic: message.topic, key: message.end };
  }
  if (typeof message.kind !== "string") return null;
  if (message.id !== undefined && typeof message.id !== "number") return null;
  return { type: "event", event: message as LiveEvent };
}

/**
 * The live hub: one per app instance, handing the events every instance publishes through
 * PostgreSQL (publish.ts) to the subscribers on this one.
 *
 *   const hub = createLiveHub({ connectionString });        // opens nothing yet
 *   const stop = await hub.subscribe("group:<id>", personId, {
 *     event: (event) => …,          // an event of the topic, after its write committed
 *     missed: () => …,              // the hub was away: read what may have been missed
 *     ended: (why) => …,            // closeWhere or endLive ended it ("closed"), or the hub stopped
 *   });
 *   await hub.publish(tx, "group:<id>", { id, kind: "post", data });   // in the write's transaction
 *   await hub.end(tx, "group:<id>", personId);   // every instance ends that person's subscriptions
 *   hub.closeWhere("group:<id>", (key) => …);    // this instance only, at once
 *   await hub.stop();                             // after the app has closed, before the pool
 *
 * `subscribe` resolves once the hub is listening, so a caller that then reads what it missed from
 * its own table cannot fall in a gap between the two (live-stream.ts does exactly that). It
 * rejects with LiveUnavailable while the database is away. The hub has no words of any feature:
 * topics and keys are the caller's strings.
 */
import { ListenConnection, LiveUnavailable } from "./listen-connection.js";
import { endLive, LIVE_CHANNEL, type LiveEvent, publishLive, readLiveMessage } from "./publish.js";

export { LiveUnavailable };

export type LiveListener = {
  event(event: LiveEvent): void;
  /** The hub lost its connection and has it back: events in between may be missing. */
  missed?(): void;
  /** The subscription is over: ended on purpose ("closed"), or the hub stopped ("stopped"). */
  ended?(why: "closed" | "stopped"): void;
};

export type LiveHub = {
  /** publishLive: tells every instance's subscribers of `topic`, once `executor` commits. */
  publish: typeof publishLive;
  /** endLive: ends every instance's subscriptions to `topic` under `key`, once `executor` commits. */
  end: typeof endLive;
  /** Hears `topic` under `key` (whose subscription it is); resolves to the unsubscribe. */
  subscribe(topic: string, key: string, listener: LiveListener): Promise<() => void>;
  /** Ends this instance's subscriptions to `topic` whose key is `match` or passes it; how many. */
  closeWhere(topic: string, match: string | ((key: string) => boolean)): number;
  /** Subscriptions hearing events on this instance (of one topic, or all). */
  count(topic?: string): number;
  /** Ends every subscription and closes the connection; the hub cannot be used again. */
  stop(): Promise<void>;
};

type Subscription = { key: string; listener: LiveListener; ready: boolean };

export type LiveHubOptions = {
  connectionString: string;
  log?: { warn(message: string): void };
  retry?: { firstMs: number; maxMs: number };
};

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const topics = new Map<string, Set<Subscription>>();
  let stopped = false;

  const each = (work: (subscription: Subscription) => void) => {
    for (const subscriptions of topics.values()) for (const s of [...subscriptions]) work(s);
  };
  // One subscriber's failure must not keep the event from the others.
  const failed = (error: unknown) =>
    options.log?.warn(
      `A live subscriber failed: ${error instanceof Error ? error.message : error}`,
    );
  const safely = (work: () => void) => {
    try {
      work();
    } catch (error) {
      failed(error);
    }
  };

  const remove = (topic: string, subscription: Subscription): boolean => {
    const subscriptions = topics.get(topic);
    if (!subscriptions?.delete(subscription)) return false;
    if (subscriptions.size === 0) topics.delete(topic);
    return true;
  };

  const closeWhere = (topic: string, match: string | ((key: string) => boolean)): number => {
    const matches = typeof match === "string" ? (key: string) => key === match : match;
    let closed = 0;
    for (const subscription of [...(topics.get(topic) ?? [])]) {
      if (!matches(subscription.key) || !remove(topic, subscription)) continue;
      closed += 1;
      safely(() => subscription.listener.ended?.("closed"));
    }
    return closed;
  };

  const connection = new ListenConnection({
    connectionString: options.connectionString,
    channel: LIVE_CHANNEL,
    ...(options.log ? { log: options.log } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    wanted: () => topics.size > 0,
    onResumed: () => each((s) => s.ready && safely(() => s.listener.missed?.())),
    onMessage(payload) {
      const message = readLiveMessage(payload);
      if (!message) return;
      if (message.type === "end") {
        closeWhere(message.topic, message.key);
        return;
      }
      const { event } = message;
      // The fan-out's hot loop: no closure per subscriber.
      for (const subscription of [...(topics.get(event.topic) ?? [])]) {
        try {
          subscription.listener.event(event);
        } catch (error) {
          failed(error);
        }
      }
    },
  });

  return {
    publish: publishLive,
    end: endLive,
    closeWhere,
    async subscribe(topic, key, listener) {
      if (stopped) throw new LiveUnavailable();
      const subscription: Subscription = { key, listener, ready: false };
      const subscriptions = topics.get(topic) ?? new Set();
      topics.set(topic, subscriptions.add(subscription));
      try {
        await connection.ensure();
      } catch (error) {
        remove(topic, subscription);
        throw error;
      }
      subscription.ready = true;
      return () => void remove(topic, subscription);
    },
    count(topic) {
      const among = topic === undefined ? [...topics.values()] : [topics.get(topic) ?? []];
      let ready = 0;
      for (const subscriptions of among) for (const s of subscriptions) if (s.ready) ready += 1;
      return ready;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const open = [...topics.values()].flatMap((subscriptions) => [...subscriptions]);
      topics.clear();
      for (const subscription of open) safely(() => subscription.listener.ended?.("stopped"));
      await connection.stop();
    },
  };
}

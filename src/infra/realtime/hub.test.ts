import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createLiveHub, type LiveHub, type LiveListener } from "./hub.js";
import type { LiveEvent } from "./publish.js";

let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await buildTestApp();
  // A second instance behind the same load balancer: its own hub, the same database.
  second = await buildTestApp({ sharing: first });
});

afterAll(async () => {
  await second?.close();
  await first?.close();
});

/** A subscriber that keeps what it hears, and waits for it. */
function recorder() {
  const events: LiveEvent[] = [];
  const ends: string[] = [];
  let missed = 0;
  let wake: () => void = () => undefined;
  const changed = () => wake();
  const listener: LiveListener = {
    event: (event) => {
      events.push(event);
      changed();
    },
    missed: () => {
      missed += 1;
      changed();
    },
    ended: (why) => {
      ends.push(why);
      changed();
    },
  };
  return {
    listener,
    events,
    ends,
    missed: () => missed,
    async until(condition: () => boolean, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error("waited in vain");
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 20);
        });
      }
    },
  };
}

const topic = (name: string) => `test:${name}:${Math.random().toString(36).slice(2)}`;

describe("the live hub", () => {
  it("opens no connection until someone subscribes", async () => {
    const idle = await buildTestApp({ sharing: first });
    try {
      const before = await countListeners(first);
      const t = topic("lazy");
      const heard = recorder();
      expect(await countListeners(first)).toBe(before);
      await idle.app.deps.live.subscribe(t, "ada", heard.listener);
      expect(await countListeners(first)).toBe(before + 1);
    } finally {
      await idle.close();
    }
  });

  it("delivers an event published in a committed transaction to a subscriber on another instance in under a second", async () => {
    const t = topic("commit");
    const heard = recorder();
    await second.app.deps.live.subscribe(t, "ada", heard.listener);
    const began = performance.now();
    await first.app.deps.db.transaction(async (tx) => {
      await first.app.deps.live.publish(tx, t, { id: 7, kind: "post", data: { threadId: "x" } });
    });
    await heard.until(() => heard.events.length === 1);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(heard.events).toEqual([{ topic: t, id: 7, kind: "post", data: { threadId: "x" } }]);
  });

  it("delivers nothing for a rolled-back transaction", async () => {
    const t = topic("rollback");
    const heard = recorder();
    await second.app.deps.live.subscribe(t, "ada", heard.listener);
    await expect(
      first.app.deps.db.transaction(async (tx) => {
        await first.app.deps.live.publish(tx, t, { id: 1, kind: "post" });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    // Notifications arrive in commit order: once this one is here, the first would have been.
    await first.app.deps.live.publish(first.app.deps.db, t, { id: 2, kind: "post" });
    await heard.until(() => heard.events.length > 0);
    expect(heard.events.map((e) => e.id)).toEqual([2]);
  });

  it("hands each event only to its own topic's subscribers, on every instance", async () => {
    const t = topic("mine");
    const here = recorder();
    const there = recorder();
    const elsewhere = recorder();
    await first.app.deps.live.subscribe(t, "ada", here.listener);
    await second.app.deps.live.subscribe(t, "bea", there.listener);
    await second.app.deps.live.subscribe(topic("other"), "ada", elsewhere.listener);
    await first.app.deps.live.publish(first.app.deps.db, t, { kind: "reaction" });
    await here.until(() => here.events.length === 1);
    await there.until(() => there.events.length === 1);
    expect(elsewhere.events).toEqual([]);
  });

  it("closeWhere ends the matching subscriptions of the topic only, and the others still hear", async () => {
    const hub = second.app.deps.live;
    const t = topic("close");
    const other = topic("close-other");
    const ada = recorder();
    const adaElsewhere = recorder();
    const bea = recorder();
    const cy = recorder();
    await hub.subscribe(t, "ada", ada.listener);
    await hub.subscribe(other, "ada", adaElsewhere.listener);
    await hub.subscribe(t, "bea", bea.listener);
    await hub.subscribe(t, "cy", cy.listener);

    expect(hub.closeWhere(t, "ada")).toBe(1);
    expect(hub.closeWhere(t, (key) => key.startsWith("c"))).toBe(1);
    expect(ada.ends).toEqual(["closed"]);
    expect(cy.ends).toEqual(["closed"]);
    expect(hub.count(t)).toBe(1);

    await hub.publish(first.app.deps.db, t, { kind: "post" });
    await hub.publish(first.app.deps.db, other, { kind: "post" });
    await bea.until(() => bea.events.length === 1);
    await adaElsewhere.until(() => adaElsewhere.events.length === 1);
    expect(ada.events).toEqual([]);
    expect(cy.events).toEqual([]);
    expect(bea.ends).toEqual([]);
  });

  it("ends a key's subscriptions on every instance when an ending commits, and not when it rolls back", async () => {
    const t = topic("end");
    const adaHere = recorder();
    const adaThere = recorder();
    const bea = recorder();
    await first.app.deps.live.subscribe(t, "ada", adaHere.listener);
    await second.app.deps.live.subscribe(t, "ada", adaThere.listener);
    await second.app.deps.live.subscribe(t, "bea", bea.listener);

    await expect(
      first.app.deps.db.transaction(async (tx) => {
        await first.app.deps.live.end(tx, t, "ada");
        throw new Error("the removal failed");
      }),
    ).rejects.toThrow("the removal failed");
    await first.app.deps.live.publish(first.app.deps.db, t, { kind: "post" });
    await adaThere.until(() => adaThere.events.length === 1);
    expect(adaThere.ends).toEqual([]);

    await first.app.deps.db.transaction(async (tx) => {
      await first.app.deps.live.end(tx, t, "ada");
    });
    await adaHere.until(() => adaHere.ends.length === 1);
    await adaThere.until(() => adaThere.ends.length === 1);
    expect(second.app.deps.live.count(t)).toBe(1);
    expect(bea.ends).toEqual([]);
  });

  it("sends an event too large for NOTIFY without its data, marked truncated, and keeps the write", async () => {
    const t = topic("large");
    const heard = recorder();
    await second.app.deps.live.subscribe(t, "ada", heard.listener);
    await first.app.deps.live.publish(first.app.deps.db, t, {
      id: 3,
      kind: "post",
      data: { words: "x".repeat(10_000) },
    });
    await heard.until(() => heard.events.length === 1);
    expect(heard.events[0]).toEqual({ topic: t, id: 3, kind: "post", truncated: true });
  });

  it("refuses an event kind that could break the stream's framing", async () => {
    await expect(
      first.app.deps.live.publish(first.app.deps.db, topic("kind"), { kind: "post\ndata: x" }),
    ).rejects.toThrow(TypeError);
  });

  it("reconnects when its connection is killed, tells subscribers they may have missed events, and delivers again", async () => {
    const t = topic("reconnect");
    const heard = recorder();
    await second.app.deps.live.subscribe(t, "ada", heard.listener);
    const killed = await first.database.pool.query(
      `select pg_terminate_backend(pid) as done from pg_stat_activity
        where application_name = 'mutua-live' and datname = current_database()`,
    );
    expect(killed.rows.length).toBeGreaterThan(0);
    await heard.until(() => heard.missed() >= 1);
    await first.app.deps.live.publish(first.app.deps.db, t, { id: 9, kind: "post" });
    await heard.until(() => heard.events.length === 1);
    expect(heard.events[0]?.id).toBe(9);
  });

  it("refuses to subscribe while the database cannot be reached, and stops cleanly", async () => {
    const hub: LiveHub = createLiveHub({
      connectionString: "postgres://nobody:nothing@127.0.0.1:9/none",
    });
    await expect(hub.subscribe("t", "ada", recorder().listener)).rejects.toThrow(
      "Live updates are not available just now.",
    );
    expect(hub.count()).toBe(0);
    await hub.stop();
  });

  it("ends every subscription when stopped, and takes no new ones", async () => {
    const hub = createLiveHub({ connectionString: first.databaseUrl });
    const heard = recorder();
    await hub.subscribe(topic("stop"), "ada", heard.listener);
    await hub.stop();
    expect(heard.ends).toEqual(["stopped"]);
    await expect(hub.subscribe(topic("stop"), "ada", heard.listener)).rejects.toThrow();
  });
});

async function countListeners(app: TestApp): Promise<number> {
  const result = await app.app.deps.db.execute<{ count: number }>(
    sql`select count(*)::int as count from pg_stat_activity
         where application_name = 'mutua-live' and datname = current_database()`,
  );
  return result.rows[0]?.count ?? 0;
}

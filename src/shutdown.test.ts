import http from "node:http";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./test/build-app.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("closing the app", () => {
  it("waits for a request whose browser has gone until its handler has finished with the database", async () => {
    t = await buildTestApp();
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === "string") throw new Error("not listening");

    // Another connection holds the difficulties, so the directory's search waits on them.
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("lock table difficulties in access exclusive mode");
    let released = false;
    try {
      const request = http.get(`http://127.0.0.1:${address.port}/groups?difficulty=dementia-care`);
      request.on("error", () => undefined);
      // The person gives up while the search waits.
      await waitFor(async () => (await waitingOnLock(t!.databaseUrl)) > 0);
      request.destroy();

      let closed = false;
      const closing = t.app.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false);

      await blocker.query("commit");
      released = true;
      await closing;
      expect(closed).toBe(true);
      // The handler ran to its end on an open pool: nothing failed.
      expect(t.logs.join("")).not.toContain("request failed");
      expect(await t.database.pool.query("select 1 as one")).toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      if (!released) await blocker.query("rollback");
      await blocker.end();
    }
  });
});

/** Sessions waiting on a lock, seen from a connection of its own (a transaction sees a snapshot). */
async function waitingOnLock(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ waiting: number }>(
      "select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
    );
    return rows[0]?.waiting ?? 0;
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

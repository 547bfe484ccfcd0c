import type { TestApp } from "./build-app.js";

/**
 * Runs `act` while another change lands at the very moment of one of its statements: a trigger
 * runs `statement` (PL/pgSQL, with `new` as the row) `when` a row is written to `table`, and is
 * taken away afterwards. Races that need two requests in the same millisecond, made certain.
 */
export async function atTheSameMoment<T>(
  t: TestApp,
  change: { table: string; when: "before insert" | "after update"; statement: string },
  act: () => Promise<T>,
): Promise<T> {
  await t.database.pool.query(`
    create function test_same_moment() returns trigger language plpgsql as $$
      begin ${change.statement}; return new; end $$;
    create trigger test_same_moment ${change.when} on ${change.table}
      for each row execute function test_same_moment();`);
  try {
    return await act();
  } finally {
    await t.database.pool.query(`
      drop trigger test_same_moment on ${change.table};
      drop function test_same_moment();`);
  }
}

/**
 * Another request's transaction, left open: it makes changes and takes locks (`query`), and
 * commits when told, once the requests under test wait for it (`waitForWaiting`).
 */
export async function anotherTransaction(t: TestApp) {
  const client = await t.database.pool.connect();
  await client.query("begin");
  let committed = false;
  return {
    query: (text: string, values: unknown[] = []) => client.query(text, values),
    /** Resolves once `count` statements wait on a lock, after three seconds, or on commit. */
    async waitForWaiting(count = 1) {
      const deadline = Date.now() + 3000;
      while (!committed && Date.now() < deadline) {
        const waiting = await t.database.pool.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting.rows[0].n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async commit() {
      committed = true;
      try {
        await client.query("commit");
      } finally {
        client.release();
      }
    },
  };
}

/**
 * Runs `act` while another transaction has made a change (`statement`) and not yet committed it,
 * and commits it once `act` waits for it: the other request got there first by a hair. If `act`
 * does not wait (it takes no lock the change holds), the change is committed once `act` is done
 * or after three seconds.
 */
export async function whileAnotherCommits<T>(
  t: TestApp,
  statement: { text: string; values: unknown[] },
  act: () => Promise<T>,
): Promise<T> {
  const other = await anotherTransaction(t);
  let acting: Promise<T> | undefined;
  try {
    await other.query(statement.text, statement.values);
    acting = act();
    await Promise.race([other.waitForWaiting(), acting.catch(() => undefined)]);
  } finally {
    await other.commit();
  }
  return acting;
}

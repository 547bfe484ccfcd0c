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

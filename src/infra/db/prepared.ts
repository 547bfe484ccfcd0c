import type { Database, Executor } from "./database.js";

const prepared = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per database and prepared by name: the query builder's work is skipped on
 * every later call, and PostgreSQL plans it once per connection. The hot reads of every page use
 * it; inside a transaction (a different executor) the caller builds the query as usual.
 */
export function preparedQuery<T>(db: Executor, name: string, build: (db: Executor) => T): T {
  if (!isDatabase(db)) return build(db);
  let byName = prepared.get(db);
  if (!byName) {
    byName = new Map();
    prepared.set(db, byName);
  }
  let query = byName.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    byName.set(name, query);
  }
  return query;
}

/** Whether an executor is the database itself (not an open transaction). */
function isDatabase(db: Executor): db is Database {
  return "transaction" in db && !("rollback" in db);
}

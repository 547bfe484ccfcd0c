import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * `"table" ("column", ...)` for a set-based `insert into … select`, named from the feature's own
 * Drizzle table: a column renamed or dropped there fails the build here, not a generator run.
 */
export function insertInto(table: PgTable, columns: readonly PgColumn[]): SQL {
  for (const column of columns) {
    if (column.table !== table) throw new Error(`${column.name} is not a column of this table`);
  }
  const names = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  return sql`${sql.identifier(getTableName(table))} (${names})`;
}

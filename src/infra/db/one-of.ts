import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * The check that a text column holds one of a fixed list of words. The same list types the
 * column (`text(name, { enum: list })`), names the TypeScript union and makes the zod input
 * (`z.enum(list)`): a state or a role is declared once. The SQL is written as the migrations
 * already have it ("x in ('a', 'b')"), so declaring it here changes no table.
 */
export function oneOf(column: AnyPgColumn | SQL, values: readonly string[]): SQL {
  for (const value of values) {
    if (!/^[a-z_]+$/.test(value)) throw new Error(`not a plain word for a check: ${value}`);
  }
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

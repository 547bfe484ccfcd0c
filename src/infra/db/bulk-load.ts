import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./database.js";

/**
 * For loading many rows at once, in the caller's transaction: drops the tables' secondary
 * indexes, foreign keys, and the primary keys and unique constraints no foreign key depends on,
 * and returns the statements that put them back, as PostgreSQL's own catalog writes them.
 * Building an index once over all rows, and checking a foreign key with one join, is several
 * times quicker than keeping them up row by row (PostgreSQL's manual, "Populating a Database"):
 * the scale generator's 742,000 memberships took 36 s with them, 4–6 s without. A failure leaves
 * the schema as it was, and a duplicate or a dangling reference still fails the whole load when
 * they come back.
 */
export async function setAsideIndexesAndConstraints(
  tx: Executor,
  tables: string[],
): Promise<[string, SQL][]> {
  const names = sql.join(
    tables.map((t) => sql`${t}::regclass`),
    sql`, `,
  );
  const keys = await tx.execute<{ name: string; table: string; definition: string }>(sql`
    select c.conname as name, c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype in ('p', 'u') and c.conrelid in (${names})
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
    order by 2, 1`);
  const indexes = await tx.execute<{ name: string; definition: string }>(sql`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid in (${names})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 1`);
  const foreignKeys = await tx.execute<{ name: string; table: string; definition: string }>(sql`
    select conname as name, conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and conrelid in (${names})
    order by 2, 1`);
  // Index builds may use more memory than row-by-row upkeep needs; for this transaction only.
  await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
  const restore: [string, SQL][] = [];
  // The definitions come from pg_get_constraintdef and pg_get_indexdef, and table and index
  // names from regclass (quoted as needed): PostgreSQL's own text, nothing from input.
  const constraints = [...foreignKeys.rows, ...keys.rows];
  for (const key of constraints) {
    await tx.execute(
      sql`alter table ${sql.raw(key.table)} drop constraint ${sql.identifier(key.name)}`,
    );
  }
  for (const index of indexes.rows) {
    await tx.execute(sql`drop index ${sql.raw(index.name)}`);
  }
  for (const key of keys.rows) {
    restore.push([
      `key ${key.name}`,
      sql`alter table ${sql.raw(key.table)} add constraint ${sql.identifier(key.name)} ${sql.raw(key.definition)}`,
    ]);
  }
  for (const index of indexes.rows) {
    restore.push([`index ${index.name}`, sql.raw(index.definition)]);
  }
  for (const key of foreignKeys.rows) {
    restore.push([
      `foreign key ${key.name}`,
      sql`alter table ${sql.raw(key.table)} add constraint ${sql.identifier(key.name)} ${sql.raw(key.definition)}`,
    ]);
  }
  return restore;
}

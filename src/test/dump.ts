import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";

const pgDump = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"].find((p) =>
  existsSync(p),
);

/**
 * The whole database as text: pg_dump's plain output where the PostgreSQL client tools are
 * installed, otherwise every row of every table read through SQL.
 */
export async function dumpDatabase(url: string): Promise<string> {
  if (pgDump) {
    try {
      return execFileSync(pgDump, ["--data-only", "--no-owner", url], {
        encoding: "utf8",
        maxBuffer: 256 << 20,
      });
    } catch {
      // A newer server than the client tools: fall back to reading every table.
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query(`select t::text as row from ${name} t`);
      parts.push(`-- ${name}`, ...rows.rows.map((r) => String(r.row)));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

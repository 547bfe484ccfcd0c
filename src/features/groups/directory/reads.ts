import { and, arrayOverlaps, asc, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../infra/db/database.js";
import type { Language } from "../../../infra/i18n/i18n.js";
import { dateTimeFormat } from "../../../infra/i18n/intl-cache.js";
import { findPlace, type Place } from "../../../infra/places/find-place.js";
import { difficultyNames, listDifficulties } from "../../difficulties/reads.js";
import { groupLanguages } from "../inputs.js";
import { groupDifficulties, groups } from "../tables.js";
import { type AccessNeed, PAGE_SIZE, type SearchCriteria } from "./inputs.js";

/** The columns a public search may read: nothing private is ever selected. */
export type ListedGroupRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: string;
  openToAnyDifficulty: boolean;
  languages: string[];
  format: string;
  town: string | null;
  country: string | null;
  /** Null unless the group chose to publish its address. */
  venueName: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  stepFree: boolean;
  accessibleToilet: boolean;
  hearingLoop: boolean;
  parking: boolean;
  nearPublicTransport: boolean;
  timeZone: string;
  scheduleKind: string;
  /** The first meeting's date, only while it is still to come. */
  startsOn: string | null;
  startTime: string | null;
  durationMinutes: number;
  weekday: number | null;
  capacity: number;
  activeMemberCount: number;
  joiningPolicy: string;
  /** Metres from the searched place, over the group's public (rounded) point. */
  distanceMetres: number | null;
};

export type GroupDifficulty = { slug: string; name: string };

export type SearchResult =
  | {
      ok: true;
      /** The town the search was made around, as found from what was typed. */
      place: Place | null;
      results: { group: ListedGroupRow; difficulties: GroupDifficulty[] }[];
      total: number;
    }
  | { ok: false; reason: "UNKNOWN_PLACE" | "UNKNOWN_DIFFICULTY" };

export type SearchOptions = {
  now: Date;
  /** The reader's language: difficulties are named in it, and it hints at the country meant. */
  language: Language;
};

/** Towns called the same in several countries: an Italian reader most likely means Italy's. */
const countryHint: Record<Language, string | undefined> = { it: "IT", en: undefined };

const accessColumns: Record<AccessNeed, SQL> = {
  step_free: sql`${groups.stepFree}`,
  accessible_toilet: sql`${groups.accessibleToilet}`,
  hearing_loop: sql`${groups.hearingLoop}`,
  parking: sql`${groups.parking}`,
  near_public_transport: sql`${groups.nearPublicTransport}`,
};

const timeRanges: Record<SearchCriteria["times"][number], SQL> = {
  morning: sql`${groups.startTime} < '12:00'`,
  afternoon: sql`(${groups.startTime} >= '12:00' and ${groups.startTime} < '17:00')`,
  evening: sql`${groups.startTime} >= '17:00'`,
};

const either = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;

/**
 * The public directory: listed, active groups only, matching every criterion given, nearest
 * first when a place is given, then by name; one page of PAGE_SIZE. The route owns
 * authorization; there is none to own here, since nothing read is private.
 */
export async function searchGroups(
  db: Database,
  criteria: SearchCriteria,
  options: SearchOptions,
): Promise<SearchResult> {
  // Only difficulties still offered can be searched for (a retired one is no longer listed).
  const offered = await listDifficulties(db, options.language);
  const offeredSlugs = new Set(offered.map((d) => d.slug));
  if (criteria.difficulties.some((slug) => !offeredSlugs.has(slug))) {
    return { ok: false, reason: "UNKNOWN_DIFFICULTY" };
  }

  let place: Place | null = null;
  if (criteria.place) {
    place = await findPlace(db, criteria.place, {
      language: options.language,
      country: countryHint[options.language],
    });
    if (!place) return { ok: false, reason: "UNKNOWN_PLACE" };
  }

  // Literal values, not parameters: the planner can then match the partial indexes' WHERE.
  const where: SQL[] = [sql`${groups.visibility} = 'listed'`, sql`${groups.status} = 'active'`];

  if (criteria.text) {
    where.push(
      either([
        sql`${groups.search} @@ websearch_to_tsquery('simple', immutable_unaccent(${criteria.text}))`,
        sql`immutable_unaccent(lower(${groups.name})) % immutable_unaccent(lower(${criteria.text}))`,
      ]),
    );
  }
  if (criteria.difficulties.length > 0) {
    where.push(
      either([
        sql`${groups.openToAnyDifficulty}`,
        sql`exists (select 1 from ${groupDifficulties} where ${groupDifficulties.groupId} = ${groups.id} and ${inArray(groupDifficulties.difficultySlug, criteria.difficulties)})`,
      ]),
    );
  }
  if (criteria.audience) {
    where.push(inArray(groups.audience, [criteria.audience, "both"]));
  }

  let distance = sql<number | null>`null::float8`;
  if (place) {
    const radiusMetres = criteria.radiusKm * 1000;
    const centre = sql`ll_to_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
    const point = sql`ll_to_earth(${groups.publicLatitude}, ${groups.publicLongitude})`;
    distance = sql<
      number | null
    >`case when ${groups.publicLatitude} is not null and ${groups.publicLongitude} is not null then earth_distance(${centre}, ${point}) end`;
    // earth_box @> point is what the GiST index groups_public_point_idx answers; the exact
    // distance then trims the box's corners.
    const near = sql`(${groups.format} in ('in_person', 'hybrid') and ${groups.publicLatitude} is not null and ${groups.publicLongitude} is not null and earth_box(${centre}, ${radiusMetres}::float8) @> ${point} and earth_distance(${centre}, ${point}) <= ${radiusMetres}::float8)`;
    where.push(
      criteria.includeRemote
        ? either([near, sql`${groups.format} in ('online', 'telephone', 'hybrid')`])
        : near,
    );
  }
  if (criteria.languages.length > 0) {
    where.push(arrayOverlaps(groups.languages, criteria.languages));
  }
  if (criteria.days.length > 0) {
    where.push(inArray(groups.weekday, criteria.days));
  }
  if (criteria.times.length > 0) {
    where.push(either(criteria.times.map((time) => timeRanges[time])));
  }
  for (const need of criteria.access) where.push(accessColumns[need]);
  if (criteria.placesFree) {
    where.push(sql`${groups.activeMemberCount} < ${groups.capacity}`);
  }

  const published = (column: SQL) =>
    sql<string | null>`case when ${groups.publishAddress} then ${column} end`;
  const rows = await db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      description: groups.description,
      audience: groups.audience,
      openToAnyDifficulty: groups.openToAnyDifficulty,
      languages: groups.languages,
      format: groups.format,
      town: groups.town,
      country: groups.country,
      venueName: published(sql`${groups.venueName}`),
      streetAddress: published(sql`${groups.streetAddress}`),
      postalCode: published(sql`${groups.postalCode}`),
      stepFree: groups.stepFree,
      accessibleToilet: groups.accessibleToilet,
      hearingLoop: groups.hearingLoop,
      parking: groups.parking,
      nearPublicTransport: groups.nearPublicTransport,
      timeZone: groups.timeZone,
      scheduleKind: groups.scheduleKind,
      startsOn: groups.startsOn,
      startTime: groups.startTime,
      durationMinutes: groups.durationMinutes,
      weekday: groups.weekday,
      capacity: groups.capacity,
      activeMemberCount: groups.activeMemberCount,
      joiningPolicy: groups.joiningPolicy,
      distanceMetres: distance.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(groups)
    .where(and(...where))
    .orderBy(sql`${distance} asc nulls last`, asc(groups.name), asc(groups.id))
    .limit(PAGE_SIZE)
    .offset((criteria.page - 1) * PAGE_SIZE);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && criteria.page > 1) {
    // Past the last page the window count has no row to ride on: count on its own.
    const [counted] = await db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(groups)
      .where(and(...where));
    total = counted?.total ?? 0;
  }

  const names = await difficultiesOf(
    db,
    rows.map((row) => row.id),
    offered,
    options.language,
  );
  return {
    ok: true,
    place,
    total,
    results: rows.map(({ total: _, ...group }) => ({
      group: { ...group, startsOn: laterThan(group.startsOn, group.timeZone, options.now) },
      difficulties: names.get(group.id) ?? [],
    })),
  };
}

/** A first meeting still to come is worth saying; one in the past is not. */
function laterThan(startsOn: string | null, timeZone: string, now: Date): string | null {
  if (!startsOn) return null;
  let today: string;
  try {
    today = dateTimeFormat("en-CA", { timeZone }).format(now);
  } catch {
    today = now.toISOString().slice(0, 10);
  }
  return startsOn > today ? startsOn : null;
}

/** Each group's difficulties, named in the reader's language, in the taxonomy's order. */
async function difficultiesOf(
  db: Database,
  groupIds: string[],
  offered: GroupDifficulty[],
  language: Language,
): Promise<Map<string, GroupDifficulty[]>> {
  const byGroup = new Map<string, GroupDifficulty[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .select({ groupId: groupDifficulties.groupId, slug: groupDifficulties.difficultySlug })
    .from(groupDifficulties)
    .where(inArray(groupDifficulties.groupId, groupIds));
  const names = new Map(offered.map((d) => [d.slug, d.name]));
  const retired = [...new Set(rows.map((row) => row.slug))].filter((slug) => !names.has(slug));
  const retiredNames = await difficultyNames(db, retired, language);
  for (const [index, slug] of retired.entries()) names.set(slug, retiredNames[index] ?? slug);
  // Offered ones in the taxonomy's order, then any retired ones.
  const order = new Map([...names.keys()].map((slug, index) => [slug, index]));
  for (const row of rows) {
    const list = byGroup.get(row.groupId) ?? [];
    list.push({ slug: row.slug, name: names.get(row.slug) ?? row.slug });
    byGroup.set(row.groupId, list);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
  }
  return byGroup;
}

/**
 * The languages a group can name, for the form's choices. A fixed list: asking the database which
 * languages listed groups use scanned every group on every page view (153 ms at 100,000 groups).
 */
export async function listDirectoryLanguages(_db: Database): Promise<string[]> {
  return [...groupLanguages];
}

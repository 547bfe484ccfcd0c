import { and, asc, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { findPlace, type Place } from "../../infra/places/find-place.js";
import { type DifficultyOption, listDifficulties } from "../difficulties/reads.js";
import {
  type Audience,
  type Format,
  groupDifficulties,
  groups,
  type JoiningPolicy,
  type ScheduleKind,
} from "../groups/tables.js";
import {
  type AccessNeed,
  accessNeeds,
  PAGE_SIZE,
  type SearchCriteria,
  timesOfDay,
} from "./inputs.js";
import { difficultiesOf, laterThan } from "./results/reads.js";

/** The columns a public search may read: nothing private is ever selected. */
export type ListedGroupRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  openToAnyDifficulty: boolean;
  languages: string[];
  /** The language the group wrote its words in, when it said (see writtenLanguage). */
  writtenIn: string | null;
  format: Format;
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
  scheduleKind: ScheduleKind;
  rrule: string | null;
  /** The first meeting's date, only while it is still to come. */
  startsOn: string | null;
  startTime: string | null;
  durationMinutes: number;
  weekday: number | null;
  capacity: number;
  activeMemberCount: number;
  waitlistCount: number;
  joiningPolicy: JoiningPolicy;
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
      /** The difficulties a search can name, read on the way: the form offers the same. */
      offered: DifficultyOption[];
    }
  | { ok: false; reason: "UNKNOWN_PLACE" | "UNKNOWN_DIFFICULTY"; offered: DifficultyOption[] };

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
const value = (name: string) => sql.placeholder(name);

/**
 * Which criteria a search uses. Each shape is one statement, built by the query builder once;
 * what is searched for (the words, the place, the days…) goes in as values. Every part that
 * decides which index answers (the place, the words, the difficulties, the languages) is in the
 * shape.
 */
type Shape = {
  text: boolean;
  difficulties: boolean;
  audience: boolean;
  place: boolean;
  remote: boolean;
  languages: boolean;
  days: boolean;
  times: boolean;
  access: boolean;
  placesFree: boolean;
  formats: boolean;
  openToAnyOnly: boolean;
  takingNewcomers: boolean;
};

const shapeOf = (criteria: SearchCriteria, place: Place | null): Shape => ({
  text: Boolean(criteria.text),
  difficulties: criteria.difficulties.length > 0,
  audience: Boolean(criteria.audience),
  place: place !== null,
  remote: place !== null && criteria.includeRemote,
  languages: criteria.languages.length > 0,
  days: criteria.days.length > 0,
  times: criteria.times.length > 0,
  access: criteria.access.length > 0,
  placesFree: criteria.placesFree,
  formats: (criteria.formats?.length ?? 0) > 0,
  openToAnyOnly: criteria.openToAnyOnly === true,
  takingNewcomers: criteria.takingNewcomers === true,
});

const shapeName = (shape: Shape) =>
  Object.values(shape)
    .map((on) => (on ? "1" : "0"))
    .join("");

/** The values a search's statement takes, by placeholder name. */
function valuesOf(criteria: SearchCriteria, place: Place | null) {
  const values: Record<string, unknown> = {
    text: criteria.text ?? "",
    difficulties: criteria.difficulties,
    audience: criteria.audience ?? "",
    latitude: place?.latitude ?? 0,
    longitude: place?.longitude ?? 0,
    radius: criteria.radiusKm * 1000,
    languages: criteria.languages,
    days: criteria.days,
    formats: criteria.formats ?? [],
    limit: PAGE_SIZE,
    offset: (criteria.page - 1) * PAGE_SIZE,
  };
  for (const time of timesOfDay) values[`time_${time}`] = criteria.times.includes(time);
  for (const need of accessNeeds) values[`access_${need}`] = criteria.access.includes(need);
  return values;
}

const centre = sql`ll_to_earth(${value("latitude")}::float8, ${value("longitude")}::float8)`;
const point = sql`ll_to_earth(${groups.publicLatitude}, ${groups.publicLongitude})`;
const distance = (shape: Shape) =>
  shape.place
    ? sql<
        number | null
      >`case when ${groups.publicLatitude} is not null and ${groups.publicLongitude} is not null then earth_distance(${centre}, ${point}) end`
    : sql<number | null>`null::float8`;

/** The conditions of a search of this shape, with its values as placeholders. */
function conditions(shape: Shape): SQL | undefined {
  // Literal values, not parameters: the planner can then match the partial indexes' WHERE.
  const where: SQL[] = [sql`${groups.visibility} = 'listed'`, sql`${groups.status} = 'active'`];
  if (shape.text) {
    where.push(
      either([
        sql`${groups.search} @@ websearch_to_tsquery('simple', immutable_unaccent(${value("text")}::text))`,
        sql`immutable_unaccent(lower(${groups.name})) % immutable_unaccent(lower(${value("text")}::text))`,
      ]),
    );
  }
  if (shape.difficulties) {
    where.push(
      either([
        sql`${groups.openToAnyDifficulty}`,
        sql`exists (select 1 from ${groupDifficulties} where ${groupDifficulties.groupId} = ${groups.id} and ${groupDifficulties.difficultySlug} = any(${value("difficulties")}::text[]))`,
      ]),
    );
  }
  if (shape.audience) {
    where.push(sql`${groups.audience} in (${value("audience")}::text, 'both')`);
  }
  if (shape.place) {
    const radius = sql`${value("radius")}::float8`;
    // earth_box @> point is what the GiST index groups_public_point_idx answers; the exact
    // distance then trims the box's corners.
    const near = sql`(${groups.format} in ('in_person', 'hybrid') and ${groups.publicLatitude} is not null and ${groups.publicLongitude} is not null and earth_box(${centre}, ${radius}) @> ${point} and earth_distance(${centre}, ${point}) <= ${radius})`;
    where.push(
      shape.remote
        ? either([near, sql`${groups.format} in ('online', 'telephone', 'hybrid')`])
        : near,
    );
  }
  if (shape.languages) {
    const spoken = sql`${groups.languages} && ${value("languages")}::text[]`;
    // Around a place the box already narrows the groups to a few hundred. Left indexable, the
    // language would be read from its index too, for half of all groups (Italian): at 100,000
    // groups that took 18 of the search's 28 ms. Wrapped in `is true`, it is checked per group.
    where.push(shape.place ? sql`(${spoken}) is true` : spoken);
  }
  if (shape.days) {
    where.push(sql`${groups.weekday} = any(${value("days")}::int[])`);
  }
  if (shape.times) {
    where.push(
      either(
        timesOfDay.map((time) => sql`(${value(`time_${time}`)}::boolean and ${timeRanges[time]})`),
      ),
    );
  }
  if (shape.access) {
    for (const need of accessNeeds) {
      where.push(sql`(not ${value(`access_${need}`)}::boolean or ${accessColumns[need]})`);
    }
  }
  if (shape.placesFree) {
    // The people waiting come first (see placesForNewcomers), and a group not taking anyone
    // new has no place to offer.
    where.push(
      sql`${groups.activeMemberCount} + ${groups.waitlistCount} < ${groups.capacity} and ${groups.joiningPolicy} <> 'closed'`,
    );
  }
  if (shape.formats) {
    where.push(sql`${groups.format} = any(${value("formats")}::text[])`);
  }
  if (shape.openToAnyOnly) where.push(sql`${groups.openToAnyDifficulty}`);
  if (shape.takingNewcomers) where.push(sql`${groups.joiningPolicy} <> 'closed'`);
  return and(...where);
}

/**
 * The search statements are sent unnamed, so PostgreSQL plans each search for its own values. A
 * named one soon runs a generic plan, which cannot see how small a 25 km box is and reads the
 * language index across every group instead (measured at 10,000 groups: 4.5 ms against 1.7 ms).
 */
const UNNAMED = "";

const published = (column: SQL) =>
  sql<string | null>`case when ${groups.publishAddress} then ${column} end`;

const searchStatement = (shape: Shape) => (db: Executor) =>
  db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      description: groups.description,
      audience: groups.audience,
      openToAnyDifficulty: groups.openToAnyDifficulty,
      languages: groups.languages,
      writtenIn: groups.writtenIn,
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
      rrule: groups.rrule,
      startsOn: groups.startsOn,
      startTime: groups.startTime,
      durationMinutes: groups.durationMinutes,
      weekday: groups.weekday,
      capacity: groups.capacity,
      activeMemberCount: groups.activeMemberCount,
      waitlistCount: groups.waitlistCount,
      joiningPolicy: groups.joiningPolicy,
      distanceMetres: distance(shape).mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(groups)
    .where(conditions(shape))
    .orderBy(sql`${distance(shape)} asc nulls last`, asc(groups.name), asc(groups.id))
    .limit(value("limit"))
    .offset(value("offset"))
    .prepare(UNNAMED);

const countStatement = (shape: Shape) => (db: Executor) =>
  db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(groups)
    .where(conditions(shape))
    .prepare(UNNAMED);

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
    return { ok: false, reason: "UNKNOWN_DIFFICULTY", offered };
  }

  let place: Place | null = null;
  if (criteria.place) {
    place = await findPlace(db, criteria.place, {
      language: options.language,
      country: countryHint[options.language],
    });
    if (!place) return { ok: false, reason: "UNKNOWN_PLACE", offered };
  }

  const shape = shapeOf(criteria, place);
  const name = shapeName(shape);
  const values = valuesOf(criteria, place);
  const rows = await preparedQuery(db, `directory_search_${name}`, searchStatement(shape)).execute(
    values,
  );

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && criteria.page > 1) {
    // Past the last page the window count has no row to ride on: count on its own.
    const [counted] = await preparedQuery(
      db,
      `directory_count_${name}`,
      countStatement(shape),
    ).execute(values);
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
    offered,
    results: rows.map(({ total: _, ...group }) => ({
      group: { ...group, startsOn: laterThan(group.startsOn, group.timeZone, options.now) },
      difficulties: names.get(group.id) ?? [],
    })),
  };
}

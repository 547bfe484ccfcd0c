import { pathToFileURL } from "node:url";
import { type SQL, sql } from "drizzle-orm";
import { loadConfigOrExit } from "../config.js";
import {
  connectDatabase,
  type Database,
  type Executor,
  migrateDatabase,
} from "../infra/db/database.js";
import { openDatabaseForTool } from "../infra/db/open-for-tools.js";
import { englishPeople, firstName, italianPeople } from "../infra/demo/network.js";
import {
  openGroupText,
  scaleFirstMeetings,
  scaleStreets,
  scaleTexts,
  scaleVenues,
} from "../infra/demo/scale-texts.js";
import { translator } from "../infra/i18n/i18n.js";
import { ensurePlacesLoaded } from "../infra/places/load.js";
import { type MonthlyPosition, ruleForChoice, type Weekday } from "../infra/time/recurrence.js";

export type ScaleOptions = {
  /** Groups to make, 1 to 1,000,000. */
  groups: number;
  /** People to make, at least 15 (the largest group's members and waiting list). */
  people: number;
  /** The same seed gives the same rows, ids included; 0 to 2,147,483,647. */
  seed: number;
};

export type ScaleReport = {
  groups: number;
  people: number;
  organisations: number;
  groupDifficulties: number;
  memberships: number;
  oneOffDates: number;
  /** Milliseconds per step, in order. */
  steps: { step: string; ms: number; rows: number }[];
};

/** Where generated groups meet: the towns of the two countries Mutua is first built for. */
const COUNTRIES = ["IT", "GB"];
const MONTHLY_POSITIONS: MonthlyPosition[] = [1, 2, 3, 4, -1];
/** Weekday meetings are commoner than weekend ones. */
const WEEKDAY_PICK: Weekday[] = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 0];
const START_TIMES = [
  "09:30",
  "10:00",
  "10:30",
  "14:30",
  "15:00",
  "16:00",
  "17:30",
  "18:00",
  "18:30",
  "20:00",
  "20:30",
  "21:00",
];
const DURATIONS = [60, 90, 90, 120];
const CAPACITIES = [6, 8, 10, 12, 12, 12, 15, 15, 20, 25];
/** Groups per organisation, roughly; 8% of groups belong to one. */
const GROUPS_PER_ORGANISATION = 2000;

/** A PostgreSQL array parameter (a bare array in Drizzle's sql template becomes a list). */
const array = (values: readonly (string | number)[]) => sql.param(values);

function checkOptions(options: ScaleOptions): void {
  const whole = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!whole(options.groups, 1, 1_000_000)) throw new RangeError("groups: 1 to 1,000,000");
  if (!whole(options.people, 15, 5_000_000)) throw new RangeError("people: 15 to 5,000,000");
  if (!whole(options.seed, 0, 2_147_483_647)) throw new RangeError("seed: 0 to 2,147,483,647");
}

/**
 * Fills the database with `groups` made-up groups around real towns of Italy and Britain
 * (weighted by population: a town of 100,000 gets about ten times the groups of one of 10,000),
 * `people` made-up people, and 3 to 15 memberships per group, all computed inside PostgreSQL from
 * hashes of the seed and the row number: the same seed always gives the same rows, ids included.
 *
 * Every row keeps the app's rules: counts equal to memberships, a facilitator (or a guide in an
 * organisation's group) in each, a difficulty unless open to any, the public point rounded as
 * foundGroup rounds it, schedules from ruleForChoice starting on a matching day. Needs the places
 * table loaded; refuses a seed already generated into this database. It rebuilds the tables'
 * indexes in its transaction, so a server using the same database waits on them until it ends
 * (about 25 s for 100,000 groups here).
 */
export async function generateScaleData(db: Database, options: ScaleOptions): Promise<ScaleReport> {
  checkOptions(options);
  const { seed, people: peopleCount } = options;
  const groupCount = options.groups;
  const organisationCount = Math.max(1, Math.ceil(groupCount / GROUPS_PER_ORGANISATION));
  const steps: ScaleReport["steps"] = [];

  return db.transaction(async (tx) => {
    const step = async (name: string, query: SQL) => {
      const started = performance.now();
      const result = await tx.execute(query);
      steps.push({ step: name, ms: performance.now() - started, rows: result.rowCount ?? 0 });
      return result;
    };
    const taken = await tx.execute(
      sql`select 1 from groups where id = md5(${`${seed}:group:1`})::uuid`,
    );
    if (taken.rows.length > 0) {
      throw new Error(`groups with seed ${seed} are already in this database`);
    }

    const words = await defineWords(tx);
    const restore = await setAsideIndexesAndConstraints(tx, LOADED_TABLES);
    await step(
      "towns",
      sql`create temp table scale_towns on commit drop as
        select name, country, latitude, longitude,
          coalesce(nullif(trim(both '-' from left(regexp_replace(lower(immutable_unaccent(name)), '[^a-z0-9]+', '-', 'g'), 24)), ''), 'town') as town_slug,
          sum(population::bigint) over (order by population desc, id) - population as lo
        from places where country in (${sql.join(
          COUNTRIES.map((c) => sql`${c}`),
          sql`, `,
        )}) and population > 0`,
    );
    await tx.execute(sql`create index on scale_towns (lo)`);
    const totalRow = await tx.execute<{ total: string | null }>(
      sql`select (sum(population::bigint))::text as total from places where country in (${sql.join(
        COUNTRIES.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    const total = totalRow.rows[0]?.total;
    if (!total) throw new Error("the places table is empty: load the list of towns first");

    await step("draws", drawsQuery(seed, groupCount, total));
    await step("plan", planQuery(seed, peopleCount, organisationCount, words));

    await step(
      "organisations",
      sql`insert into organisations (id, name, contact_email, created_at, updated_at)
        select md5(${seed}::text || ':organisation:' || k)::uuid,
          'Support network ' || k || ' (generated)',
          'network-' || ${seed}::text || '-' || k || '@example.org',
          timestamptz '2024-01-01 09:00+00', timestamptz '2024-01-01 09:00+00'
        from generate_series(1, ${organisationCount}::int) k`,
    );
    await step("people", peopleQuery(seed, peopleCount));
    await step(
      "coordinators",
      sql`insert into organisation_coordinators (organisation_id, person_id, created_at)
        select md5(${seed}::text || ':organisation:' || k)::uuid,
          md5(${seed}::text || ':person:' || (1 + (k - 1) % ${peopleCount}::int))::uuid,
          timestamptz '2024-01-01 09:00+00'
        from generate_series(1, ${organisationCount}::int) k`,
    );
    await step("groups", groupsQuery(seed));
    await step(
      "group_difficulties",
      sql`insert into group_difficulties (group_id, difficulty_slug)
        select g.id, w.slug from scale_plan g join scale_words w on w.i = g.d1 where not g.open_any
        union all
        select g.id, w.slug from scale_plan g join scale_words w on w.i = g.d2 where g.d2 is not null`,
    );
    await step(
      "one_off_dates",
      sql`insert into group_one_off_dates (group_id, starts_at_local)
        select g.id, (g.starts_on + 7 * j::int) + g.start_time
        from scale_plan g cross join lateral generate_series(0, g.dates - 1) j
        where g.kind = 'one_off'`,
    );
    await step("memberships", membershipsQuery(seed, peopleCount));
    for (const [name, statement] of restore) await step(name, statement);
    const started = performance.now();
    await tx.execute(sql`analyze groups`);
    await tx.execute(sql`analyze group_difficulties`);
    await tx.execute(sql`analyze memberships`);
    await tx.execute(sql`analyze people`);
    steps.push({ step: "analyze", ms: performance.now() - started, rows: 0 });

    const rows = (name: string) => steps.find((s) => s.step === name)?.rows ?? 0;
    return {
      groups: rows("groups"),
      people: rows("people"),
      organisations: rows("organisations"),
      groupDifficulties: rows("group_difficulties"),
      memberships: rows("memberships"),
      oneOffDates: rows("one_off_dates"),
      steps,
    };
  });
}

/** The tables the generator fills; the others (people's sessions…) are not touched. */
const LOADED_TABLES = ["groups", "group_difficulties", "memberships", "people"];

/**
 * Drops the loaded tables' secondary indexes, foreign keys, and the primary keys and unique
 * constraints no foreign key depends on, and returns the statements that put them back, as
 * PostgreSQL's own catalog writes them. Building an index once over all rows, and checking a
 * foreign key with one join, is several times quicker than keeping them up row by row
 * (PostgreSQL's manual, "Populating a Database"): 742,000 memberships took 36 s with them, 4–6 s
 * without. Everything happens in the generator's transaction: a failure leaves the schema as it
 * was, and a duplicate or a dangling reference still fails the whole load when they come back.
 */
async function setAsideIndexesAndConstraints(
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

/**
 * scale_words: row 0 is the open group's words, rows 1..D the offered difficulties in the
 * taxonomy's order. `pick` lists each difficulty's row number `weight` times, so a draw modulo
 * its length picks difficulties as often as such groups are.
 */
async function defineWords(tx: Executor): Promise<Words> {
  const { rows } = await tx.execute<{ slug: string }>(
    sql`select slug from difficulties where retired_at is null order by sort_order, slug`,
  );
  if (rows.length < 2) throw new Error("the difficulties are not seeded");
  const texts = [openGroupText, ...rows.map((r) => scaleTexts[r.slug] ?? openGroupText)];
  const slugs = ["", ...rows.map((r) => r.slug)];
  await tx.execute(sql`create temp table scale_words on commit drop as
    select (ord - 1)::int as i, nullif(slug, '') as slug, name_it, desc_it, name_en, desc_en
    from unnest(${array(slugs)}::text[], ${array(texts.map((t) => t.it[0]))}::text[],
      ${array(texts.map((t) => t.it[1]))}::text[], ${array(texts.map((t) => t.en[0]))}::text[],
      ${array(texts.map((t) => t.en[1]))}::text[])
      with ordinality as t(slug, name_it, desc_it, name_en, desc_en, ord)`);
  const pick = texts.flatMap((text, i) => (i === 0 ? [] : Array<number>(text.weight).fill(i)));
  return { difficulties: rows.length, pick };
}

type Words = { difficulties: number; pick: number[] };

/**
 * Seventeen 32-bit draws per group from five md5 hashes (each read as two 64-bit numbers, each
 * split in two: reading hex as bits is the costly part), and the town the first draw picks.
 * The hashes are materialized so that each is computed once, not once per use.
 */
function drawsQuery(seed: number, groupCount: number, totalPopulation: string): SQL {
  const halves = [1, 2, 3, 4, 5].flatMap((h) => [
    `('x' || substr(h${h}, 1, 16))::bit(64)::bigint as q${2 * h - 1}`,
    `('x' || substr(h${h}, 17, 16))::bit(64)::bigint as q${2 * h}`,
  ]);
  const draws = Array.from({ length: 17 }, (_, i) => {
    const q = Math.floor(i / 2) + 1;
    return i % 2 === 0
      ? `q${q} & 4294967295 as r${i + 1}`
      : `(q${q} >> 32) & 4294967295 as r${i + 1}`;
  });
  // Column lists written here from constants: nothing in them comes from input.
  return sql`create temp table scale_draws on commit drop as
    with s as materialized (
      select n, ${sql.raw(halves.join(", "))}
      from (
        select n,
          md5(${seed}::text || ':g1:' || n) as h1, md5(${seed}::text || ':g2:' || n) as h2,
          md5(${seed}::text || ':g3:' || n) as h3, md5(${seed}::text || ':g4:' || n) as h4,
          md5(${seed}::text || ':g5:' || n) as h5
        from generate_series(1, ${groupCount}::int) n
      ) hashes
    ), r as materialized (
      select n, ${sql.raw(draws.join(", "))} from s
    )
    select r.*, t.name as town_name, t.country, t.latitude as town_latitude,
      t.longitude as town_longitude, t.town_slug
    from r cross join lateral (
      select * from scale_towns
      where lo <= r.r1 * ${totalPopulation}::bigint / 4294967296
      order by lo desc limit 1
    ) t`;
}

/** Every column of every group, decided from its draws (see the comments for the shares). */
function planQuery(
  seed: number,
  peopleCount: number,
  organisationCount: number,
  words: Words,
): SQL {
  const weeklyRules = WEEKDAY_RULES("weekly");
  const fortnightlyRules = WEEKDAY_RULES("fortnightly");
  const monthlyRules = [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) =>
    MONTHLY_POSITIONS.map((position) =>
      ruleForChoice({ kind: "monthly", weekday: weekday as Weekday, position }),
    ),
  );
  return sql`create temp table scale_plan on commit drop as
    with a as (
      select d.*,
        md5(${seed}::text || ':group:' || n)::uuid as id,
        -- 80% in person, 5% hybrid, 10% online, 5% by telephone
        case when r2 % 100 < 80 then 'in_person' when r2 % 100 < 85 then 'hybrid'
             when r2 % 100 < 95 then 'online' else 'telephone' end as format,
        case when country = 'IT' then
          case when r3 % 100 < 88 then array['it'] when r3 % 100 < 95 then array['it', 'en']
               when r3 % 100 < 98 then array['it', 'de'] else array['en', 'it'] end
        else
          case when r3 % 100 < 92 then array['en'] when r3 % 100 < 96 then array['en', 'it']
               when r3 % 100 < 98 then array['en', 'pl'] else array['en', 'ro'] end
        end as languages,
        r4 % 100 < 3 as open_any,
        (${array(words.pick)}::int[])[1 + r5 % ${words.pick.length}] as d1,
        (${array(CAPACITIES)}::int[])[1 + (r7 / 3) % ${CAPACITIES.length}] as capacity,
        (${array(WEEKDAY_PICK)}::int[])[1 + (r13 / 100) % ${WEEKDAY_PICK.length}] as weekday,
        (r13 / 1200) % 5 as position_index,
        case when r13 % 100 < 45 then 'weekly' when r13 % 100 < 70 then 'fortnightly'
             when r13 % 100 < 95 then 'monthly' else 'one_off' end as kind,
        (r14 / 48) % 1000 as day_offset
      from scale_draws d
    ), b as (
      select a.*,
        languages[1] as text_language,
        case when r6 % 100 < 25 and not open_any
          then 1 + ((d1 - 1) + 1 + (r6 / 128) % ${words.difficulties - 1}) % ${words.difficulties}
        end as d2,
        -- members 3 to 12 (at most the capacity); a full group may have up to 3 waiting
        least(capacity, 3 + r15 % 10) as active,
        case when least(capacity, 3 + r15 % 10) = capacity then (r15 / 10) % 4 else 0 end as waiting,
        case when (r15 / 4000) % 100 < 8 then 1 + (r15 / 400000) % ${organisationCount}::int end as organisation,
        r17 % ${peopleCount}::int as first_person,
        date '2024-01-01' + day_offset::int as day0,
        (date_trunc('month', date '2024-01-01' + make_interval(months => (day_offset % 36)::int)))::date as month0
      from a
    )
    select b.*,
      case kind
        when 'weekly' then (${array(weeklyRules)}::text[])[weekday + 1]
        when 'fortnightly' then (${array(fortnightlyRules)}::text[])[weekday + 1]
        when 'monthly' then (${array(monthlyRules)}::text[])[weekday * 5 + position_index + 1]
      end as rrule,
      case
        when kind in ('weekly', 'fortnightly')
          then day0 + ((weekday - extract(dow from day0)::int + 7) % 7)
        when kind = 'monthly' and position_index < 4
          then month0 + ((weekday - extract(dow from month0)::int + 7) % 7) + 7 * position_index::int
        when kind = 'monthly'
          then (month0 + interval '1 month')::date - 1
               - ((extract(dow from (month0 + interval '1 month')::date - 1)::int - weekday + 7) % 7)
        else date '2026-01-05' + (day_offset % 360)::int
      end as starts_on,
      ((${array(START_TIMES)}::text[])[1 + r14 % ${START_TIMES.length}])::time as start_time,
      (${array(DURATIONS)}::int[])[1 + (r14 / 12) % ${DURATIONS.length}] as duration,
      1 + (r12 / 10000) % 4 as dates,
      md5(${seed}::text || ':person:' || (1 + first_person))::uuid as founder
    from b`;
}

function WEEKDAY_RULES(kind: "weekly" | "fortnightly"): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    ruleForChoice({ kind, weekday: weekday as Weekday }),
  );
}

function peopleQuery(seed: number, peopleCount: number): SQL {
  const names = [...italianPeople, ...englishPeople].map(firstName);
  return sql`insert into people (id, email, display_name, language, created_at, updated_at)
    select md5(${seed}::text || ':person:' || k)::uuid,
      'scale-' || ${seed}::text || '-' || k || '@example.org',
      (${array(names)}::text[])[1 + pick],
      case when pick < ${italianPeople.length} then 'it' else 'en' end,
      timestamptz '2024-01-01 09:00+00', timestamptz '2024-01-01 09:00+00'
    from (
      select k, ('x' || substr(md5(${seed}::text || ':name:' || k), 1, 8))::bit(32)::bigint % ${names.length} as pick
      from generate_series(1, ${peopleCount}::int) k
    ) p`;
}

function groupsQuery(seed: number): SQL {
  const agreementIt = translator("it")("groups.agreement.default");
  const agreementEn = translator("en")("groups.agreement.default");
  const inPerson = sql.raw(`g.format in ('in_person', 'hybrid')`);
  return sql`insert into groups (id, slug, name, description, first_meeting, audience,
      open_to_any_difficulty, languages, format, venue_name, street_address, town, postal_code,
      country, latitude, longitude, publish_address, public_latitude, public_longitude, step_free,
      accessible_toilet, hearing_loop, parking, near_public_transport, video_url, phone_number,
      phone_pin, time_zone, schedule_kind, rrule, starts_on, start_time, duration_minutes, weekday,
      capacity, joining_policy, visibility, status, agreement, active_member_count, waitlist_count,
      organisation_id, founded_by, created_at, updated_at)
    select g.id,
      rtrim(left(coalesce(w.slug, 'open-circle') || '-' || case g.format when 'online' then 'online'
        when 'telephone' then 'telephone' else g.town_slug end, 40), '-')
        || '-s' || ${seed}::text || '-' || g.n,
      case when g.text_language = 'it' then w.name_it else w.name_en end || ', ' ||
        case g.format when 'online' then 'online'
          when 'telephone' then case when g.text_language = 'it' then 'al telefono' else 'by telephone' end
          else g.town_name end,
      case when g.text_language = 'it' then w.desc_it else w.desc_en end,
      case when g.text_language = 'it'
        then (${array(scaleFirstMeetings.it)}::text[])[1 + g.r7 % 3]
        else (${array(scaleFirstMeetings.en)}::text[])[1 + g.r7 % 3] end,
      case when w.slug in ('dementia-care', 'long-term-care', 'adult-child-mental-illness')
        then case when (g.r4 / 100) % 10 < 8 then 'carers' else 'both' end
        else case when (g.r4 / 100) % 10 < 6 then 'living_with' else 'both' end end,
      g.open_any, g.languages, g.format,
      case when ${inPerson} then case when g.text_language = 'it'
        then (${array(scaleVenues.it)}::text[])[1 + g.r8 % 5]
        else (${array(scaleVenues.en)}::text[])[1 + g.r8 % 5] end end,
      case when ${inPerson} then case when g.text_language = 'it'
        then (${array(scaleStreets.it)}::text[])[1 + (g.r8 / 8) % 5] || ' ' || (1 + (g.r8 / 64) % 150)
        else (1 + (g.r8 / 64) % 150) || ' ' || (${array(scaleStreets.en)}::text[])[1 + (g.r8 / 8) % 5] end end,
      case when ${inPerson} then g.town_name end,
      case when ${inPerson} and g.country = 'IT' then (10000 + g.r8 % 89999)::text end,
      case when ${inPerson} then g.country end,
      case when ${inPerson} then p.latitude end,
      case when ${inPerson} then p.longitude end,
      g.r11 % 3 = 0,
      -- rounded as coarse() rounds: Math.round(x * 100) / 100 is floor(x * 100 + 0.5) / 100
      case when ${inPerson} then floor(p.latitude * 100 + 0.5) / 100 end,
      case when ${inPerson} then floor(p.longitude * 100 + 0.5) / 100 end,
      ${inPerson} and (g.r11 / 4) % 2 = 1, ${inPerson} and (g.r11 / 8) % 2 = 1,
      ${inPerson} and (g.r11 / 16) % 4 = 0, ${inPerson} and (g.r11 / 64) % 2 = 1,
      ${inPerson} and (g.r11 / 128) % 3 > 0,
      case when g.format in ('online', 'hybrid')
        then 'https://video.example.org/scale-' || ${seed}::text || '-' || g.n end,
      case when g.format = 'telephone' then
        case when g.country = 'IT' then '+39 0461 000 ' else '+44 1632 960 ' end
          || lpad((g.r12 % 1000)::text, 3, '0') end,
      case when g.format = 'telephone' then lpad(((g.r12 / 1000) % 10000)::text, 4, '0') end,
      case when g.country = 'IT' then 'Europe/Rome' else 'Europe/London' end,
      g.kind, g.rrule, g.starts_on, g.start_time, g.duration,
      case when g.kind <> 'one_off' then g.weekday end,
      g.capacity,
      case when (g.r15 / 40) % 100 < 45 then 'open' when (g.r15 / 40) % 100 < 95 then 'ask' else 'closed' end,
      case when g.r16 % 100 < 97 then 'listed' else 'unlisted' end,
      case when (g.r16 / 100) % 100 < 96 then 'active' when (g.r16 / 100) % 100 < 99 then 'paused' else 'closed' end,
      case when g.text_language = 'it' then ${agreementIt} else ${agreementEn} end,
      g.active, g.waiting,
      case when g.organisation is not null
        then md5(${seed}::text || ':organisation:' || g.organisation)::uuid end,
      g.founder,
      timestamptz '2024-01-01 09:00+00' + make_interval(days => ((g.r16 / 10000) % 700)::int),
      timestamptz '2024-01-01 09:00+00' + make_interval(days => ((g.r16 / 10000) % 700)::int)
    from scale_plan g
    join scale_words w on w.i = case when g.open_any then 0 else g.d1 end
    cross join lateral (
      -- the venue: within about 3 km of the town's centre
      select g.town_latitude + (g.r9::float8 / 4294967296 - 0.5) * 0.05 as latitude,
        g.town_longitude + (g.r10::float8 / 4294967296 - 0.5) * 0.05 / cos(radians(g.town_latitude)) as longitude
    ) p
    order by g.n`;
}

/**
 * The first `active` people of a group are active (the first a facilitator, or a guide in an
 * organisation's group, with a second facilitator in larger groups), the next `waiting` on the
 * waiting list. People are consecutive from the group's first person, so no one is twice in a
 * group (at most 15 rows per group, and there are at least 15 people).
 */
function membershipsQuery(seed: number, peopleCount: number): SQL {
  return sql`insert into memberships (id, group_id, person_id, state, role, agreement_accepted_at,
      waitlisted_at, joined_at, created_at, updated_at)
    select md5(${seed}::text || ':membership:' || g.n || ':' || k)::uuid, g.id,
      md5(${seed}::text || ':person:' || (1 + (g.first_person + k) % ${peopleCount}::int))::uuid,
      case when k < g.active then 'active' else 'waitlisted' end,
      case when k = 0 then case when g.organisation is not null then 'guide' else 'facilitator' end
           when k = 1 and (g.organisation is not null or g.active >= 8) then 'facilitator'
           else 'member' end,
      at, case when k >= g.active then at end, case when k < g.active then at end, at, at
    from scale_plan g
    cross join lateral generate_series(0, g.active + g.waiting - 1) k
    cross join lateral (
      select timestamptz '2024-01-01 09:00+00' + make_interval(days => ((g.r16 / 10000) % 700)::int + 3 * k::int) as at
    ) t`;
}

const say = (line = "") => process.stdout.write(`${line}\n`);
const usage =
  "Usage: npm run generate -- --groups 100000 --people 200000 [--seed 1]\n" +
  "Adds made-up groups, people and memberships to the database Mutua uses (DATABASE_URL or the\n" +
  "built-in one in MUTUA_DATA_DIR): point it at a database kept for trying Mutua at scale.";

function parseArgs(args: string[]): ScaleOptions | null {
  const values = new Map<string, number>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = Number(args[i + 1]);
    if (!name?.startsWith("--") || !Number.isInteger(value)) return null;
    values.set(name.slice(2), value);
  }
  if ([...values.keys()].some((k) => !["groups", "people", "seed"].includes(k))) return null;
  const groups = values.get("groups");
  const people = values.get("people");
  if (groups === undefined || people === undefined) return null;
  return { groups, people, seed: values.get("seed") ?? 1 };
}

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  checkOptions(options);
  const config = loadConfigOrExit();
  const database = await openDatabaseForTool(config);
  try {
    await migrateDatabase(database.url);
    await ensurePlacesLoaded(database.url, { info: say });
    const handle = connectDatabase(database.url, { max: 1 });
    try {
      const started = performance.now();
      const report = await generateScaleData(handle.db, options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(
        `Generated ${report.groups.toLocaleString("en-GB")} groups, ${report.people.toLocaleString("en-GB")} people, ` +
          `${report.memberships.toLocaleString("en-GB")} memberships, ${report.groupDifficulties.toLocaleString("en-GB")} group difficulties, ` +
          `${report.organisations} organisations (seed ${options.seed}) in ${seconds} s:`,
      );
      for (const s of report.steps)
        say(`  ${s.step.padEnd(20)} ${(s.ms / 1000).toFixed(2).padStart(7)} s`);
      say(`Open ${new URL("/groups?place=Trento&radius=25", config.publicUrl)} once Mutua runs.`);
    } finally {
      await handle.close();
    }
  } finally {
    await database.close();
  }
  return 0;
}

// Run as a command (node dist/cli/generate.js); imported by the tests and the benchmark.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `The data could not be generated: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(1);
    },
  );
}

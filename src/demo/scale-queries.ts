import { type SQL, sql } from "drizzle-orm";
import { people } from "../features/accounts/tables.js";
import { groups } from "../features/groups/tables.js";
import { memberships } from "../features/memberships/tables.js";
import type { Executor } from "../infra/db/database.js";
import { insertInto } from "../infra/db/insert-into.js";
import { translator } from "../infra/i18n/i18n.js";
import { type MonthlyPosition, ruleForChoice, type Weekday } from "../infra/time/recurrence.js";
import { englishPeople, firstName, italianPeople } from "./network.js";
import {
  openGroupText,
  scaleFirstMeetings,
  scaleStreets,
  scaleTexts,
  scaleVenues,
} from "./scale-texts.js";

// The statements the scale generator (cli/generate.ts) runs, one per table or temporary table,
// every value computed inside PostgreSQL from hashes of the seed and the row number.

/** Where generated groups meet: the towns of the two countries Mutua is first built for. */
export const COUNTRIES = ["IT", "GB"];
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
/** A PostgreSQL array parameter (a bare array in Drizzle's sql template becomes a list). */
const array = (values: readonly (string | number)[]) => sql.param(values);

/**
 * scale_words: row 0 is the open group's words, rows 1..D the offered difficulties in the
 * taxonomy's order. `pick` lists each difficulty's row number `weight` times, so a draw modulo
 * its length picks difficulties as often as such groups are.
 */
export async function defineWords(tx: Executor): Promise<Words> {
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

export type Words = { difficulties: number; pick: number[] };

/**
 * Seventeen 32-bit draws per group from five md5 hashes (each read as two 64-bit numbers, each
 * split in two: reading hex as bits is the costly part), and the town the first draw picks.
 * The hashes are materialized so that each is computed once, not once per use.
 */
export function drawsQuery(seed: number, groupCount: number, totalPopulation: string): SQL {
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
export function planQuery(
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

export function peopleQuery(seed: number, peopleCount: number): SQL {
  const names = [...italianPeople, ...englishPeople].map(firstName);
  return sql`insert into ${insertInto(people, [people.id, people.email, people.displayName, people.language, people.createdAt, people.updatedAt])}
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

export function groupsQuery(seed: number): SQL {
  const agreementIt = translator("it")("groups.agreement.default");
  const agreementEn = translator("en")("groups.agreement.default");
  const inPerson = sql.raw(`g.format in ('in_person', 'hybrid')`);
  return sql`insert into ${insertInto(groups, [groups.id, groups.slug, groups.name, groups.description, groups.firstMeeting, groups.audience, groups.openToAnyDifficulty, groups.languages, groups.format, groups.venueName, groups.streetAddress, groups.town, groups.postalCode, groups.country, groups.latitude, groups.longitude, groups.publishAddress, groups.publicLatitude, groups.publicLongitude, groups.stepFree, groups.accessibleToilet, groups.hearingLoop, groups.parking, groups.nearPublicTransport, groups.videoUrl, groups.phoneNumber, groups.phonePin, groups.timeZone, groups.scheduleKind, groups.rrule, groups.startsOn, groups.startTime, groups.durationMinutes, groups.weekday, groups.capacity, groups.joiningPolicy, groups.visibility, groups.status, groups.agreement, groups.activeMemberCount, groups.waitlistCount, groups.organisationId, groups.foundedBy, groups.createdAt, groups.updatedAt])}
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
export function membershipsQuery(seed: number, peopleCount: number): SQL {
  return sql`insert into ${insertInto(memberships, [memberships.id, memberships.groupId, memberships.personId, memberships.state, memberships.role, memberships.agreementAcceptedAt, memberships.waitlistedAt, memberships.joinedAt, memberships.createdAt, memberships.updatedAt])}
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

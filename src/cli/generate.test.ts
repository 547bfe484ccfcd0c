import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coarse } from "../features/groups/writes.js";
import { connectDatabase, type DatabaseHandle } from "../infra/db/database.js";
import { choiceFromRule, firstMeetingDate } from "../infra/time/recurrence.js";
import { createTestDatabase } from "../test/build-app.js";
import { generateScaleData, type ScaleOptions } from "./generate.js";

type Fresh = { handle: DatabaseHandle; drop(): Promise<void> };
const opened: Fresh[] = [];

async function freshDatabase(): Promise<DatabaseHandle> {
  const database = await createTestDatabase();
  const handle = connectDatabase(database.url, { max: 2 });
  opened.push({
    handle,
    drop: async () => {
      await handle.close();
      await database.drop();
    },
  });
  return handle;
}

afterAll(async () => {
  for (const fresh of opened) await fresh.drop();
});

const small: ScaleOptions = { groups: 400, people: 600, seed: 7 };

/** One md5 over every row of each table the generator writes, in a fixed order. */
async function fingerprint(handle: DatabaseHandle) {
  const { rows } = await handle.db.execute<Record<string, string>>(sql`
    select
      (select md5(string_agg(t::text, '|' order by t.id)) from groups t) as groups,
      (select md5(string_agg(t::text, '|' order by t.group_id, t.difficulty_slug)) from group_difficulties t) as group_difficulties,
      (select md5(string_agg(t::text, '|' order by t.group_id, t.starts_at_local)) from group_one_off_dates t) as one_off_dates,
      (select md5(string_agg(t::text, '|' order by t.id)) from memberships t) as memberships,
      (select md5(string_agg(t::text, '|' order by t.id)) from people t) as people,
      (select md5(string_agg(t::text, '|' order by t.id)) from organisations t) as organisations,
      (select md5(string_agg(t::text, '|' order by t.organisation_id)) from organisation_coordinators t) as coordinators`);
  return rows[0]!;
}

/** The schema's indexes and constraints, to check the generator put every one back. */
async function schemaShape(handle: DatabaseHandle) {
  const { rows } = await handle.db.execute<{ what: string }>(sql`
    select indexdef as what from pg_indexes where schemaname = 'public'
    union all
    select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
    where connamespace = 'public'::regnamespace
    order by 1`);
  return rows.map((r) => r.what);
}

describe("generateScaleData", () => {
  let first: DatabaseHandle;
  beforeAll(async () => {
    first = await freshDatabase();
  });

  it("makes the same rows, ids included, from the same seed on two fresh databases", async () => {
    const shapeBefore = await schemaShape(first);
    const report = await generateScaleData(first.db, small);
    expect(report.groups).toBe(small.groups);
    expect(report.people).toBe(small.people);
    expect(report.memberships).toBeGreaterThanOrEqual(3 * small.groups);
    expect(await schemaShape(first)).toEqual(shapeBefore);

    const second = await freshDatabase();
    await generateScaleData(second.db, small);
    expect(await fingerprint(second)).toEqual(await fingerprint(first));

    const other = await freshDatabase();
    await generateScaleData(other.db, { ...small, seed: 8 });
    const { rows } = await other.db.execute<{ slug: string }>(
      sql`select slug from groups order by slug limit 5`,
    );
    const { rows: ours } = await first.db.execute<{ slug: string }>(
      sql`select slug from groups order by slug limit 5`,
    );
    expect(rows).not.toEqual(ours);
  });

  it("keeps the rules the app relies on for every group", async () => {
    const { rows } = await first.db.execute<{
      slug: string;
      format: string;
      town: string | null;
      country: string | null;
      latitude: number | null;
      longitude: number | null;
      public_latitude: number | null;
      public_longitude: number | null;
      video_url: string | null;
      phone_number: string | null;
      languages: string[];
      schedule_kind: string;
      rrule: string | null;
      starts_on: string | null;
      start_time: string | null;
      weekday: number | null;
      dow: number;
      capacity: number;
      active_member_count: number;
      waitlist_count: number;
      open_to_any_difficulty: boolean;
      organisation_id: string | null;
      agreement: string;
      active: number;
      waiting: number;
      leaders: number;
      difficulties: number;
      first_date: string | null;
    }>(sql`
      select g.slug, g.format, g.town, g.country, g.latitude, g.longitude, g.public_latitude,
        g.public_longitude, g.video_url, g.phone_number, g.languages, g.schedule_kind, g.rrule,
        g.starts_on::text, g.start_time::text, g.weekday, extract(dow from g.starts_on)::int as dow,
        g.capacity, g.active_member_count, g.waitlist_count, g.open_to_any_difficulty,
        g.organisation_id, g.agreement,
        (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'active') as active,
        (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'waitlisted') as waiting,
        (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'active'
           and (m.role = 'facilitator' or (m.role = 'guide' and g.organisation_id is not null))) as leaders,
        (select count(*)::int from group_difficulties d where d.group_id = g.id) as difficulties,
        (select min(o.starts_at_local)::text from group_one_off_dates o where o.group_id = g.id) as first_date
      from groups g`);
    expect(rows).toHaveLength(small.groups);
    const days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    for (const g of rows) {
      const where = g.slug;
      expect(g.slug, where).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(g.slug.length, where).toBeLessThanOrEqual(64);
      expect(g.active_member_count, where).toBe(g.active);
      expect(g.waitlist_count, where).toBe(g.waiting);
      expect(g.active, where).toBeGreaterThanOrEqual(3);
      expect(g.active, where).toBeLessThanOrEqual(g.capacity);
      if (g.waiting > 0) expect(g.active, where).toBe(g.capacity);
      expect(g.capacity, where).toBeGreaterThanOrEqual(3);
      expect(g.capacity, where).toBeLessThanOrEqual(30);
      expect(g.leaders, where).toBeGreaterThanOrEqual(1);
      if (!g.open_to_any_difficulty) expect(g.difficulties, where).toBeGreaterThan(0);
      expect(g.agreement.length, where).toBeGreaterThan(0);
      for (const code of g.languages) expect(code, where).toMatch(/^[a-z]{2}$/);
      if (g.format === "in_person" || g.format === "hybrid") {
        expect(g.town, where).toBeTruthy();
        expect(["IT", "GB"], where).toContain(g.country);
        // "+ 0": coarse() rounds -0.003 to -0, SQL to 0; PostgreSQL holds them equal.
        expect(g.public_latitude, where).toBe(coarse(g.latitude!) + 0);
        expect(g.public_longitude, where).toBe(coarse(g.longitude!) + 0);
      } else {
        expect(g.latitude, where).toBeNull();
        expect(g.public_latitude, where).toBeNull();
      }
      if (g.format === "online") expect(g.video_url, where).toMatch(/^https:\/\//);
      if (g.format === "telephone") expect(g.phone_number, where).toMatch(/^\+[0-9 ]+$/);
      if (g.schedule_kind === "one_off") {
        expect(g.rrule, where).toBeNull();
        expect(g.weekday, where).toBeNull();
        expect(g.first_date, where).toBe(`${g.starts_on} ${g.start_time}`);
      } else {
        const choice = choiceFromRule(g.rrule!);
        expect(choice?.kind, where).toBe(g.schedule_kind);
        expect(choice?.weekday, where).toBe(g.weekday);
        expect(g.rrule, where).toContain(`BYDAY=${days[g.weekday!]}`);
        expect(g.dow, where).toBe(g.weekday);
        // The first meeting is the start date itself, as foundGroup would write it.
        expect(firstMeetingDate(g.rrule!, g.starts_on!), where).toBe(g.starts_on);
      }
    }
    const formats = new Set(rows.map((g) => g.format));
    for (const format of ["in_person", "online", "telephone"]) expect(formats).toContain(format);
    const kinds = new Set(rows.map((g) => g.schedule_kind));
    for (const kind of ["weekly", "fortnightly", "monthly", "one_off"])
      expect(kinds).toContain(kind);
  });

  it("puts more groups where more people live", async () => {
    const { rows } = await first.db.execute<{ country: string; groups: number }>(sql`
      select country, count(*)::int as groups from groups where country is not null group by country`);
    const byCountry = Object.fromEntries(rows.map((r) => [r.country, r.groups]));
    // Britain's towns hold about 66 million people, Italy's about 53 million.
    expect(byCountry.GB).toBeGreaterThan(byCountry.IT! * 0.9);
    const { rows: london } = await first.db.execute<{ n: number }>(
      sql`select count(*)::int as n from groups where town = 'London'`,
    );
    expect(london[0]!.n).toBeGreaterThan(10);
  });

  it("refuses a seed that is already in the database, and leaves it as it was", async () => {
    const before = await fingerprint(first);
    await expect(generateScaleData(first.db, small)).rejects.toThrow(/already/);
    await expect(generateScaleData(first.db, { ...small, groups: 0 })).rejects.toThrow(RangeError);
    expect(await fingerprint(first)).toEqual(before);
  });
});

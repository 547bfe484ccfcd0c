import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coarse } from "../features/groups/writes.js";
import { buildTestApp, type TestApp } from "../test/build-app.js";
import { demoGroups, loadDemo } from "./demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Row = Record<string, unknown>;
const rows = async <T extends Row>(query: ReturnType<typeof sql>) =>
  (await t.database.db.execute<T>(query)).rows;

/** The demo groups' rows with what the checks need, in slug order. */
async function demoRows() {
  return rows<{
    id: string;
    slug: string;
    format: string;
    country: string | null;
    languages: string[];
    visibility: string;
    status: string;
    capacity: number;
    active_member_count: number;
    waitlist_count: number;
    active: number;
    waiting: number;
    leaders: number;
    difficulties: number;
    open_to_any_difficulty: boolean;
    organisation_id: string | null;
  }>(sql`
    select g.id, g.slug, g.format, g.country, g.languages, g.visibility, g.status, g.capacity,
      g.active_member_count, g.waitlist_count, g.open_to_any_difficulty, g.organisation_id,
      (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'active') as active,
      (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'waitlisted') as waiting,
      (select count(*)::int from memberships m where m.group_id = g.id and m.state = 'active'
         and (m.role = 'facilitator' or (m.role = 'guide' and g.organisation_id is not null))) as leaders,
      (select count(*)::int from group_difficulties d where d.group_id = g.id) as difficulties
    from groups g where g.slug like 'demo-%' order by g.slug`);
}

describe("the demo network", () => {
  it("loads at least 60 groups in Italy and Britain, online and by telephone, in English and Italian", async () => {
    const summary = await loadDemo(t.database.db, { now: t.clock.now() });
    const loaded = await demoRows();
    expect(loaded).toHaveLength(demoGroups.length);
    expect(summary.groups).toBeGreaterThanOrEqual(60);
    const countries = new Set(loaded.map((g) => g.country));
    expect(countries).toContain("IT");
    expect(countries).toContain("GB");
    const formats = new Set(loaded.map((g) => g.format));
    for (const format of ["in_person", "hybrid", "online", "telephone"])
      expect(formats).toContain(format);
    const languages = loaded.flatMap((g) => g.languages);
    expect(languages).toContain("it");
    expect(languages).toContain("en");
    expect(loaded.some((g) => g.languages.includes("it") && g.languages.includes("en"))).toBe(true);
    expect(loaded.some((g) => g.visibility === "unlisted")).toBe(true);
    expect(loaded.some((g) => g.status === "paused")).toBe(true);
    expect(loaded.some((g) => g.waitlist_count > 0 && g.active_member_count === g.capacity)).toBe(
      true,
    );
    expect(loaded.some((g) => g.active_member_count < g.capacity)).toBe(true);
  });

  it("uses every difficulty of the taxonomy", async () => {
    const unused = await rows<{ slug: string }>(sql`
      select slug from difficulties d
      where not exists (
        select 1 from group_difficulties gd join groups g on g.id = gd.group_id
        where gd.difficulty_slug = d.slug and g.slug like 'demo-%')`);
    expect(unused).toEqual([]);
  });

  it("keeps each group's counts equal to its memberships, with a facilitator or guide, and difficulties", async () => {
    for (const group of await demoRows()) {
      expect(group.active_member_count, group.slug).toBe(group.active);
      expect(group.waitlist_count, group.slug).toBe(group.waiting);
      expect(group.active, group.slug).toBeLessThanOrEqual(group.capacity);
      if (group.waiting > 0) expect(group.active, group.slug).toBe(group.capacity);
      expect(group.leaders, group.slug).toBeGreaterThanOrEqual(1);
      if (!group.open_to_any_difficulty) expect(group.difficulties, group.slug).toBeGreaterThan(0);
    }
  });

  it("writes places, links and schedules as the app does", async () => {
    const loaded = await rows<{
      slug: string;
      format: string;
      town: string | null;
      latitude: number | null;
      longitude: number | null;
      public_latitude: number | null;
      public_longitude: number | null;
      video_url: string | null;
      phone_number: string | null;
      schedule_kind: string;
      rrule: string | null;
      starts_on: string | null;
      weekday: number | null;
      dow: number | null;
      one_offs: number;
    }>(sql`
      select slug, format, town, latitude, longitude, public_latitude, public_longitude, video_url,
        phone_number, schedule_kind, rrule, starts_on::text, weekday,
        extract(dow from starts_on)::int as dow,
        (select count(*)::int from group_one_off_dates o where o.group_id = g.id) as one_offs
      from groups g where slug like 'demo-%'`);
    const days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    for (const g of loaded) {
      if (g.format === "in_person" || g.format === "hybrid") {
        expect(g.town, g.slug).toBeTruthy();
        expect(g.public_latitude, g.slug).toBe(coarse(g.latitude!));
        expect(g.public_longitude, g.slug).toBe(coarse(g.longitude!));
      } else {
        expect(g.latitude, g.slug).toBeNull();
      }
      if (g.format === "online") expect(g.video_url, g.slug).toMatch(/^https:\/\//);
      if (g.format === "telephone") expect(g.phone_number, g.slug).toBeTruthy();
      if (g.schedule_kind === "one_off") {
        expect(g.rrule, g.slug).toBeNull();
        expect(g.one_offs, g.slug).toBeGreaterThan(0);
      } else {
        expect(g.rrule, g.slug).toContain(`BYDAY=${days[g.weekday!]}`);
        expect(g.dow, g.slug).toBe(g.weekday);
      }
    }
    const kinds = new Set(loaded.map((g) => g.schedule_kind));
    for (const kind of ["weekly", "fortnightly", "monthly", "one_off"])
      expect(kinds).toContain(kind);
  });

  it("has two organisations, each with a coordinator who guides its groups", async () => {
    const organisations = await rows<{ name: string; coordinators: number; groups: number }>(sql`
      select o.name,
        (select count(*)::int from organisation_coordinators c where c.organisation_id = o.id) as coordinators,
        (select count(*)::int from groups g where g.organisation_id = o.id) as groups
      from organisations o where o.name like '%(demo)'`);
    expect(organisations).toHaveLength(2);
    for (const o of organisations) {
      expect(o.coordinators).toBe(1);
      expect(o.groups).toBeGreaterThan(0);
    }
  });

  it("gives demo people first names and example.org addresses", async () => {
    const demoPeople = await rows<{ email: string; display_name: string }>(
      sql`select email, display_name from people where email like 'demo.%@example.org'`,
    );
    expect(demoPeople.length).toBeGreaterThan(100);
    for (const p of demoPeople) expect(p.display_name).toMatch(/^[A-Z][a-z]+$/);
  });

  it("shows the groups near Trento in the directory and opens a group's page", async () => {
    const found = await t.app.inject({
      method: "GET",
      url: "/groups?difficulty=dementia-care&place=Trento&radius=25&language=it",
      headers: { "accept-language": "it" },
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain("Caffè Alzheimer di Trento");
    expect(found.body).toContain("Caregiver di Rovereto");
    const page = await t.app.inject({ method: "GET", url: "/groups/demo-caffe-alzheimer-trento" });
    expect(page.statusCode).toBe(200);
  });

  it("loads again without duplicating anything, and puts changed groups back", async () => {
    const count = async () =>
      (
        await rows<{
          groups: number;
          people: number;
          memberships: number;
          organisations: number;
        }>(sql`
        select
          (select count(*)::int from groups) as groups,
          (select count(*)::int from people) as people,
          (select count(*)::int from memberships) as memberships,
          (select count(*)::int from organisations) as organisations`)
      )[0];
    const before = await count();
    await t.database.db.execute(
      sql`update groups set name = 'Changed', active_member_count = 0 where slug = 'demo-vedovi-milano'`,
    );
    await loadDemo(t.database.db, { now: t.clock.now() });
    expect(await count()).toEqual(before);
    const [group] = await rows<{ name: string; active_member_count: number }>(
      sql`select name, active_member_count from groups where slug = 'demo-vedovi-milano'`,
    );
    expect(group).toEqual({ name: "Il mercoledì dei vedovi, Milano", active_member_count: 12 });
  });
});

describe("the demo groups' meetings", () => {
  it("are planned for the next 12 weeks, so members find them at once", async () => {
    await loadDemo(t.database.db, { now: new Date("2026-03-10T09:00:00Z") });
    const [counts] = await rows<{ active: number; planned: number }>(sql`
      select count(*)::int as active,
        count(*) filter (where exists (select 1 from meetings m where m.group_id = g.id))::int as planned
      from groups g where g.status = 'active'`);
    expect(counts!.active).toBeGreaterThan(50);
    expect(counts!.planned).toBe(counts!.active);
  });
});

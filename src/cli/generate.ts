import "../catalogues.js";
import { pathToFileURL } from "node:url";
import { type SQL, sql } from "drizzle-orm";
import { loadConfigOrExit } from "../config.js";
import {
  COUNTRIES,
  defineWords,
  drawsQuery,
  groupsQuery,
  membershipsQuery,
  peopleQuery,
  planQuery,
} from "../demo/scale-queries.js";
import { groupDifficulties, groupOneOffDates } from "../features/groups/tables.js";
import { organisationCoordinators, organisations } from "../features/organisations/tables.js";
import { setAsideIndexesAndConstraints } from "../infra/db/bulk-load.js";
import { connectDatabase, type Database, migrateDatabase } from "../infra/db/database.js";
import { insertInto } from "../infra/db/insert-into.js";
import { openDatabaseForTool } from "../infra/db/open-for-tools.js";
import { ensurePlacesLoaded } from "../infra/places/load.js";

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

/** The tables the generator fills; the others (people's sessions…) are not touched. */
const LOADED_TABLES = ["groups", "group_difficulties", "memberships", "people"];

/** Groups per organisation, roughly; 8% of groups belong to one. */
const GROUPS_PER_ORGANISATION = 2000;

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
      sql`insert into ${insertInto(organisations, [organisations.id, organisations.name, organisations.contactEmail, organisations.createdAt, organisations.updatedAt])}
        select md5(${seed}::text || ':organisation:' || k)::uuid,
          'Support network ' || k || ' (generated)',
          'network-' || ${seed}::text || '-' || k || '@example.org',
          timestamptz '2024-01-01 09:00+00', timestamptz '2024-01-01 09:00+00'
        from generate_series(1, ${organisationCount}::int) k`,
    );
    await step("people", peopleQuery(seed, peopleCount));
    await step(
      "coordinators",
      sql`insert into ${insertInto(organisationCoordinators, [organisationCoordinators.organisationId, organisationCoordinators.personId, organisationCoordinators.createdAt])}
        select md5(${seed}::text || ':organisation:' || k)::uuid,
          md5(${seed}::text || ':person:' || (1 + (k - 1) % ${peopleCount}::int))::uuid,
          timestamptz '2024-01-01 09:00+00'
        from generate_series(1, ${organisationCount}::int) k`,
    );
    await step("groups", groupsQuery(seed));
    await step(
      "group_difficulties",
      sql`insert into ${insertInto(groupDifficulties, [groupDifficulties.groupId, groupDifficulties.difficultySlug])}
        select g.id, w.slug from scale_plan g join scale_words w on w.i = g.d1 where not g.open_any
        union all
        select g.id, w.slug from scale_plan g join scale_words w on w.i = g.d2 where g.d2 is not null`,
    );
    await step(
      "one_off_dates",
      sql`insert into ${insertInto(groupOneOffDates, [groupOneOffDates.groupId, groupOneOffDates.startsAtLocal])}
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

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../infra/db/database.js";
import { dateTimeFormat } from "../infra/i18n/intl-cache.js";
import { firstMeetingDate, ruleForChoice } from "../infra/time/recurrence.js";
import { DAY_MS } from "../infra/time/zoned.js";
import {
  type DemoGroup,
  type DemoSchedule,
  type DemoTownKey,
  demoOrganisations,
  demoTowns,
  englishPeople,
  italianPeople,
} from "./network.js";

// How the demo network is laid out before it is written: fixed ids, schedules, venues near the
// towns' centres, and who is in each group (cli/demo.ts writes it).

/** Fixed ids (UUID version 5 under a namespace of our own): a second load makes the same ones. */
const NAMESPACE = Buffer.from("6d7574756164656d6f2d6e6574776f72", "hex");
export function demoId(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable small number from a text: the same group always gets the same people and dates. */
export function spread(text: string, modulo: number): number {
  return createHash("sha1").update(text).digest().readUInt32BE(0) % modulo;
}

function localDate(now: Date, timeZone: string): string {
  return dateTimeFormat("en-CA", { timeZone }).format(now);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

type ScheduleRow = {
  scheduleKind: DemoSchedule["kind"];
  rrule: string | null;
  startsOn: string;
  startTime: string;
  weekday: number | null;
  oneOffs: string[];
};

/**
 * The schedule's columns, as foundGroup writes them: a rule from ruleForChoice and its first
 * meeting on or after the series' start, or chosen dates (the first of them is `startsOn`).
 * Running groups began some weeks ago; new ones and series start in two to three weeks.
 */
export function scheduleColumns(group: DemoGroup, timeZone: string, now: Date): ScheduleRow {
  const today = localDate(now, timeZone);
  const { schedule } = group;
  const startTime = `${schedule.time}:00`;
  if (schedule.kind === "one_off") {
    let first = addDays(today, 14 + spread(group.slug, 7));
    while (weekdayOf(first) !== schedule.weekday) first = addDays(first, 1);
    const oneOffs = Array.from(
      { length: schedule.count },
      (_, i) => `${addDays(first, i * schedule.everyDays)}T${schedule.time}`,
    );
    return {
      scheduleKind: "one_off",
      rrule: null,
      startsOn: first,
      startTime,
      weekday: null,
      oneOffs,
    };
  }
  const rule = ruleForChoice(schedule);
  const from = group.startsSoon
    ? addDays(today, 14 + spread(group.slug, 7))
    : addDays(today, -7 * (8 + spread(group.slug, 150)));
  const startsOn = firstMeetingDate(rule, from);
  if (!startsOn) throw new Error(`${group.slug}: the rule ${rule} does not meet`);
  return {
    scheduleKind: schedule.kind,
    rrule: rule,
    startsOn,
    startTime,
    weekday: schedule.weekday,
    oneOffs: [],
  };
}

/** A venue a short way from the town centre (0.3–2.5 km), the same for a group on every load. */
export function venuePoint(slug: string, centre: { latitude: number; longitude: number }) {
  const km = 0.3 + spread(`${slug}:distance`, 2200) / 1000;
  const angle = (spread(`${slug}:angle`, 360) * Math.PI) / 180;
  const latitude = centre.latitude + (km * Math.cos(angle)) / 111.2;
  const longitude =
    centre.longitude +
    (km * Math.sin(angle)) / (111.2 * Math.cos((centre.latitude * Math.PI) / 180));
  return {
    latitude: Math.round(latitude * 1e5) / 1e5,
    longitude: Math.round(longitude * 1e5) / 1e5,
  };
}

type Centre = { latitude: number; longitude: number };

/** Each demo town's centre, as the places table (and so the directory's search) has it. */
export async function townCentres(db: Executor): Promise<Map<DemoTownKey, Centre>> {
  const centres = new Map<DemoTownKey, Centre>();
  for (const [key, town] of Object.entries(demoTowns) as [
    DemoTownKey,
    (typeof demoTowns)[DemoTownKey],
  ][]) {
    const { rows } = await db.execute<Centre>(sql`
      select latitude, longitude from places
      where search_name = immutable_unaccent(lower(${town.listed})) and country = ${town.country}
      order by population desc
      limit 1`);
    const row = rows[0];
    if (!row) {
      throw new Error(
        `${town.listed} (${town.country}) is not in the places table: load the list of towns first (ensurePlacesLoaded)`,
      );
    }
    centres.set(key, row);
  }
  return centres;
}

export type Person = { key: string; id: string; language: "it" | "en" };

/** The people a group's memberships go to, in order: guide, facilitators, members, waiting, asking. */
export function chooseMembers(group: DemoGroup, everyone: Map<string, Person>): Person[] {
  const coordinatorKeys = new Set<string>(
    Object.values(demoOrganisations).map((o) => o.coordinator),
  );
  const speaks = (language: string) => group.languages.includes(language);
  const italian: string[] = italianPeople.filter((key) => !coordinatorKeys.has(key));
  const english: string[] = englishPeople.filter((key) => !coordinatorKeys.has(key));
  // Bilingual groups draw on both lists in turn; others on their first language's list.
  const pool: string[] =
    speaks("it") && speaks("en")
      ? italian.flatMap((key, i) => [key, english[i]].filter((k): k is string => k !== undefined))
      : group.languages[0] === "en"
        ? english
        : italian;
  const chosen: string[] = [];
  const add = (key: string) => {
    if (!chosen.includes(key)) chosen.push(key);
  };
  if (group.organisation) add(demoOrganisations[group.organisation].coordinator);
  if (group.facilitator) add(group.facilitator);
  for (const key of group.include ?? []) add(key);
  const wanted = group.members + (group.waiting ?? 0) + (group.requests ?? 0);
  const start = spread(group.slug, pool.length);
  for (let i = 0; chosen.length < wanted && i < pool.length; i++) {
    add(pool[(start + i) % pool.length]!);
  }
  if (chosen.length < wanted) throw new Error(`${group.slug}: not enough demo people`);
  return chosen.map((key) => {
    const person = everyone.get(key);
    if (!person) throw new Error(`${group.slug}: no demo person "${key}"`);
    return person;
  });
}

/** Checks the written data against the rules the app relies on, before anything is written. */
export function checkDemoGroup(group: DemoGroup): void {
  const problem = (what: string) => {
    throw new Error(`demo group ${group.slug}: ${what}`);
  };
  if (!/^demo-[a-z0-9]+(-[a-z0-9]+)*$/.test(group.slug) || group.slug.length > 64)
    problem("the slug must start with demo- and be URL-safe, at most 64 characters");
  if (group.capacity < 3 || group.capacity > 30) problem("capacity must be 3 to 30");
  if (group.members < 1 || group.members > group.capacity) problem("members must be 1 to capacity");
  if ((group.waiting ?? 0) > 0 && group.members < group.capacity)
    problem("only a full group has a waiting list");
  if (group.difficulties.length === 0 && !group.openToAnyDifficulty)
    problem("name a difficulty, or be open to any");
  if (group.name.length > 80 || group.description.length > 2000 || group.firstMeeting.length > 1500)
    problem("a text is longer than the form allows");
  if (group.where.format === "online" && !group.where.videoUrl.startsWith("https://"))
    problem("an online group needs an https video link");
}

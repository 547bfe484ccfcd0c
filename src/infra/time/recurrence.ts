import rrulePkg from "rrule";
import {
  DAY_MS,
  formatWallDate,
  formatWallTime,
  instantFromWall,
  isTimeZone,
  MINUTE_MS,
  parseLocalDate,
  parseLocalDateTime,
  parseLocalTime,
  wallAt,
} from "./zoned.js";

// rrule ships CommonJS: on Node 20 its named exports are reached through the default export.
const { RRule } = rrulePkg;
type CompiledRule = InstanceType<typeof RRule>;

/** Sunday = 0 … Saturday = 6, as JavaScript and the Meeting Guide feed count. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Which of the weekdays in a month: the first to the fourth, or the last (-1). */
export type MonthlyPosition = 1 | 2 | 3 | 4 | -1;

/** The plain choices a person makes for a regular meeting, each turned into one RRULE. */
export type ScheduleChoice =
  | { kind: "weekly"; weekday: Weekday }
  | { kind: "fortnightly"; weekday: Weekday }
  | { kind: "monthly"; weekday: Weekday; position: MonthlyPosition };

/**
 * A schedule as stored: an RFC 5545 rule without DTSTART, and the first meeting's local date and
 * wall-clock time in `timeZone`. With no rule, the meetings are `startsOn` and the `oneOffs`.
 */
export type Schedule = {
  rrule: string | null;
  /** "YYYY-MM-DD": the first meeting's local date. */
  startsOn: string | null;
  /** "HH:MM" or "HH:MM:SS": the meetings' local start time. */
  startTime: string | null;
  /** An IANA zone name, e.g. "Europe/Rome". */
  timeZone: string;
  durationMinutes: number;
  /** Extra meetings, as local "YYYY-MM-DDTHH:MM" in `timeZone`. */
  oneOffs?: readonly string[];
};

export type Occurrence = {
  startsAt: Date;
  endsAt: Date;
  /** The meeting's local date in the schedule's zone, "YYYY-MM-DD". */
  localDate: string;
  /** The local wall-clock start, "HH:MM". */
  localTime: string;
};

export type ExpandWindow = {
  /** Meetings that have not ended by this instant (one under way is still listed). */
  from: Date;
  /** Meetings that start before this instant. */
  to?: Date;
  /** At most this many meetings; 100 when neither `to` nor `limit` is given. */
  limit?: number;
};

export type RuleCheck = { ok: true } | { ok: false; reason: "INVALID_RULE" | "NEVER_OCCURS" };

const DEFAULT_LIMIT = 100;
/** Without `to`, meetings are looked for this far ahead of `from`. */
const HORIZON_MS = 5 * 366 * DAY_MS;
/** A rule whose first meeting is further than this from its start date is refused. */
const FIRST_MEETING_WITHIN_MS = 2 * 366 * DAY_MS;

const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

export function weeklyRule(weekday: Weekday): string {
  return `FREQ=WEEKLY;BYDAY=${DAY_CODES[weekday]}`;
}

export function fortnightlyRule(weekday: Weekday): string {
  return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${DAY_CODES[weekday]}`;
}

/** "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2": the second Tuesday of every month (-1: the last). */
export function monthlyRule(weekday: Weekday, position: MonthlyPosition): string {
  return `FREQ=MONTHLY;BYDAY=${DAY_CODES[weekday]};BYSETPOS=${position}`;
}

export function ruleForChoice(choice: ScheduleChoice): string {
  switch (choice.kind) {
    case "weekly":
      return weeklyRule(choice.weekday);
    case "fortnightly":
      return fortnightlyRule(choice.weekday);
    case "monthly":
      return monthlyRule(choice.weekday, choice.position);
  }
}

const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const DAY = "(?:SU|MO|TU|WE|TH|FR|SA)";
const YEAR_DAY = "[+-]?(?:[1-9][0-9]?|[12][0-9]{2}|3[0-5][0-9]|36[0-6])";
// Each value's syntax is checked here, so that rrule never sees a value it would choke on. There is
// no BYHOUR, BYMINUTE or BYSECOND: the time of day is the schedule's start time, never the rule's.
const VALUE_SYNTAX: Record<string, RegExp> = {
  FREQ: /^(?:DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9][0-9]{0,2}$/,
  COUNT: /^[0-9]{1,4}$/,
  UNTIL: /^[0-9]{8}(?:T[0-9]{6}Z?)?$/,
  BYDAY: list(`(?:[+-]?(?:[1-9]|[1-4][0-9]|5[0-3]))?${DAY}`),
  BYMONTHDAY: list("[+-]?(?:[1-9]|[12][0-9]|3[01])"),
  BYMONTH: list("(?:[1-9]|1[0-2])"),
  BYSETPOS: list(YEAR_DAY),
  BYYEARDAY: list(YEAR_DAY),
  BYWEEKNO: list("[+-]?(?:[1-9]|[1-4][0-9]|5[0-3])"),
  WKST: new RegExp(`^${DAY}$`),
};

/** The RRULE's parts, upper-cased, or null when it is not a rule Mutua can keep. */
function ruleParts(rrule: string): Map<string, string> | null {
  const text = rrule.trim().replace(/^RRULE:/i, "");
  if (text.length === 0 || text.length > 300) return null;
  const parts = new Map<string, string>();
  for (const piece of text.split(";")) {
    const match = /^([A-Za-z]+)=([A-Za-z0-9,+-]+)$/.exec(piece);
    if (!match) return null;
    const key = match[1]!.toUpperCase();
    const value = match[2]!.toUpperCase();
    const syntax = VALUE_SYNTAX[key];
    if (!syntax || parts.has(key) || !syntax.test(value)) return null;
    parts.set(key, value);
  }
  return parts.has("FREQ") ? parts : null;
}

const dayCode = (code: string): Weekday | null => {
  const index = (DAY_CODES as readonly string[]).indexOf(code);
  return index < 0 ? null : (index as Weekday);
};

/** The plain choice an RRULE expresses, or null for any other rule (imported, hand-written). */
export function choiceFromRule(rrule: string): ScheduleChoice | null {
  const parts = ruleParts(rrule);
  if (!parts) return null;
  const { FREQ, INTERVAL = "1", BYDAY = "", BYSETPOS, ...rest } = Object.fromEntries(parts);
  if (Object.keys(rest).some((key) => key !== "WKST")) return null;
  if (FREQ === "WEEKLY" && BYSETPOS === undefined) {
    const weekday = dayCode(BYDAY);
    if (weekday === null) return null;
    if (INTERVAL === "1") return { kind: "weekly", weekday };
    if (INTERVAL === "2") return { kind: "fortnightly", weekday };
    return null;
  }
  if (FREQ === "MONTHLY" && INTERVAL === "1") {
    const nth = /^(-1|[1-4])?([A-Z]{2})$/.exec(BYDAY);
    if (!nth) return null;
    const weekday = dayCode(nth[2]!);
    const position = Number(nth[1] ?? BYSETPOS);
    if (weekday === null || (nth[1] !== undefined && BYSETPOS !== undefined)) return null;
    if (![1, 2, 3, 4, -1].includes(position)) return null;
    return { kind: "monthly", weekday, position: position as MonthlyPosition };
  }
  return null;
}

/**
 * The weekdays of a rule that meets every week (any number of days), or null for any other
 * rule: what a weekly-only format such as the Meeting Guide feed can carry.
 */
export function weeklyDays(rrule: string, startsOn: string | null): Weekday[] | null {
  const parts = ruleParts(rrule);
  if (!parts) return null;
  if (parts.get("FREQ") !== "WEEKLY" || (parts.get("INTERVAL") ?? "1") !== "1") return null;
  if ([...parts.keys()].some((key) => !["FREQ", "INTERVAL", "BYDAY", "WKST"].includes(key)))
    return null;
  const byDay = parts.get("BYDAY");
  if (byDay === undefined) {
    const start = startsOn === null ? null : parseLocalDate(startsOn);
    return start === null ? null : [new Date(start).getUTCDay() as Weekday];
  }
  const days = byDay.split(",").map(dayCode);
  if (days.some((day) => day === null)) return null;
  return [...new Set(days as Weekday[])].sort((a, b) => a - b);
}

/**
 * The rule compiled in "floating" time: rrule runs on wall values (local times dressed as UTC),
 * so "the second Tuesday at 10:30" stays 10:30 on every date, whatever the zone's offset.
 */
function compile(
  rrule: string,
  dtstartWall: number,
  moveUntil: (wall: number) => number = (wall) => wall,
): CompiledRule | null {
  const parts = ruleParts(rrule);
  if (!parts) return null;
  try {
    const text = [...parts].map(([key, value]) => `${key}=${value}`).join(";");
    const options = RRule.parseString(text);
    const until = options.until ? { until: new Date(moveUntil(options.until.getTime())) } : {};
    return new RRule({ ...options, ...until, dtstart: new Date(dtstartWall), tzid: null }, true);
  } catch {
    return null;
  }
}

/**
 * rrule looks for the next date until year 9999 when none comes (a rule that never meets took
 * 50 s of blocked event loop here). So the first meeting is looked for in an equivalent year near
 * 9999: 8,000 years (twenty Gregorian cycles) on, then 28-year steps, which keep weekdays and
 * leap years alike in 1901–2099 and 9901–10099. The search then stops within about 30 years.
 */
function equivalentYearNear9999(year: number): number | null {
  if (year < 1901 || year > 2097) return null;
  const base = year + 8000;
  return base - 28 * Math.floor((base - 9969) / 28);
}

/**
 * The rule's first meeting date on or after a date ("YYYY-MM-DD"), or null when it does not
 * meet within two years of it (or the date is not between 1901 and 2097).
 */
export function firstMeetingDate(rrule: string, onOrAfter: string): string | null {
  const start = parseLocalDate(onOrAfter);
  if (start === null) return null;
  const date = new Date(start);
  const year = date.getUTCFullYear();
  const probeYear = equivalentYearNear9999(year);
  if (probeYear === null) return null;
  const probe = Date.UTC(probeYear, date.getUTCMonth(), date.getUTCDate());
  const shift = (at: number, years: number) => {
    const d = new Date(at);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.getTime();
  };
  const rule = compile(rrule, probe, (until) => shift(until, probeYear - year));
  if (!rule) return null;
  const found = rule.between(
    new Date(probe),
    new Date(probe + FIRST_MEETING_WITHIN_MS),
    true,
    (_date, count) => count < 1,
  );
  return found[0] ? formatWallDate(shift(found[0].getTime(), year - probeYear)) : null;
}

/**
 * Whether an RRULE (stored without DTSTART) can be a group's schedule from `startsOn`: it must
 * parse, use only date parts (the time is the start time), and meet within two years; e.g.
 * FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2 never meets and is refused.
 */
export function validateRule(input: { rrule: string; startsOn: string }): RuleCheck {
  const start = parseLocalDate(input.startsOn);
  const year = start === null ? null : new Date(start).getUTCFullYear();
  if (year === null || equivalentYearNear9999(year) === null || !compile(input.rrule, 0))
    return { ok: false, reason: "INVALID_RULE" };
  return firstMeetingDate(input.rrule, input.startsOn) === null
    ? { ok: false, reason: "NEVER_OCCURS" }
    : { ok: true };
}

const checkedRules = new Map<string, boolean>();

/** validateRule's answer, remembered: expanding a rule that never meets would block for seconds. */
function meetsWithinTwoYears(rrule: string, startsOn: string): boolean {
  const key = `${startsOn} ${rrule}`;
  let meets = checkedRules.get(key);
  if (meets === undefined) {
    meets = validateRule({ rrule, startsOn }).ok;
    if (checkedRules.size >= 1000) checkedRules.clear();
    checkedRules.set(key, meets);
  }
  return meets;
}

function occurrenceAt(wall: number, timeZone: string, durationMinutes: number): Occurrence {
  const startsAt = instantFromWall(wall, timeZone);
  // In a spring-forward gap the meeting moves on by the gap; its wall time is what it shows.
  const shown = wallAt(startsAt, timeZone);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationMinutes * MINUTE_MS),
    localDate: formatWallDate(shown),
    localTime: formatWallTime(shown),
  };
}

/**
 * The meetings of a schedule in a window, in order, as instants and as local date and time.
 *
 * The rule is expanded on local dates and each local time is then placed in the zone, so a
 * 10:30 meeting in Europe/Rome is 09:30 UTC in winter and 08:30 UTC in summer. Unlike RFC 5545's
 * DTSTART, a `startsOn` that the rule does not match is not itself a meeting: it only says when
 * the series begins, so the dates never contradict the words describeSchedule writes.
 *
 * Throws RangeError for a bad zone, date or time, or a rule validateRule refuses from startsOn.
 */
export function expandSchedule(schedule: Schedule, window: ExpandWindow): Occurrence[] {
  const { timeZone, durationMinutes } = schedule;
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const limit = window.limit ?? (window.to ? Number.POSITIVE_INFINITY : DEFAULT_LIMIT);
  if (limit <= 0) return [];
  const fromMs = window.from.getTime();
  const toMs = window.to?.getTime() ?? fromMs + HORIZON_MS;
  const inWindow = (o: Occurrence) => o.endsAt.getTime() > fromMs && o.startsAt.getTime() < toMs;

  const startDay = schedule.startsOn === null ? null : parseLocalDate(schedule.startsOn);
  const startClock = schedule.startTime === null ? null : parseLocalTime(schedule.startTime);
  if (schedule.startsOn !== null && startDay === null)
    throw new RangeError(`Not a date: "${schedule.startsOn}"`);
  if (schedule.startTime !== null && startClock === null)
    throw new RangeError(`Not a time: "${schedule.startTime}"`);

  const found: Occurrence[] = [];
  if (schedule.rrule !== null && startDay !== null && startClock !== null) {
    const dtstart = startDay + startClock;
    const rule = meetsWithinTwoYears(schedule.rrule, schedule.startsOn!)
      ? compile(schedule.rrule, dtstart)
      : null;
    if (!rule) throw new RangeError(`Not a recurrence rule Mutua can use: "${schedule.rrule}"`);
    // Look a day beyond each end in wall time, then keep what falls in the window as instants.
    const after = Math.max(
      dtstart,
      wallAt(fromMs, timeZone) - DAY_MS - durationMinutes * MINUTE_MS,
    );
    const before = wallAt(toMs, timeZone) + DAY_MS;
    if (after <= before) {
      rule.between(new Date(after), new Date(before), true, (date) => {
        const occurrence = occurrenceAt(date.getTime(), timeZone, durationMinutes);
        if (inWindow(occurrence)) found.push(occurrence);
        return found.length < limit;
      });
    }
  } else if (schedule.rrule === null && startDay !== null && startClock !== null) {
    const only = occurrenceAt(startDay + startClock, timeZone, durationMinutes);
    if (inWindow(only)) found.push(only);
  }
  for (const text of schedule.oneOffs ?? []) {
    const wall = parseLocalDateTime(text);
    if (wall === null) throw new RangeError(`Not a local date and time: "${text}"`);
    const occurrence = occurrenceAt(wall, timeZone, durationMinutes);
    if (inWindow(occurrence)) found.push(occurrence);
  }

  const seen = new Set<number>();
  return found
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .filter((o) => !seen.has(o.startsAt.getTime()) && seen.add(o.startsAt.getTime()))
    .slice(0, limit);
}

/** The schedule's meeting on a local date ("YYYY-MM-DD"), or null when it does not meet then. */
export function occurrenceOn(schedule: Schedule, localDate: string): Occurrence | null {
  const day = parseLocalDate(localDate);
  if (day === null || !isTimeZone(schedule.timeZone)) return null;
  const midnight = instantFromWall(day, schedule.timeZone).getTime();
  const around = expandSchedule(schedule, {
    from: new Date(midnight - 2 * DAY_MS),
    to: new Date(midnight + 3 * DAY_MS),
  });
  return around.find((o) => o.localDate === localDate) ?? null;
}

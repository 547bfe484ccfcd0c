import { dateTimeFormat } from "../i18n/intl-cache.js";
/**
 * Wall-clock time in IANA time zones, with nothing but `Intl`: which instant a local date and
 * time names, and which local date and time an instant shows, across daylight-saving changes.
 *
 * A "wall" value is a local date and time written as milliseconds since 1970 as if the zone were
 * UTC (Date.UTC of its parts). It is never an instant: convert with `instantFromWall`.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = dateTimeFormat("en-US", {
      timeZone,
      // h23, not hour12: false, which writes midnight as "24" on some ICU versions.
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(name: string): boolean {
  if (formatters.has(name)) return true;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

const walls = new Map<string, number>();
const WALLS_LIMIT = 50_000;

/** The local date and time an instant shows in a zone, as a wall value (seconds kept). */
export function wallAt(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  // The same meetings are shown on every page view: formatToParts is the costly part (a
  // member's meetings page spent a tenth of its time here), so each answer is kept. Meetings
  // start on the minute; "now" hardly ever does, and keeping each request's "now" would only
  // push the meetings out.
  if (ms % MINUTE_MS !== 0) return computeWall(ms, timeZone);
  const key = `${timeZone}|${ms}`;
  const known = walls.get(key);
  if (known !== undefined) return known;
  const wall = computeWall(ms, timeZone);
  if (walls.size >= WALLS_LIMIT) walls.clear();
  walls.set(key, wall);
  return wall;
}

function computeWall(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Rome in summer: 120). */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallAt(whole, timeZone) - whole) / MINUTE_MS);
}

/**
 * The instant a local date and time names in a zone, as RFC 5545 (3.3.5) reads a DATE-TIME with
 * a TZID: a time that occurs twice (autumn) is the first of the two; a time that does not occur
 * (spring gap) is read with the offset before the gap, so 02:30 on the spring-forward night in
 * Europe/Rome is 03:30 summer time. Calendar programs read our TZID times the same way.
 */
export function instantFromWall(wall: number, timeZone: string): Date {
  // Offsets are under a day, so one day either side lies beyond any change near this time.
  const before = offsetMinutesAt(wall - DAY_MS, timeZone);
  const after = offsetMinutesAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wallAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before * MINUTE_MS);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-03-10" as a wall value at midnight, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== day) return null;
  return wall;
}

/** "10:30" or "10:30:00" as milliseconds after midnight, or null. */
export function parseLocalTime(text: string): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** "2026-03-10T10:30" (seconds optional) as a wall value, or null. */
export function parseLocalDateTime(text: string): number | null {
  const [date = "", time = "", ...rest] = text.split("T");
  if (rest.length > 0) return null;
  const day = parseLocalDate(date);
  const clock = parseLocalTime(time);
  return day === null || clock === null ? null : day + clock;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD" of a wall value. */
export function formatWallDate(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "HH:MM" of a wall value. */
export function formatWallTime(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The local date and time an instant shows in a zone: { localDate: "2026-03-10", localTime: "10:30" }. */
export function localDateTime(
  instant: Date,
  timeZone: string,
): { localDate: string; localTime: string } {
  const wall = wallAt(instant, timeZone);
  return { localDate: formatWallDate(wall), localTime: formatWallTime(wall) };
}

/** ISO 8601 with the zone's offset at that instant: "2026-03-10T10:30:00+01:00" (schema.org). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const wall = wallAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const d = new Date(wall);
  return `${formatWallDate(wall)}T${formatWallTime(wall)}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

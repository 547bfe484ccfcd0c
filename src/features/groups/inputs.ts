import { z } from "zod";
import { checkbox, checkboxList } from "../../infra/html/form.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import {
  expandSchedule,
  type MonthlyPosition,
  ruleForChoice,
  validateRule,
  type Weekday,
} from "../../infra/time/recurrence.js";
import { audiences, formats, joiningPolicies, scheduleKinds, visibilities } from "./tables.js";

/** Languages a group can name, by ISO 639-1 code; names come from Intl.DisplayNames. */
export const groupLanguages = [
  "it",
  "en",
  "de",
  "fr",
  "es",
  "pt",
  "ro",
  "pl",
  "uk",
  "sq",
  "ar",
  "zh",
] as const;
export const weekdays = ["0", "1", "2", "3", "4", "5", "6"] as const;
export const nths = ["1", "2", "3", "4", "-1"] as const;
export const durations = ["60", "90", "120"] as const;
export const accessNeeds = [
  "stepFree",
  "accessibleToilet",
  "hearingLoop",
  "parking",
  "nearPublicTransport",
] as const;

const markup = /<[^>]*>|&[a-z]+;|&#\d+;/i;
const plainText = (
  max: number,
  min: number,
  message: "groups.errors.description" | "groups.errors.firstMeeting",
) =>
  z
    .string()
    .trim()
    .min(min, message)
    .max(max, message)
    .refine((text) => !markup.test(text), "groups.errors.markup");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Optional text of at most `max` characters, with what to say when there is more. */
const boundedText = (max: number, message: MessageKey) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

const months = new Map<string, number>();
for (const names of [
  "january february march april may june july august september october november december",
  "jan feb mar apr may jun jul aug sep oct nov dec",
  "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  "gen feb mar apr mag giu lug ago set ott nov dic",
]) {
  for (const [index, name] of names.split(" ").entries()) months.set(name, index + 1);
}
months.set("sept", 9);
// Whole words only: "ì" is not a word character to \b, so the edges are spelled out.
const weekdayWords =
  /(?<![a-zà-ú])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(rs?)?|fri|sat|sun|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica)(?![a-zà-ú])/g;

/** "YYYY-MM-DD" for a day that exists; null otherwise. */
function calendarDate(year: number, month: number, dayOfMonth: number): string | null {
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
  return isRealDate(iso) ? iso : null;
}

/**
 * A date as people write it, day first as in Britain and Italy, as "YYYY-MM-DD"; null when it is
 * not a day that exists. "14/4/2026", "14.04.26", "14 April 2026", "Tuesday 14th April 2026",
 * "martedì 14 aprile 2026", "1° aprile 2026", "April 14, 2026" and "2026-04-14" all read alike.
 */
export function readDate(text: string): string | null {
  const lower = text.trim().toLowerCase();
  // A day named beside the date must be that date's day: "Monday 14 April 2026" (a Tuesday) is
  // more likely a slip about the 13th than about the day, so it is asked again.
  const named = [...lower.matchAll(weekdayWords)].map((m) => weekdayNumber(m[1]!));
  const plain = lower
    .replace(weekdayWords, " ")
    .replace(/(\d)(st|nd|rd|th)\b/g, "$1")
    .replace(/(\d)[°º]/g, "$1")
    .replace(/[,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const iso = readPlainDate(plain);
  if (iso === null || named.length > 1) return null;
  if (named.length === 1 && new Date(`${iso}T12:00:00Z`).getUTCDay() !== named[0]) return null;
  return iso;
}

function readPlainDate(plain: string): string | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(plain);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})$/.exec(plain);
  if (m) {
    // Two digits are this century's years up to 2068; "99" is not taken to mean 2099.
    const short = Number(m[3]);
    if (m[3]!.length === 2 && short > 68) return null;
    const year = m[3]!.length === 2 ? 2000 + short : short;
    return calendarDate(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2}) ([a-zà-ú]+)\.? (\d{4})$/.exec(plain);
  if (m && months.has(m[2]!)) return calendarDate(Number(m[3]), months.get(m[2]!)!, Number(m[1]));
  m = /^([a-zà-ú]+)\.? (\d{1,2}) (\d{4})$/.exec(plain);
  if (m && months.has(m[1]!)) return calendarDate(Number(m[3]), months.get(m[1]!)!, Number(m[2]));
  return null;
}

/** 0 for Sunday to 6 for Saturday, from a day's name in English or Italian. */
function weekdayNumber(word: string): number {
  const stem = word.slice(0, 3);
  const index = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].indexOf(stem);
  if (index !== -1) return index;
  return ["dom", "lun", "mar", "mer", "gio", "ven", "sab"].indexOf(stem);
}

/** A form field for a date written as people write it (readDate), read as "YYYY-MM-DD". */
export const dateField = (message: MessageKey) =>
  z.string().transform((text, context) => {
    const iso = readDate(text);
    if (iso === null) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return iso;
  });

/** A date as the forms ask for it ("14/4/2026"), from "YYYY-MM-DD". */
export function writtenDate(iso: string): string {
  const [year, month, dayOfMonth] = iso.split("-").map(Number);
  return `${dayOfMonth}/${month}/${year}`;
}

/**
 * A line of a group's chosen dates, "14/4/2026 10:30" or "martedì 14 aprile 2026 10.30", as its
 * local date and time; null when either is not one.
 */
export function readDateAndTime(line: string): { date: string; time: string } | null {
  const m = /^(.*\S)\s+(\S+)$/.exec(line.trim());
  if (!m) return null;
  const date = readDate(m[1]!);
  const time = normaliseTime(m[2]!);
  return date && time ? { date, time } : null;
}

const day = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isRealDate(text: string): boolean {
  const m = text.match(day);
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2999) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}
const clock = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
export function normaliseTime(text: string): string | null {
  const m = text.trim().match(clock);
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : null;
}

/**
 * The form to start a group. Everything arrives as text; the result is a checked draft whose
 * town is still to be found (an unknown town is reported by the route, next to its field).
 */
export const groupForm = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, "groups.errors.name")
      .max(80, "groups.errors.name")
      .refine((v) => !markup.test(v), "groups.errors.markup"),
    description: plainText(2000, 10, "groups.errors.description"),
    firstMeeting: plainText(1500, 0, "groups.errors.firstMeeting"),
    difficulties: checkboxList(z.string().regex(/^[a-z0-9-]{1,60}$/)),
    openToAnyDifficulty: checkbox,
    audience: z.enum(audiences, { message: "groups.errors.audience" }),
    languages: checkboxList(z.enum(groupLanguages)).refine(
      (l) => l.length > 0,
      "groups.errors.languages",
    ),
    writtenIn: z.enum(groupLanguages, { message: "groups.errors.writtenIn" }).optional(),
    format: z.enum(formats, { message: "groups.errors.format" }),
    venueName: boundedText(120, "groups.errors.venueNameLong"),
    streetAddress: boundedText(200, "groups.errors.streetAddressLong"),
    town: boundedText(100, "groups.errors.townLong"),
    postalCode: boundedText(12, "groups.errors.postalCode"),
    publishAddress: checkbox,
    access: checkboxList(z.enum(accessNeeds)),
    accessNotes: z
      .string()
      .trim()
      .max(500, "groups.errors.accessNotes")
      .refine((v) => !markup.test(v), "groups.errors.markup")
      .optional()
      .default(""),
    videoUrl: boundedText(500, "groups.errors.videoUrl"),
    phoneNumber: optionalText,
    phonePin: optionalText,
    scheduleKind: z.enum(scheduleKinds, { message: "groups.errors.scheduleKind" }),
    weekday: z.enum(weekdays, { message: "groups.errors.weekday" }).optional(),
    nth: z.enum(nths, { message: "groups.errors.nth" }).optional(),
    // Kept as typed when it is not a date, for the check below to say so by the field.
    startsOn: optionalText.transform((text) => (text ? (readDate(text) ?? text) : text)),
    startTime: optionalText,
    duration: z.enum(durations, { message: "groups.errors.duration" }),
    oneOffDates: optionalText,
    capacity: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "groups.errors.capacity")
      .transform(Number)
      .pipe(z.number().min(3, "groups.errors.capacity").max(30, "groups.errors.capacity")),
    joiningPolicy: z.enum(joiningPolicies, { message: "groups.errors.joiningPolicy" }),
    visibility: z.enum(visibilities, { message: "groups.errors.visibility" }),
    organisationId: optionalText,
  })
  .superRefine((form, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (!form.openToAnyDifficulty && form.difficulties.length === 0)
      problem("difficulties", "groups.errors.difficulties");
    // A group that meets in several languages says which one its page is written in.
    if (form.languages.length > 1 && !form.writtenIn)
      problem("writtenIn", "groups.errors.writtenIn");
    if (form.languages.length > 1 && form.writtenIn && !form.languages.includes(form.writtenIn))
      problem("writtenIn", "groups.errors.writtenInSpoken");
    const meetsInPerson = form.format === "in_person" || form.format === "hybrid";
    if (meetsInPerson) {
      if (!form.venueName) problem("venueName", "groups.errors.venueName");
      if (!form.streetAddress) problem("streetAddress", "groups.errors.streetAddress");
      if (!form.town) problem("town", "groups.errors.town");
    }
    if (form.format === "online" && !form.videoUrl) problem("videoUrl", "groups.errors.videoUrl");
    if (form.videoUrl && !/^https:\/\/[^\s<>"]+\.[^\s<>"]+$/.test(form.videoUrl))
      problem("videoUrl", "groups.errors.videoUrl");
    if (form.format === "telephone" && !form.phoneNumber)
      problem("phoneNumber", "groups.errors.phoneNumber");
    if (form.format === "hybrid" && !form.videoUrl && !form.phoneNumber)
      problem("videoUrl", "groups.errors.videoUrl");
    if (form.phoneNumber && !/^\+?[0-9 ()-]{5,30}$/.test(form.phoneNumber))
      problem("phoneNumber", "groups.errors.phoneNumber");
    if (form.phonePin && !/^[0-9*#]{1,20}$/.test(form.phonePin))
      problem("phonePin", "groups.errors.phonePin");
    if (form.scheduleKind === "one_off") {
      const lines = (form.oneOffDates ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      const valid =
        lines.length > 0 && lines.length <= 52 && lines.every((l) => readDateAndTime(l) !== null);
      if (!valid) problem("oneOffDates", "groups.errors.oneOffDates");
      // A group meets once on a day: the same day written twice (in any form) is asked again.
      else if (new Set(lines.map((l) => readDateAndTime(l)?.date)).size < lines.length)
        problem("oneOffDates", "groups.errors.oneOffDatesTwice");
    } else {
      if (!form.weekday) problem("weekday", "groups.errors.weekday");
      if (form.scheduleKind === "monthly" && !form.nth) problem("nth", "groups.errors.nth");
      if (!form.startsOn || !isRealDate(form.startsOn))
        problem("startsOn", "groups.errors.startsOn");
      if (!form.startTime || !normaliseTime(form.startTime))
        problem("startTime", "groups.errors.startTime");
    }
  });

export type GroupForm = z.output<typeof groupForm>;

/** The language a group's page is written in: the one it meets in, or the one chosen of several. */
export function writtenInOf(form: Pick<GroupForm, "languages" | "writtenIn">): string | null {
  return form.languages.length === 1 ? form.languages[0]! : (form.writtenIn ?? null);
}

/** The RFC 5545 rule for a recurring schedule chosen in plain words; null for chosen dates. */
export function scheduleRule(
  form: Pick<GroupForm, "scheduleKind" | "weekday" | "nth">,
): string | null {
  const weekday = Number(form.weekday) as Weekday;
  switch (form.scheduleKind) {
    case "weekly":
    case "fortnightly":
      return ruleForChoice({ kind: form.scheduleKind, weekday });
    case "monthly":
      return ruleForChoice({
        kind: "monthly",
        weekday,
        position: Number(form.nth) as MonthlyPosition,
      });
    case "one_off":
      return null;
  }
}

/** The chosen dates of a group that meets on dates rather than a rule: local "YYYY-MM-DDTHH:MM". */
export function oneOffDates(form: Pick<GroupForm, "oneOffDates">): string[] {
  return (form.oneOffDates ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const read = readDateAndTime(line);
      if (!read) throw new Error("oneOffDates is given checked forms only");
      return `${read.date}T${read.time}`;
    })
    .sort();
}

type Place = { name: string; country: string; latitude: number; longitude: number };

/** What the checks beyond the form's shape can find, each with its field and its words. */
const draftChecks = {
  UNKNOWN_DIFFICULTY: ["difficulties", "groups.errors.difficulties"],
  UNKNOWN_TOWN: ["town", "groups.errors.townUnknown"],
  NEVER_MEETS: ["startsOn", "groups.errors.neverOccurs"],
  NO_DATE_AHEAD: ["oneOffDates", "groups.errors.neverOccurs"],
} as const satisfies Record<string, readonly [string, MessageKey]>;
export type DraftProblem = keyof typeof draftChecks;

const byProblem = <T>(each: (field: string, message: MessageKey) => T) =>
  Object.fromEntries(
    Object.entries(draftChecks).map(([problem, [field, message]]) => [
      problem,
      each(field, message),
    ]),
  ) as Record<DraftProblem, T>;
/** For the form: each problem next to its field. */
export const draftFields = byProblem((field, message) => ({ [field]: message }));
/** For the JSON door: each problem refused with 422, in the same words. */
export const draftRefusals = byProblem((_field, message) => ({ status: 422 as const, message }));

/**
 * The checks a group's form needs beyond its shape, the same when a group starts and when its
 * facilitators change it: difficulties still offered, a schedule that meets, a town that is
 * known. Each problem is shown next to its field (draftFields).
 */
export async function checkGroupDraft(
  draft: GroupForm,
  context: {
    offeredDifficulties: string[];
    /** The time zone the group keeps, once its town (if it meets in person) is known. */
    timeZoneOf: (place: Place | null) => string;
    now: Date;
    findTown: (typed: string) => Promise<Place | null>;
  },
): Promise<
  { ok: true; place: Place | null; timeZone: string } | { ok: false; reason: DraftProblem }
> {
  const known = new Set(context.offeredDifficulties);
  if (draft.difficulties.some((slug) => !known.has(slug)))
    return { ok: false, reason: "UNKNOWN_DIFFICULTY" };
  const meetsInPerson = draft.format === "in_person" || draft.format === "hybrid";
  const place = meetsInPerson && draft.town ? await context.findTown(draft.town) : null;
  if (meetsInPerson && !place) return { ok: false, reason: "UNKNOWN_TOWN" };
  const timeZone = context.timeZoneOf(place);
  const rule = scheduleRule(draft);
  if (rule && draft.startsOn && !validateRule({ rrule: rule, startsOn: draft.startsOn }).ok) {
    return { ok: false, reason: "NEVER_MEETS" };
  }
  if (draft.scheduleKind === "one_off") {
    const upcoming = expandSchedule(
      {
        rrule: null,
        startsOn: null,
        startTime: null,
        timeZone,
        durationMinutes: 90,
        oneOffs: oneOffDates(draft),
      },
      { from: context.now, limit: 1 },
    );
    if (upcoming.length === 0) return { ok: false, reason: "NO_DATE_AHEAD" };
  }
  return { ok: true, place, timeZone };
}

import { z } from "zod";
import { isMessageKey, type MessageKey } from "../../infra/i18n/i18n.js";
import { emailAddress } from "../accounts/inputs.js";
import { radiusChoices, type TimeOfDay, timesOfDay } from "../directory/inputs.js";

/**
 * The newcomer's questions at /find. Answers travel in the query string from page to page
 * (GET forms with hidden fields), so the back button, bookmarks and "Change" links all work
 * without JavaScript and nothing is stored until the person asks for help.
 */

export const questions = ["difficulty", "who", "where", "when", "language"] as const;
export type Question = (typeof questions)[number];

/** "Something else, or I'm not sure": groups open to any difficulty (mixed groups). */
export const ANY_DIFFICULTY = "any";
export const whoChoices = ["me", "carer", "both"] as const;
export const howChoices = ["in_person", "online", "telephone", "any"] as const;
export type Who = (typeof whoChoices)[number];
export type How = (typeof howChoices)[number];

export const DEFAULT_RADIUS_KM = 25;
export const MAX_RADIUS_KM = 100;
/** The radios offer radiusChoices; "look further away" may reach these wider ones too. */
const widerRadii = [10, 20, 50, MAX_RADIUS_KM] as const;
export const allowedRadii: readonly number[] = [...new Set([...radiusChoices, ...widerRadii])];

/** The fields of the query string each question owns, in the order the page shows them. */
export const questionFields: Record<Question, readonly string[]> = {
  difficulty: ["difficulty"],
  who: ["who"],
  where: ["how", "place", "radius"],
  when: ["day", "time", "when"],
  language: ["language"],
};

export type Answers = {
  difficulty?: string | undefined;
  who?: Who | undefined;
  how?: How | undefined;
  place?: string | undefined;
  radius?: number | undefined;
  days: number[];
  times: TimeOfDay[];
  anyTime: boolean;
  language?: string | undefined;
};

/** The query string as it came in: text as typed, repeated names as lists. */
export type QueryValues = Record<string, string | string[]>;

const knownFields = Object.values(questionFields).flat();

/** The known fields of a query string; anything else (a tracking tag) is left behind. */
export function queryValues(query: unknown): QueryValues {
  const values: QueryValues = {};
  if (!query || typeof query !== "object") return values;
  for (const field of [...knownFields, "sent", "change"]) {
    if (!Object.hasOwn(query, field)) continue;
    const value = (query as Record<string, unknown>)[field];
    if (typeof value === "string") values[field] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      values[field] = value.slice(0, 20) as string[];
    }
  }
  return values;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controls = /[\u0000-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controlsButNewline = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Control characters have no place in a town's name, and PostgreSQL refuses the NUL one. */
export function withoutControls(text: string): string {
  return text.replace(controls, " ").replace(/\s+/g, " ").trim();
}

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const languageCode = /^[a-z]{2,3}$/;
const PLACE_MAX = 100;

const one = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;
const many = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : [...new Set(Array.isArray(value) ? value : [value])];
const isOneOf = <T extends string>(choices: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (choices as readonly string[]).includes(value);

/**
 * The answers carried in a query string, each kept only if it is well formed: a broken or
 * tampered link never fails, it simply asks that question again.
 */
export function readAnswers(values: QueryValues): Answers {
  const difficulty = one(values.difficulty);
  const who = one(values.who);
  const how = one(values.how);
  const remote = how === "online" || how === "telephone";
  const place = withoutControls(one(values.place) ?? "");
  const radius = Number(one(values.radius));
  const language = one(values.language);
  return {
    difficulty:
      difficulty !== undefined && (difficulty === ANY_DIFFICULTY || slug.test(difficulty))
        ? difficulty
        : undefined,
    who: isOneOf(whoChoices, who) ? who : undefined,
    how: isOneOf(howChoices, how) ? how : undefined,
    place: !remote && place !== "" && place.length <= PLACE_MAX ? place : undefined,
    radius: !remote && allowedRadii.includes(radius) ? radius : undefined,
    days: many(values.day)
      .filter((d) => /^[0-6]$/.test(d))
      .map(Number)
      .sort(),
    times: timesOfDay.filter((time) => many(values.time).includes(time)),
    anyTime: one(values.when) === "any",
    language: language !== undefined && languageCode.test(language) ? language : undefined,
  };
}

/** Whether a question has an answer that can be used, as far as the answers alone can tell. */
export function isAnswered(answers: Answers, question: Question): boolean {
  switch (question) {
    case "difficulty":
      return answers.difficulty !== undefined;
    case "who":
      return answers.who !== undefined;
    case "where":
      if (answers.how === undefined) return false;
      return needsPlace(answers.how)
        ? answers.place !== undefined && answers.radius !== undefined
        : true;
    case "when":
      // Either some days or times, or "any time": not both, not neither.
      return answers.anyTime !== answers.days.length + answers.times.length > 0;
    case "language":
      return answers.language !== undefined;
  }
}

export function needsPlace(how: How | undefined): boolean {
  return how === "in_person" || how === "any";
}

export function firstUnanswered(answers: Answers): Question | null {
  return questions.find((question) => !isAnswered(answers, question)) ?? null;
}

/** The answers as query-string pairs, in the questions' order, leaving out some questions. */
export function answerParams(answers: Answers, leaveOut: Question[] = []): [string, string][] {
  const pairs: [string, string][] = [];
  const skip = new Set(leaveOut);
  if (!skip.has("difficulty") && answers.difficulty) pairs.push(["difficulty", answers.difficulty]);
  if (!skip.has("who") && answers.who) pairs.push(["who", answers.who]);
  if (!skip.has("where")) {
    if (answers.how) pairs.push(["how", answers.how]);
    if (answers.place !== undefined) pairs.push(["place", answers.place]);
    if (answers.radius !== undefined) pairs.push(["radius", String(answers.radius)]);
  }
  if (!skip.has("when")) {
    for (const day of answers.days) pairs.push(["day", String(day)]);
    for (const time of answers.times) pairs.push(["time", time]);
    if (answers.anyTime) pairs.push(["when", "any"]);
  }
  if (!skip.has("language") && answers.language) pairs.push(["language", answers.language]);
  return pairs;
}

/** A /find address carrying the answers (and any extra pairs). */
export function findHref(path: string, answers: Answers, extra: [string, string][] = []): string {
  const query = new URLSearchParams([...answerParams(answers), ...extra]).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * "Look further away and at any day or time": the day and time wishes go, and the distance at
 * least doubles (up to MAX_RADIUS_KM). Null when there is nothing to widen.
 */
export function widened(answers: Answers): Answers | null {
  if (!needsPlace(answers.how) || answers.radius === undefined) return null;
  if (answers.radius >= MAX_RADIUS_KM) return null;
  const radius = allowedRadii
    .filter((km) => km >= (answers.radius ?? 0) * 2)
    .reduce((a, b) => Math.min(a, b), MAX_RADIUS_KM);
  return { ...answers, radius, days: [], times: [], anyTime: true };
}

/* ---- Checking one question's answer when its page is sent ---- */

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, MessageKey> };

function check<S extends z.ZodType>(
  schema: S,
  values: QueryValues,
  fields: readonly string[],
): Checked<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const found: Record<string, MessageKey> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? fields[0]);
    if (found[field]) continue;
    found[field] = isMessageKey(issue.message) ? issue.message : "errors.generic";
  }
  // In the order the page shows the fields, so the error summary reads top to bottom.
  const errors: Record<string, MessageKey> = {};
  for (const field of [...fields, ...Object.keys(found)]) {
    if (found[field] && !errors[field]) errors[field] = found[field];
  }
  return { ok: false, errors };
}

const single = <T extends z.ZodType<unknown, string>>(inner: T, message: MessageKey) =>
  z.string({ error: message }).pipe(inner);

const difficultyAnswer = z.object({
  difficulty: single(
    z.string().refine((v) => v === ANY_DIFFICULTY || slug.test(v), "matching.difficulty.error"),
    "matching.difficulty.error",
  ),
});

const whoAnswer = z.object({
  who: single(z.enum(whoChoices, { error: "matching.who.error" }), "matching.who.error"),
});

const whereAnswer = z
  .object({
    how: single(z.enum(howChoices, { error: "matching.where.error" }), "matching.where.error"),
    place: z
      .string({ error: "matching.where.placeError" })
      .optional()
      .transform((text) => withoutControls(text ?? "")),
    radius: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .superRefine((value, ctx) => {
    const how = typeof value.how === "string" ? value.how : undefined;
    if (!needsPlace(how as How | undefined)) return;
    const place = typeof value.place === "string" ? value.place : "";
    if (place === "") {
      ctx.addIssue({ code: "custom", path: ["place"], message: "matching.where.placeMissing" });
    } else if (place.length > PLACE_MAX) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "matching.where.placeTooLong" });
    }
    if (typeof value.radius !== "string" || !allowedRadii.includes(Number(value.radius))) {
      ctx.addIssue({ code: "custom", path: ["radius"], message: "matching.where.radiusError" });
    }
  }, whenAlways())
  .transform((value) => {
    const how = value.how as How;
    return needsPlace(how)
      ? { how, place: value.place, radius: Number(value.radius) }
      : { how, place: undefined, radius: undefined };
  });

const ticks = <T extends z.ZodType<string, string>>(item: T, max: number, message: MessageKey) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .optional()
    .transform((value) => many(value))
    .pipe(z.array(item).max(max, message));

const whenAnswer = z
  .object({
    day: ticks(
      z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: "matching.when.dayError" }),
      7,
      "matching.when.dayError",
    ),
    time: ticks(
      z.enum(timesOfDay, { error: "matching.when.timeError" }),
      3,
      "matching.when.timeError",
    ),
    when: single(
      z.literal("any", { error: "matching.when.error" }),
      "matching.when.error",
    ).optional(),
  })
  .superRefine((value, ctx) => {
    const chosen = (value.day?.length ?? 0) + (value.time?.length ?? 0);
    const anyTime = value.when === "any";
    if (chosen === 0 && !anyTime) {
      ctx.addIssue({ code: "custom", path: ["day"], message: "matching.when.error" });
    } else if (chosen > 0 && anyTime) {
      ctx.addIssue({ code: "custom", path: ["when"], message: "matching.when.bothError" });
    }
  }, whenAlways())
  .transform((value) => ({
    days: value.day.map(Number).sort(),
    times: timesOfDay.filter((time) => value.time.includes(time)),
    anyTime: value.when === "any",
  }));

const languageAnswer = z.object({
  language: single(
    z.string().regex(languageCode, "matching.language.error"),
    "matching.language.error",
  ),
});

/** Zod skips refinements once a field has failed; these must run whatever else did (on an object). */
function whenAlways() {
  return { when: ({ value }: { value: unknown }) => typeof value === "object" && value !== null };
}

/** One question's answer, as sent from its page; what the database must confirm is checked by the route. */
export function checkAnswer(question: Question, values: QueryValues): Checked<Partial<Answers>> {
  const fields = questionFields[question];
  switch (question) {
    case "difficulty":
      return check(difficultyAnswer, values, fields);
    case "who":
      return check(whoAnswer, values, fields);
    case "where":
      return check(whereAnswer, values, fields);
    case "when":
      return check(whenAnswer, values, fields);
    case "language":
      return check(languageAnswer, values, fields);
  }
}

/* ---- Asking for help ---- */

const NAME_MAX = 40;
export const MESSAGE_MAX = 1000;
const reachChoices = ["email", "phone"] as const;

/** Plain text as typed: line breaks kept in a message, every other control character removed. */
function plain(text: string, keepLines: boolean): string {
  const unified = text.replace(/\r\n?/g, "\n");
  if (!keepLines) return unified.replace(controls, " ").replace(/\s+/g, " ").trim();
  return unified
    .replace(controlsButNewline, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const phoneNumber = /^\+?[0-9(][0-9 ()./-]{4,23}$/;

/**
 * "Ask us to help you find a group": a name to call the person by, one way to reach them, and a
 * message if they like. All plain text, all short.
 */
export const helpInput = z
  .object({
    name: z
      .string({ error: "matching.help.nameMissing" })
      .transform((text) => plain(text, false))
      .pipe(
        z.string().min(1, "matching.help.nameMissing").max(NAME_MAX, "matching.help.nameTooLong"),
      ),
    reach: z.enum(reachChoices, { error: "matching.help.reachMissing" }),
    email: z.string().optional(),
    phone: z.string().optional(),
    message: z
      .string({ error: "matching.help.messageTooLong" })
      .optional()
      .transform((text) => plain(text ?? "", true))
      .pipe(z.string().max(MESSAGE_MAX, "matching.help.messageTooLong")),
  })
  .superRefine((value, ctx) => {
    if (value.reach === "email") {
      const email = emailAddress.safeParse(typeof value.email === "string" ? value.email : "");
      if (!email.success) {
        const message = email.error.issues[0]?.message;
        ctx.addIssue({
          code: "custom",
          path: ["email"],
          message: message && isMessageKey(message) ? message : "errors.email.invalid",
        });
      }
    } else if (value.reach === "phone") {
      const phone = plain(typeof value.phone === "string" ? value.phone : "", false);
      const digits = phone.replace(/[^0-9]/g, "").length;
      if (phone === "") {
        ctx.addIssue({ code: "custom", path: ["phone"], message: "matching.help.phoneMissing" });
      } else if (!phoneNumber.test(phone) || digits < 5 || digits > 15) {
        ctx.addIssue({ code: "custom", path: ["phone"], message: "matching.help.phoneInvalid" });
      }
    }
  }, whenAlways())
  .transform((value) => ({
    name: value.name,
    contact:
      value.reach === "email"
        ? { kind: "email" as const, address: emailAddress.parse(value.email) }
        : { kind: "phone" as const, number: plain(value.phone ?? "", false) },
    message: value.message,
  }));

export type HelpRequest = z.output<typeof helpInput>;

/** The help form's fields in the order it shows them, for the error summary. */
export const helpFields = ["name", "reach", "email", "phone", "message"] as const;

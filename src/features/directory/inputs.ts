import { z } from "zod";

/**
 * What a person can search the directory by. One schema for the form on /groups (a GET query
 * string) and for /api/v1/groups; messages are i18n keys, shown in the reader's language on the
 * page and in English by the API.
 */

export const radiusChoices = [5, 10, 25, 50] as const;
export const timesOfDay = ["morning", "afternoon", "evening"] as const;
export const accessNeeds = [
  "step_free",
  "accessible_toilet",
  "hearing_loop",
  "parking",
  "near_public_transport",
] as const;
export const audienceChoices = ["any", "living_with", "carers"] as const;
export const PAGE_SIZE = 20;
const MAX_PAGE = 500;

export type TimeOfDay = (typeof timesOfDay)[number];
export type AccessNeed = (typeof accessNeeds)[number];
export type RadiusKm = (typeof radiusChoices)[number];

/** Control characters have no place in a search, and PostgreSQL refuses the NUL character. */
const withoutControls = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const words = (max: number, tooLong: string) =>
  z
    .string()
    .transform(withoutControls)
    .pipe(z.string().max(max, tooLong))
    .transform((text) => (text === "" ? undefined : text))
    .optional();

/** A field that may be sent once or several times (checkboxes: `day=1&day=3`). */
const several = <T extends z.ZodType<unknown, string>>(item: T, max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
    .pipe(z.array(item).max(max, message))
    .optional()
    .transform((value) => value ?? []);

/** A yes-or-no box: ticked sends "true"; left empty sends nothing. */
const tick = z
  .enum(["true", "false"], { error: "errors.choice.invalid" })
  .optional()
  .transform((value) => value === "true");

/** In the order the form asks, so the error summary lists problems in that order too. */
const criteriaShape = {
  difficulty: several(
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "directory.errors.difficultyUnknown"),
    20,
    "directory.errors.difficultyUnknown",
  ),
  place: words(100, "directory.errors.placeTooLong"),
  radius: z
    .enum(["5", "10", "25", "50"], { error: "directory.errors.radius" })
    .default("25")
    .transform((value) => Number(value) as RadiusKm),
  remote: tick,
  audience: z
    .enum(audienceChoices, { error: "errors.choice.invalid" })
    .optional()
    .transform((value) => (value === "any" ? undefined : value)),
  language: several(
    z.string().regex(/^[a-z]{2,3}$/, "directory.errors.language"),
    10,
    "directory.errors.language",
  ),
  day: several(
    z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: "directory.errors.day" }),
    7,
    "directory.errors.day",
  ).transform((days) => days.map(Number)),
  time: several(z.enum(timesOfDay, { error: "directory.errors.time" }), 3, "directory.errors.time"),
  access: several(
    z.enum(accessNeeds, { error: "directory.errors.access" }),
    accessNeeds.length,
    "directory.errors.access",
  ),
  free: tick,
  q: words(100, "directory.errors.qTooLong"),
  page: z
    .string()
    .regex(/^[0-9]{1,3}$/, "directory.errors.page")
    .transform(Number)
    .pipe(z.number().int().min(1, "directory.errors.page").max(MAX_PAGE, "directory.errors.page"))
    .default(1),
};

/** The page's form: fields it does not know (a tracking tag in a shared link) are ignored. */
export const directoryQuery = z.object(criteriaShape);

/** The JSON API: the same fields, and any other one is refused by name. */
export const directoryApiQuery = z.looseObject(criteriaShape).superRefine((query, ctx) => {
  for (const key of Object.keys(query)) {
    if (!Object.hasOwn(criteriaShape, key)) {
      ctx.addIssue({ code: "custom", path: [key], message: "directory.errors.unknownParameter" });
    }
  }
});

export type DirectoryQuery = z.output<typeof directoryQuery>;

/** What searchGroups needs, named for what it means rather than for the query string. */
export type SearchCriteria = {
  text?: string | undefined;
  difficulties: string[];
  audience?: "living_with" | "carers" | undefined;
  place?: string | undefined;
  radiusKm: RadiusKm;
  /** Online, telephone and hybrid groups wherever they meet, as well as those near the place. */
  includeRemote: boolean;
  languages: string[];
  days: number[];
  times: TimeOfDay[];
  access: AccessNeed[];
  placesFree: boolean;
  page: number;
  /** Only groups that meet in one of these ways (the newcomer path's "by video"). */
  formats?: ("in_person" | "online" | "telephone" | "hybrid")[] | undefined;
  /** Only groups open to any difficulty (the newcomer path's "something else"). */
  openToAnyOnly?: boolean | undefined;
  /** Only groups taking new members: a newcomer is not shown a group closed to them. */
  takingNewcomers?: boolean | undefined;
};

export function toSearchCriteria(query: DirectoryQuery): SearchCriteria {
  return {
    text: query.q,
    difficulties: query.difficulty,
    audience: query.audience,
    place: query.place,
    radiusKm: query.radius,
    includeRemote: query.remote,
    languages: query.language,
    days: query.day,
    times: query.time,
    access: query.access,
    placesFree: query.free,
    page: query.page,
  };
}

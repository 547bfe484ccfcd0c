import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { translator } from "../../infra/i18n/i18n.js";
import { hasPlacesFree, placesCount, publicPlaceFields } from "../groups/present.js";
import { audiences, joiningPolicies, scheduleKinds } from "../groups/tables.js";
import {
  accessNeeds,
  directoryApiQuery,
  PAGE_SIZE,
  timesOfDay,
  toSearchCriteria,
} from "./inputs.js";
import { presentSearch } from "./present.js";
import { searchGroups } from "./reads.js";

const problem = problemBody;

const difficulty = z.object({ slug: z.string(), name: z.string() });
const audience = z.enum(audiences);

const matchReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("near"), place: z.string(), distanceKm: z.number() }),
  z.object({ kind: z.literal("remote"), format: z.enum(["online", "telephone", "hybrid"]) }),
  z.object({ kind: z.literal("difficulty"), difficulties: z.array(difficulty) }),
  z.object({ kind: z.literal("open_to_any_difficulty") }),
  z.object({ kind: z.literal("audience"), audience }),
  z.object({ kind: z.literal("language"), languages: z.array(z.string()) }),
  z.object({ kind: z.literal("day"), weekday: z.number().int() }),
  z.object({ kind: z.literal("time_of_day"), timeOfDay: z.enum(timesOfDay) }),
  z.object({ kind: z.literal("access"), needs: z.array(z.enum(accessNeeds)) }),
  z.object({ kind: z.literal("places_free"), count: placesCount }),
  z.object({ kind: z.literal("words") }),
]);

const publicGroup = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string().describe("The group's page on this site"),
  excerpt: z.string().describe("The start of the group's description"),
  difficulties: z.array(difficulty),
  openToAnyDifficulty: z.boolean(),
  audience,
  languages: z.array(z.string()).describe("ISO 639-1 codes"),
  ...publicPlaceFields,
  distanceKm: z.number().nullable().describe("From the place searched for, in whole kilometres"),
  schedule: z.object({
    kind: z.enum(scheduleKinds),
    weekday: z.number().int().nullable().describe("Sunday = 0 … Saturday = 6"),
    position: z
      .number()
      .int()
      .nullable()
      .describe("For a monthly group, which of the month's weekdays: 1 to 4, or -1 for the last"),
    startTime: z.string().nullable().describe("HH:MM, in the group's time zone"),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    startsOn: z.string().nullable().describe("The first meeting's date, while still to come"),
  }),
  placesFree: placesCount,
  hasPlacesFree,
  access: z.array(z.enum(accessNeeds)),
  joiningPolicy: z.enum(joiningPolicies),
  matchReasons: z.array(matchReason),
});

const searchAnswer = z.object({
  place: z.object({ name: z.string(), country: z.string() }).nullable(),
  radiusKm: z.number().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  results: z.array(publicGroup),
});

const english = translator("en");

/** GET /api/v1/groups: the public directory, for anyone, signed in or not. */
export async function directoryApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/groups",
    {
      schema: {
        tags: ["groups"],
        summary: "Search the directory of groups",
        description:
          "Listed, active groups matching every criterion given. Repeat a parameter to give several values (day=1&day=3). With a place, the nearest come first.",
        querystring: directoryApiQuery,
        response: { 200: searchAnswer, 400: problem },
      },
    },
    async (request) => {
      const criteria = toSearchCriteria(request.query);
      const result = await searchGroups(db, criteria, { now: clock(), language: request.lang });
      if (!result.ok) {
        const field: Record<string, string> =
          result.reason === "UNKNOWN_PLACE"
            ? { place: english("directory.errors.placeUnknown") }
            : { difficulty: english("directory.errors.difficultyUnknown") };
        throw new HttpProblem(400, "invalid_input", "Some of what was sent is not valid.", field);
      }
      return presentSearch(result, criteria, PAGE_SIZE);
    },
  );
}

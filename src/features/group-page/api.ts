import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { hasPlacesFree, placesCount } from "../groups/present.js";
import { getGroupBySlug } from "../groups/reads.js";
import { abilities } from "../memberships/policy.js";
import { getMembership } from "../memberships/reads.js";
import { presentGroup } from "./present.js";

const problem = problemBody;

const publicGroup = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string(),
  firstMeeting: z.string(),
  audience: z.enum(["living_with", "carers", "both"]),
  difficulties: z.array(z.string()),
  openToAnyDifficulty: z.boolean(),
  languages: z.array(z.string()),
  writtenIn: z
    .string()
    .nullable()
    .describe("The language the group's own words are written in (ISO 639-1), when known"),
  format: z.enum(["in_person", "online", "telephone", "hybrid"]),
  town: z.string().nullable(),
  country: z.string().nullable(),
  address: z
    .object({
      venueName: z.string().nullable(),
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
    })
    .nullable(),
  access: z.array(z.string()),
  timeZone: z.string(),
  schedule: z.string(),
  nextMeetings: z.array(
    z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      localDate: z.string(),
      localTime: z.string(),
      cancelled: z.boolean().describe("Called off: the group will not meet then"),
    }),
  ),
  placesFree: placesCount,
  hasPlacesFree,
  joiningPolicy: z.enum(["open", "ask", "closed"]),
  organisation: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});

/** A group's public page as JSON: what the group published, and what the viewer may do. */
export async function groupApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  app.get(
    "/api/v1/groups/:slug",
    {
      schema: {
        tags: ["groups"],
        summary: "A group's public page",
        params: z.object({ slug: z.string().max(64) }).strict(),
        querystring: z.object({}).strict(),
        response: { 200: publicGroup, 404: problem },
      },
    },
    async (request) => {
      const group = await getGroupBySlug(db, request.params.slug);
      if (!group || group.status === "closed")
        throw new HttpProblem(404, "not_found", "There is nothing at this address.");
      const now = clock();
      const membership = request.viewer
        ? await getMembership(db, group.id, request.viewer.personId)
        : null;
      return {
        ...(await presentGroup(db, group, {
          language: request.lang,
          now,
          publicUrl: config.publicUrl,
        })),
        abilities: abilities(request.viewer, group, membership, now),
      };
    },
  );
}

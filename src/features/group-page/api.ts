import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { getGroupBySlug } from "../groups/reads.js";
import { abilities } from "../memberships/policy.js";
import { getMembership } from "../memberships/reads.js";
import { presentGroup, publicGroup } from "./present.js";

const problem = problemBody;

const groupAnswer = publicGroup.extend({
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
        response: { 200: groupAnswer, 404: problem },
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

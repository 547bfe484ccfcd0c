import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { listActiveMembers, standingIn } from "../memberships/reads.js";
import { abilities } from "./policy.js";
import { getHandover, listRoleChanges } from "./reads.js";

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** The members and their roles as JSON, for the group's members only, with the handover. */
export async function roleApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/groups/:slug/members",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "A group's members, their roles and every change of role (members only)",
        security: [{ session: [] }],
        params: z.object({ slug: z.string().max(64) }).strict(),
        response: {
          200: z.object({
            members: z.array(
              z.object({ personId: z.string(), displayName: z.string(), role: z.string() }),
            ),
            changes: z.array(
              z.object({
                person: z.string(),
                by: z.string(),
                fromRole: z.string(),
                toRole: z.string(),
                at: z.string(),
              }),
            ),
            handover: z
              .object({ at: z.string(), agreed: z.boolean(), ledByMembers: z.boolean() })
              .nullable(),
            abilities: z.record(z.string(), z.boolean()),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const now = clock();
      const found = await standingIn(db, request.params.slug, request.viewer!.personId, now);
      if (!found) throw notFound();
      const handover = await getHandover(db, found.group.id);
      const can = abilities(found.standing, {
        proposed: handover !== null,
        agreed: !!handover?.agreedAt,
      });
      if (!can["members.view"]) throw notFound();
      const [members, changes] = await Promise.all([
        listActiveMembers(db, found.group.id),
        listRoleChanges(db, found.group.id, now),
      ]);
      const ledByMembers = found.group.handoverAt !== null && found.group.handoverAt <= now;
      return {
        members: members.map((m) => ({
          ...m,
          role: ledByMembers && m.role === "guide" ? "observer" : m.role,
        })),
        changes: changes.map((c) => ({
          person: c.person,
          by: c.by,
          fromRole: c.fromRole,
          toRole: c.toRole,
          at: c.at.toISOString(),
        })),
        handover: handover
          ? {
              at: handover.handoverAt.toISOString(),
              agreed: handover.agreedAt !== null,
              ledByMembers,
            }
          : null,
        abilities: can,
      };
    },
  );
}

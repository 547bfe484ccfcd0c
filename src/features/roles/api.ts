import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { listActiveMembers } from "../memberships/reads.js";
import {
  agreeHandoverAction,
  changeRoleAction,
  proposeHandoverAction,
  removeAction,
} from "./actions.js";
import { listRoleChanges } from "./reads.js";
import { amongMembers } from "./scope.js";

const inGroup = z.object({ slug: z.string().max(64) }).strict();
const aPerson = inGroup.extend({ personId: z.string().max(64) });
const tags = ["groups"];

/**
 * The members and their roles as JSON, for the group's members only, with the handover; and
 * the pages' actions on them, with the same rules.
 */
export async function roleApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  jsonDoor(app, changeRoleAction, { params: aPerson, tags });
  jsonDoor(app, removeAction, { params: aPerson, tags });
  jsonDoor(app, proposeHandoverAction, { params: inGroup, tags });
  jsonDoor(app, agreeHandoverAction, { params: inGroup, tags });

  app.get(
    "/api/v1/groups/:slug/members",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "A group's members, their roles and every change of role (members only)",
        security: [{ session: [] }],
        params: inGroup,
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
      const found = await amongMembers(request, request.viewer!);
      const { handover, can } = found;
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

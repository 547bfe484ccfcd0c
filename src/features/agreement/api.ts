import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { acceptAction, objectAction, proposeChangeAction } from "./actions.js";
import { changeSchema, presentChange } from "./present.js";
import { listSettledChanges } from "./reads.js";
import { atAgreement } from "./scope.js";

const params = z.object({ slug: z.string().max(64) }).strict();
const tags = ["groups"];

/** The group's agreement as JSON, for its members: read it, propose, object, accept again. */
export async function agreementApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  app.get(
    "/api/v1/groups/:slug/agreement",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "A group's agreement, a change open for objections, and earlier changes",
        security: [{ session: [] }],
        params,
        response: {
          200: z.object({
            text: z.string(),
            changedAt: z.string().nullable(),
            acceptedAt: z.string().nullable(),
            open: changeSchema.nullable(),
            history: z.array(changeSchema.extend({ objections: z.number().int() })),
            abilities: z.record(z.string(), z.boolean()),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const at = await atAgreement(request, request.viewer!);
      const history = await listSettledChanges(db, at.group.id);
      return {
        text: at.group.agreement,
        changedAt: at.group.agreementChangedAt?.toISOString() ?? null,
        acceptedAt: at.membership?.agreementAcceptedAt?.toISOString() ?? null,
        open: at.open ? presentChange(at.open) : null,
        history: history.map((c) => ({ ...presentChange(c), objections: c.objections.length })),
        abilities: at.can,
      };
    },
  );

  jsonDoor(app, proposeChangeAction, { params, tags });
  jsonDoor(app, objectAction, { params, tags });
  jsonDoor(app, acceptAction, { params, tags });
}

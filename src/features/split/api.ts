import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import {
  chooseInSplitAction,
  completeSplitAction,
  proposeSplitAction,
  withdrawSplitAction,
} from "./actions.js";
import { inSplit } from "./scope.js";

const params = z.object({ slug: z.string().max(64) }).strict();
const tags = ["groups"];

/** A proposed split as JSON, for the group's members, and its actions: the page's, same rules. */
export async function splitApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/groups/:slug/split",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The split proposed for a group, if any: the two groups and the choices made",
        security: [{ session: [] }],
        params,
        response: {
          200: z.object({
            open: z.boolean(),
            parts: z.array(
              z.object({
                part: z.number().int(),
                name: z.string(),
                weekday: z.number().int(),
                startTime: z.string(),
                chosenBy: z.number().int(),
              }),
            ),
            myChoice: z.enum(["1", "2", "leave"]).nullable(),
            undecided: z.number().int(),
            abilities: z.record(z.string(), z.boolean()),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const at = await inSplit(request, viewer);
      const choices = at.split ? [...at.split.choices.values()] : [];
      const mine = at.split?.choices.get(viewer.personId);
      return {
        open: at.split !== null,
        parts: (at.split?.parts ?? []).map((p) => ({
          part: p.part,
          name: p.name,
          weekday: p.weekday,
          startTime: p.startTime.slice(0, 5),
          chosenBy: choices.filter((c) => c === p.part).length,
        })),
        myChoice:
          mine === undefined
            ? null
            : mine === null
              ? ("leave" as const)
              : mine === 1
                ? ("1" as const)
                : ("2" as const),
        undecided: at.split ? Math.max(0, at.group.activeMemberCount - at.split.choices.size) : 0,
        abilities: at.can,
      };
    },
  );

  jsonDoor(base, proposeSplitAction, { params, tags });
  jsonDoor(base, chooseInSplitAction, { params, tags });
  jsonDoor(base, completeSplitAction, { params, tags });
  jsonDoor(base, withdrawSplitAction, { params, tags });
}

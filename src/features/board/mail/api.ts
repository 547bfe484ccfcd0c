import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { problemBody } from "../../../infra/http/problem.js";
import { signedInOnly } from "../../../infra/http/require-viewer.js";
import { onBoard } from "../scope.js";
import { chooseBoardMailAction, chosenJson } from "./actions.js";
import { getBoardMailChoice } from "./reads.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
const tags = ["board"];

/** A member's choice of mail about the board, as JSON: read it, or change it as the page does. */
export async function boardMailApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  app.get(
    "/api/v1/groups/:slug/board/mail",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The e-mails you get about a group's board (its active members)",
        security: [{ session: [] }],
        params: aGroup,
        querystring: z.object({}).strict(),
        response: { 200: chosenJson, 401: problemBody, 404: problemBody },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { group } = await onBoard(request, viewer);
      return { choice: await getBoardMailChoice(db, group.id, viewer.personId) };
    },
  );

  jsonDoor(app, chooseBoardMailAction, { params: aGroup, tags });
}

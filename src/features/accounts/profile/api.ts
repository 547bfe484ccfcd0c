import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { problemBody } from "../../../infra/http/problem.js";
import { requireViewer, signedInOnly } from "../../../infra/http/require-viewer.js";
import { abilities } from "../policy.js";
import { meShown, presentMe } from "../present.js";
import { deleteAccountAction, nameAction, profileAction } from "./actions.js";

const tags = ["me"];
const noParams = z.object({}).strict();

/** The signed-in person, and the changes to their own account the pages make, as JSON. */
export async function accountApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/me",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The signed-in person",
        response: { 200: meShown, 401: problemBody },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request, reply)!;
      reply.header("cache-control", "no-store");
      return presentMe(viewer, abilities(viewer));
    },
  );

  jsonDoor(app, profileAction, { params: noParams, tags });
  jsonDoor(app, nameAction, { params: noParams, tags });
  jsonDoor(app, deleteAccountAction, { params: noParams, tags });
}

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemBody } from "../../../infra/http/problem.js";
import { signedInOnly } from "../../../infra/http/require-viewer.js";
import { onBoard } from "../../board/scope.js";
import { urgentHelpFor, urgentHelpJson } from "./present.js";
import { threadOfPost } from "./reads.js";

/** A group's urgent help as JSON, for its members; never rate-limited. */
export async function urgentHelpApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/groups/:slug/urgent-help",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["crisis"],
        summary: "Who to call now, by the group's country, and the instance's helplines (members)",
        security: [{ session: [] }],
        params: z.object({ slug: z.string().max(64) }).strict(),
        querystring: z.object({ post: z.string().optional() }),
        response: { 200: urgentHelpJson, 401: problemBody, 404: problemBody },
      },
    },
    async (request) => {
      const scope = await onBoard(request, request.viewer!);
      const thread = await threadOfPost(app.deps.db, scope.group, request.query);
      return urgentHelpFor(app.deps.config, scope.group, thread);
    },
  );
}

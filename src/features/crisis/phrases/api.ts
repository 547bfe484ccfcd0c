import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { problemBody } from "../../../infra/http/problem.js";
import { signedInOnly } from "../../../infra/http/require-viewer.js";
import { administration } from "../../accounts/scope.js";
import { addPhraseAction, removePhraseAction } from "./actions.js";
import { phrasesJson, presentPhrase } from "./present.js";
import { listRiskPhrases } from "./reads.js";

const tags = ["crisis"];

/** The risk phrases as JSON, for administrators. */
export async function phraseApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/admin/risk-phrases",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "Every risk phrase, by language (administrators)",
        security: [{ session: [] }],
        response: { 200: phrasesJson, 401: problemBody, 403: problemBody },
      },
    },
    async (request) => {
      await administration(request, request.viewer!);
      return { phrases: (await listRiskPhrases(app.deps.db)).map(presentPhrase) };
    },
  );
  jsonDoor(app, addPhraseAction, { params: z.object({}).strict(), tags });
  jsonDoor(app, removePhraseAction, {
    params: z.object({ phraseId: z.string().max(64) }).strict(),
    tags,
  });
}

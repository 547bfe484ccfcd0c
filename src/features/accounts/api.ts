import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { requireViewer, signedInOnly } from "../../infra/http/require-viewer.js";
import { profilePatchInput } from "./inputs.js";
import { abilities } from "./policy.js";
import { presentMe } from "./present.js";
import { getViewerBySession } from "./reads.js";
import { updateProfile } from "./writes.js";

const problem = problemBody;

const me = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  language: z.enum(["en", "it"]),
  textSize: z.enum(["standard", "large", "largest"]),
  contrast: z.enum(["standard", "high"]),
  isAdmin: z.boolean(),
  signInMethod: z.enum(["email", "passkey"]),
  abilities: z.record(z.string(), z.boolean()),
});

export async function accountApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/me",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["me"],
        summary: "The signed-in person",
        response: { 200: me, 401: problem },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request, reply)!;
      reply.header("cache-control", "no-store");
      return presentMe(viewer, abilities(viewer));
    },
  );

  app.patch(
    "/api/v1/me",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["me"],
        summary: "Change your name, language, text size or colours",
        body: profilePatchInput,
        response: { 200: me, 400: problem, 401: problem },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request, reply)!;
      const now = clock();
      await updateProfile(db, viewer.personId, request.body, now);
      const updated = await getViewerBySession(db, viewer.sessionIdHash, now);
      // The session ended meanwhile (signed out everywhere from another window).
      if (!updated) throw new HttpProblem(401, "sign_in_required", "Sign in to use this.");
      const { lastSeenAt: _, ...fresh } = updated;
      return presentMe(fresh, abilities(fresh));
    },
  );
}

import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { cookieNames, cookieOptions } from "../../../infra/http/cookies.js";
import { setFlash } from "../../../infra/http/flash.js";
import { isUuid } from "../../../infra/http/ids.js";
import { HttpProblem, problemBody } from "../../../infra/http/problem.js";
import { hitRateLimit } from "../../../infra/http/rate-limit.js";
import {
  requireViewer,
  setSessionCookie,
  signedInOnly,
  takeReturnPath,
} from "../../../infra/http/require-viewer.js";
import type { Viewer } from "../../../infra/http/viewer.js";
import { mayManagePasskeys, passkeyRequired } from "../policy.js";
import { listPasskeys } from "../reads.js";
import { signInRateLimits, startSession } from "../writes.js";
import { removePasskeyAction } from "./actions.js";
import { passkeySignInBody, registerPasskeyBody } from "./inputs.js";
import {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  type RelyingParty,
  startPasskeyRegistration,
  startPasskeySignIn,
} from "./writes.js";

const problem = problemBody;
const optionsReply = z.object({ options: z.record(z.string(), z.unknown()) });

/** A name the person will recognise in their list, from the device that added it. */
function deviceName(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const system = [
    ["iPhone", "iPhone"],
    ["iPad", "iPad"],
    ["Android", "Android"],
    ["Mac OS X", "Mac"],
    ["Windows", "Windows"],
    ["CrOS", "Chromebook"],
    ["Linux", "Linux"],
  ].find(([needle]) => ua.includes(needle!))?.[1];
  return system ? `Passkey on ${system}` : "Passkey";
}

function challengeId(request: FastifyRequest): string {
  const id = request.cookies[cookieNames.passkey];
  if (!isUuid(id)) {
    throw new HttpProblem(
      400,
      "challenge_missing",
      "Start again: the passkey request has expired.",
    );
  }
  return id;
}

/** WebAuthn ceremonies, called by the small script on the sign-in and account pages. */
export async function passkeyApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const rp: RelyingParty = {
    name: config.instanceName,
    id: config.publicUrl.hostname,
    origin: config.publicUrl.origin,
  };
  const tags = ["passkeys"];

  async function allowedToManagePasskeys(viewer: Viewer) {
    const held = await listPasskeys(db, viewer.personId);
    if (!mayManagePasskeys(viewer, held.length > 0)) throw passkeyRequired();
  }

  app.post(
    "/api/v1/me/passkeys/registration-options",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "Start adding a passkey",
        response: { 200: optionsReply, 401: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request, reply)!;
      await allowedToManagePasskeys(viewer);
      const started = await startPasskeyRegistration(db, rp, viewer.personId, clock());
      reply.setCookie(cookieNames.passkey, started.challengeId, cookieOptions(300));
      return { options: started.options as unknown as Record<string, unknown> };
    },
  );

  app.post(
    "/api/v1/me/passkeys",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "Finish adding a passkey",
        body: registerPasskeyBody,
        response: { 201: z.object({ id: z.string() }), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request, reply)!;
      await allowedToManagePasskeys(viewer);
      const result = await finishPasskeyRegistration(
        db,
        rp,
        {
          personId: viewer.personId,
          challengeId: challengeId(request),
          response: request.body.response as never,
          name: request.body.name ?? deviceName(request.headers["user-agent"]),
        },
        clock(),
      );
      reply.clearCookie(cookieNames.passkey, cookieOptions());
      if (!result.ok)
        throw new HttpProblem(400, result.reason.toLowerCase(), "The passkey could not be added.");
      setFlash(reply, "account.passkeyAddedFlash");
      return reply.code(201).send({ id: result.passkeyId });
    },
  );

  jsonDoor(app, removePasskeyAction, {
    params: z.object({ passkeyId: z.string().max(4096) }),
    tags,
  });

  app.post(
    "/api/v1/passkey-sign-in/options",
    {
      schema: {
        tags,
        summary: "Start signing in with a passkey",
        response: { 200: optionsReply, 429: problem },
      },
    },
    async (request, reply) => {
      const limited = await hitRateLimit(db, signInRateLimits.perIp, request.ip, clock());
      if (!limited.allowed) {
        throw new HttpProblem(
          429,
          "too_many_requests",
          "Too many attempts.",
          undefined,
          limited.retryAfterSeconds,
        );
      }
      const started = await startPasskeySignIn(db, rp, clock());
      reply.setCookie(cookieNames.passkey, started.challengeId, cookieOptions(300));
      return { options: started.options as unknown as Record<string, unknown> };
    },
  );

  app.post(
    "/api/v1/passkey-sign-in",
    {
      schema: {
        tags,
        summary: "Finish signing in with a passkey",
        body: passkeySignInBody,
        response: { 200: z.object({ redirect: z.string() }), 400: problem },
      },
    },
    async (request, reply) => {
      const now = clock();
      const result = await finishPasskeySignIn(
        db,
        rp,
        { challengeId: challengeId(request), response: request.body.response as never },
        now,
      );
      reply.clearCookie(cookieNames.passkey, cookieOptions());
      if (!result.ok)
        throw new HttpProblem(400, "passkey_not_accepted", "That passkey was not accepted.");
      const session = await startSession(db, result.personId, "passkey", now);
      setSessionCookie(reply, session.secret, session.maxAgeSeconds);
      setFlash(reply, "signedIn.flash");
      return { redirect: takeReturnPath(request, reply, "/account") };
    },
  );
}

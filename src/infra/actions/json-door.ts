import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { onceOnly } from "../http/once.js";
import { HttpProblem, notFound, problemBody } from "../http/problem.js";
import { clearSessionCookie, signedInOnly } from "../http/require-viewer.js";
import { translator } from "../i18n/i18n.js";
import { type AnyAction, type At, enter, type Outcome, type Refusal } from "./action.js";

const english = translator("en");

/** A refusal as the API gives it: the reason as its code, in English words. */
export function refusalProblem(refusal: Refusal & { reason: string }): HttpProblem {
  // Not there for this person: the same answer as for an address that never existed.
  if (refusal.status === 404) return notFound();
  return new HttpProblem(refusal.status, refusal.reason.toLowerCase(), english(refusal.message));
}

export type JsonRoute = {
  /** The parameters' schema, for the OpenAPI document: the scope loader checks them again. */
  params: z.ZodObject;
  tags: string[];
};

/**
 * The JSON door onto an action: sign in first (401, before the body is looked at), then the
 * scope (404) and the rule (403 or 409), then the body (400, by the same schema as the form),
 * the write, and the presenter's answer.
 */
export function jsonDoor(base: FastifyInstance, action: AnyAction, route: JsonRoute): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { method, url } = action.api;
  const status = action.api.status ?? 200;
  const refusalStatuses = new Set(
    Object.values(action.reasons as Record<string, Refusal>).map((r) => r.status),
  );
  const problems = Object.fromEntries(
    [400, ...(action.anyone ? [] : [401]), 404, ...refusalStatuses]
      .sort()
      .map((code) => [code, problemBody]),
  );
  app.route({
    method: method,
    url,
    ...(action.bodyLimit ? { bodyLimit: action.bodyLimit } : {}),
    // Open to anyone (asking for help), nobody is asked to sign in first.
    ...(action.anyone ? {} : { onRequest: signedInOnly }),
    // Before the body is validated: to someone who may not know the group, 404 whatever they send.
    preValidation: async (request) => {
      const { at, refused } = await enter(action, request, request.viewer ?? null);
      if (refused) throw refusalProblem(refused);
      request.actionAt = at;
    },
    schema: {
      tags: route.tags,
      summary: action.summary,
      ...(action.anyone ? {} : { security: [{ session: [] }] }),
      params: route.params,
      ...(method === "DELETE" ? {} : { body: action.input }),
      response: { [status]: action.result, ...problems },
    },
    handler: async (request, reply) => {
      const at = request.actionAt as At<unknown>;
      const input = method === "DELETE" ? action.input.parse({}) : request.body;
      // In one transaction, as through the page: a write that fails half way saves nothing,
      // and a refusal rolls back whatever the write had begun.
      const sent = await onceOnly(
        at.deps.db,
        null,
        at.now,
        (tx) => action.run({ ...at, db: tx }, input),
        {
          ledTo: () => "",
          fallback: "",
        },
      );
      const outcome: Outcome = sent.sentTwice ? { ok: false, reason: "" } : sent.outcome;
      if (!outcome.ok) {
        const refusal = (action.reasons as Record<string, Refusal>)[outcome.reason]!;
        throw refusalProblem({ reason: outcome.reason, ...refusal });
      }
      await action.after?.(at, input, outcome);
      if (action.signsOut) clearSessionCookie(reply);
      return reply.code(status).send(await action.present(outcome, at));
    },
  });
}

declare module "fastify" {
  interface FastifyRequest {
    /** The action's scope, loaded by its door before the handler runs. */
    actionAt?: unknown;
  }
}

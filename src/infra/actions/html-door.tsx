import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import { type FormParse, parseForm } from "../html/form.js";
import { MessagePage } from "../html/message-page.js";
import { type PageContext, pageContext } from "../html/page-context.js";
import { sendHtml } from "../html/render.js";
import { redirectAfterPost } from "../http/flash.js";
import { onceOnly, submissionIdOf } from "../http/once.js";
import { HttpProblem, notFound } from "../http/problem.js";
import { requireViewer } from "../http/require-viewer.js";
import type { MessageKey } from "../i18n/i18n.js";
import {
  type Action,
  type At,
  type Done,
  enter,
  type Outcome,
  type Reason,
  type Refusal,
  type ScopeLoader,
} from "./action.js";

/** Where a person goes after a form, and the line that greets them there. */
export type Landing = { to: string; flash?: MessageKey };

export type HtmlDoor<Scope, Input, O extends Outcome> = {
  /**
   * The form's own page again, status 400, with what was typed and the reason by each field.
   * Without it (a form of buttons only, which a person cannot fill in wrongly), a plain 400.
   */
  invalid?: (
    ctx: PageContext,
    at: At<Scope>,
    form: Extract<FormParse<Input>, { ok: false }>,
  ) => JSX.Element | Promise<JSX.Element>;
  /** The title of a page saying why the action was refused; the kind of refusal by default. */
  refusalTitle?: (at: At<Scope>) => string;
  /** Where the person goes once it is done (303), with the words that say so. */
  done: (at: At<Scope>, done: Done<O>, input: Input) => Landing;
  /**
   * A refusal the page answers otherwise than with a page saying why: a form sent twice (a
   * double click) goes where the first sending went. Null leaves the refusal's own page.
   */
  refused?: (at: At<Scope>, reason: Reason<O>) => Promise<Landing | null> | Landing | null;
  /**
   * The form carries a once-only id (Form's `once`): sent twice, its work is done once, and the
   * second sending goes where the first led.
   */
  once?: { fallback: (at: At<Scope>) => string; again?: MessageKey };
};

/**
 * The HTML door onto an action: sign in first (to the sign-in page), then the scope (404) and
 * the rule (a page saying why, with its status), then the form (400, the page again), the
 * write, and 303 to where the person goes next, with a flash.
 */
export function htmlDoor<Scope, Input, O extends Outcome, Shown>(
  app: FastifyInstance,
  action: Action<Scope, Input, O, Shown>,
  door: HtmlDoor<Scope, Input, O>,
): void {
  const refusedPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    at: At<Scope>,
    refusal: Refusal & { reason: string },
  ) => {
    const landing = await door.refused?.(at, refusal.reason as Reason<O>);
    if (landing) return redirectAfterPost(reply, landing.to, landing.flash);
    // Not there for this person: the same page as for an address that never existed.
    if (refusal.status === 404) throw notFound();
    const ctx = pageContext(request);
    const title =
      door.refusalTitle?.(at) ??
      ctx.t(`error.${refusal.status === 409 ? "conflict" : "forbidden"}.title`);
    return sendHtml(
      reply,
      <MessagePage ctx={ctx} title={title} body={ctx.t(refusal.message)} />,
      refusal.status,
    );
  };

  app.post(action.page, {
    // Sign in first, then what the action works on: so scope loading is never in a handler.
    onRequest: async (request, reply) => {
      if (!requireViewer(request, reply)) return reply;
    },
    preHandler: async (request, reply) => {
      const { at, refused } = await enter(action, request, request.viewer!);
      request.actionAt = at;
      if (refused) return refusedPage(request, reply, at, refused);
    },
    handler: async (request, reply) => {
      const at = request.actionAt as At<Scope>;
      const form = parseForm(action.input, request.body);
      if (!form.ok) {
        if (!door.invalid)
          throw new HttpProblem(400, "invalid_input", "Choose one of the buttons.");
        return sendHtml(reply, await door.invalid(pageContext(request), at, form), 400);
      }
      const input = form.data as Input;
      const submission = door.once ? submissionIdOf(request.body) : null;
      const fallback = door.once?.fallback(at) ?? "/";
      const sent = await onceOnly(
        at.deps.db,
        submission,
        at.now,
        (tx) => action.run({ ...at, db: tx }, input),
        {
          ledTo: (outcome) => (outcome.ok ? door.done(at, outcome as Done<O>, input).to : fallback),
          fallback,
        },
      );
      if (sent.sentTwice) {
        return redirectAfterPost(reply, sent.ledTo, door.once?.again);
      }
      const outcome = sent.outcome;
      if (!outcome.ok) {
        const reason = (outcome as Extract<Outcome, { ok: false }>).reason;
        const refusal = (action.reasons as Record<string, Refusal>)[reason]!;
        return refusedPage(request, reply, at, { reason, ...refusal });
      }
      const done = outcome as Done<O>;
      await action.after?.(at, input, done);
      const landing = door.done(at, done, input);
      return redirectAfterPost(reply, landing.to, landing.flash);
    },
  });
}

/**
 * A page (GET) of a signed-in person's scope: sign in first (and come back here), then the
 * scope (404 to anyone who may not know it exists), then the page. The same scope loaders as
 * the actions, so a page and its form agree on who may see them.
 */
export function scopedPage<Scope, Params = Record<string, string>>(
  app: FastifyInstance,
  url: string,
  scope: ScopeLoader<Scope>,
  page: (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    at: At<Scope>,
  ) => Promise<unknown>,
): void {
  app.get<{ Params: Params }>(url, {
    onRequest: async (request, reply) => {
      if (!requireViewer(request, reply)) return reply;
    },
    handler: async (request, reply) => {
      const viewer = request.viewer!;
      const { deps, log } = { deps: request.server.deps, log: request.log };
      const loaded = await scope(request, viewer);
      return page(request, reply, {
        scope: loaded,
        viewer,
        now: deps.clock(),
        db: deps.db,
        deps,
        log,
      });
    },
  });
}

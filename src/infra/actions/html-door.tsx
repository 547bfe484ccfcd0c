import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import { type FieldErrors, type FormParse, parseForm } from "../html/form.js";
import { MessagePage } from "../html/message-page.js";
import { type PageContext, pageContext } from "../html/page-context.js";
import { sendHtml } from "../html/render.js";
import { redirectAfterPost } from "../http/flash.js";
import { ledToBefore, onceOnly, submissionIdOf } from "../http/once.js";
import { HttpProblem, notFound } from "../http/problem.js";
import { clearSessionCookie, requireViewer } from "../http/require-viewer.js";
import type { Viewer } from "../http/viewer.js";
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
  type Someone,
} from "./action.js";

/** Where a person goes after a form, and the line that greets them there. */
export type Landing = { to: string; flash?: MessageKey };

/** The request and its answer, for a landing that reads or sets a cookie. */
export type Http = { request: FastifyRequest; reply: FastifyReply };

/** A form to fill in again: what was typed, the reasons by field, and its once-only id if any. */
export type Invalid<Input> = Extract<FormParse<Input>, { ok: false }> & { once: string | null };

/** A page of the feature's own, for what the action works on. */
type OwnPage<Scope, V extends Someone = Viewer> = (
  ctx: PageContext,
  at: At<Scope, V>,
) => JSX.Element | Promise<JSX.Element>;

export type HtmlDoor<Scope, Input, O extends Outcome, V extends Someone = Viewer> = {
  /**
   * The form's own page again, status 400, with what was typed and the reason by each field.
   * Without it (a form of buttons only, which a person cannot fill in wrongly), a plain 400.
   */
  invalid?: (
    ctx: PageContext,
    at: At<Scope, V>,
    form: Invalid<Input>,
  ) => JSX.Element | Promise<JSX.Element>;
  /**
   * Refusals of the write that are about what was typed (a date that has passed): the form
   * again, status 400, with these words by their fields, as for input the schema refused. A
   * refusal of status 503 (an address the mail server cannot take just now) keeps its status.
   */
  fields?: Partial<Record<Reason<O>, FieldErrors>>;
  /** The title of a page saying why the action was refused; the kind of refusal by default. */
  refusalTitle?: (at: At<Scope, V>) => string;
  /**
   * A refusal the page answers otherwise than with a page saying why: a form sent twice (a
   * double click) goes where the first sending went. Null leaves the refusal's own page.
   */
  refused?: (at: At<Scope, V>, reason: Reason<O>) => Promise<Landing | null> | Landing | null;
  /**
   * Refusals the feature explains with a page of its own (an invitation opened by another
   * account says whose it is), sent with the refusal's status; or with 200, where that page is
   * the whole answer (asking for help where nobody reads the requests says whom to call).
   */
  explain?: Partial<
    Record<Reason<O>, OwnPage<Scope, V> | { page: OwnPage<Scope, V>; status: 200 }>
  >;
  /**
   * The form carries a once-only id (Form's `once`): sent twice, its work is done once, and the
   * second sending goes where the first led.
   */
  once?: { fallback: (at: At<Scope, V>) => string; again?: MessageKey };
  /**
   * Where someone not signed in goes, rather than to sign in first: signing out, when the
   * session had ended already, says they are signed out.
   */
  signedOut?: Landing;
} & (
  | {
      /** Where the person goes once it is done (303), with the words that say so. */
      done: (at: At<Scope, V>, done: Done<O>, input: Input, http: Http) => Landing;
      page?: never;
    }
  | {
      /** The page saying it is done (200), with nowhere left to go: the account deleted. */
      page: (
        ctx: PageContext,
        at: At<Scope, V>,
        done: Done<O>,
      ) => JSX.Element | Promise<JSX.Element>;
      done?: never;
    }
);

/**
 * The HTML door onto an action: sign in first (to the sign-in page), then the scope (404) and
 * the rule (a page saying why, with its status), then the form (400, the page again), the
 * write, and 303 to where the person goes next, with a flash.
 */
export function htmlDoor<Scope, Input, O extends Outcome, Shown, V extends Someone = Viewer>(
  app: FastifyInstance,
  action: Action<Scope, Input, O, Shown, V>,
  door: HtmlDoor<Scope, Input, O, V>,
): void {
  const refusedPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    at: At<Scope, V>,
    refusal: Refusal & { reason: string },
  ) => {
    const landing = await door.refused?.(at, refusal.reason as Reason<O>);
    if (landing) return redirectAfterPost(reply, landing.to, landing.flash);
    type Own = OwnPage<Scope, V> | { page: OwnPage<Scope, V>; status: 200 };
    const own = (door.explain as Record<string, Own> | undefined)?.[refusal.reason];
    if (own) {
      const { page, status } =
        typeof own === "function" ? { page: own, status: refusal.status } : own;
      return sendHtml(reply, await page(pageContext(request), at), status);
    }
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
    ...(action.bodyLimit ? { bodyLimit: action.bodyLimit } : {}),
    // Sign in first, then what the action works on: so scope loading is never in a handler.
    onRequest: async (request, reply) => {
      if (action.anyone || (door.signedOut && !request.viewer)) return;
      if (!requireViewer(request, reply)) return reply;
    },
    preHandler: async (request, reply) => {
      if (door.signedOut && !request.viewer) {
        if (action.signsOut) clearSessionCookie(reply);
        return redirectAfterPost(reply, door.signedOut.to, door.signedOut.flash);
      }
      // Signed in here, but for an action open to anyone: null is someone not signed in.
      const { at, refused } = await enter(action, request, (request.viewer ?? null) as V);
      request.actionAt = at;
      if (!refused) return;
      // Sent twice (a double click), a form whose first sending now bars it (a proposal, once
      // open, bars another) follows the first, rather than being refused.
      const before = door.once ? await ledToBefore(at.db, submissionIdOf(request.body)) : null;
      if (before) return redirectAfterPost(reply, before, door.once?.again);
      return refusedPage(request, reply, at, refused);
    },
    handler: async (request, reply) => {
      const at = request.actionAt as At<Scope, V>;
      const form = parseForm(action.input, request.body);
      const once = submissionIdOf(request.body);
      // The form again; with the refusal's 503 when the fault is not what was typed (the mail
      // server away), so the person knows to send it again later.
      const again = async (errors: FieldErrors, status = 400) => {
        if (!door.invalid)
          throw new HttpProblem(400, "invalid_input", "Choose one of the buttons.");
        const { values, lists } = form;
        const invalid = { ok: false as const, values, lists, errors, once };
        return sendHtml(reply, await door.invalid(pageContext(request), at, invalid), status);
      };
      if (!form.ok) return again(form.errors);
      const input = form.data as Input;
      const submission = door.once ? once : null;
      const fallback = door.once?.fallback(at) ?? "/";
      const sent = await onceOnly(
        at.deps.db,
        submission,
        at.now,
        (tx) => action.run({ ...at, db: tx }, input),
        {
          ledTo: (outcome) =>
            outcome.ok && door.done
              ? door.done(at, outcome as Done<O>, input, { request, reply }).to
              : fallback,
          fallback,
        },
      );
      if (sent.sentTwice) {
        return redirectAfterPost(reply, sent.ledTo, door.once?.again);
      }
      const outcome = sent.outcome;
      if (!outcome.ok) {
        const reason = (outcome as Extract<Outcome, { ok: false }>).reason;
        const errors = (door.fields as Record<string, FieldErrors> | undefined)?.[reason];
        const refusal = (action.reasons as Record<string, Refusal>)[reason]!;
        if (errors && door.invalid) return again(errors, refusal.status === 503 ? 503 : 400);
        return refusedPage(request, reply, at, { reason, ...refusal });
      }
      const done = outcome as Done<O>;
      await action.after?.(at, input, done);
      if (action.signsOut) {
        clearSessionCookie(reply);
        request.viewer = null;
      }
      if (door.page) return sendHtml(reply, await door.page(pageContext(request), at, done));
      const landing = door.done(at, done, input, { request, reply });
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

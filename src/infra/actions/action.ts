import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Executor } from "../db/database.js";
import type { AppDeps } from "../http/deps.js";
import type { Viewer } from "../http/viewer.js";
import type { MessageKey } from "../i18n/i18n.js";
import { deliverNowOrLater } from "../mail/later.js";

/**
 * Each action's two doors, as declared: the test that every page form has its JSON twin, and
 * the route × role matrices that run both doors, read it.
 */
export type Door = { method: string; url: string; status?: number };
const doors = new Map<string, { html: Door; json: Door }>();

export function listDoors(): ReadonlyMap<string, { html: Door; json: Door }> {
  return doors;
}

/** What a write answers: done, with what the doors need, or refused for a reason. */
export type Outcome = { ok: true } | { ok: false; reason: string };
export type Done<O extends Outcome> = Extract<O, { ok: true }>;
export type Reason<O extends Outcome> = Extract<O, { ok: false }>["reason"];

/**
 * How a refusal reaches a person: its status, and the words that say why (a message key). 400
 * is for what was sent (a text that changes nothing), 503 for what cannot be done just now (the
 * mail server away), 429 for a pace the person must slow to (a post every 5 seconds).
 */
export type Refusal = { status: 400 | 403 | 404 | 409 | 422 | 429 | 503; message: MessageKey };

/**
 * Who an action is for: a signed-in person (the default), or anyone, signed in or not, for an
 * action that asks no one to sign in first (asking for help to find a group); then null is
 * someone who has not.
 */
export type Someone = Viewer | null;

/** What an action works with, once its scope is loaded: the same for both doors. */
export type At<Scope, V extends Someone = Viewer> = {
  scope: Scope;
  viewer: V;
  now: Date;
  /** Where the write goes: the pool, or the transaction that claims a form's once-only id. */
  db: Executor;
  deps: AppDeps;
  log: FastifyBaseLogger;
};

/**
 * Where an action's e-mails go once its write is saved (its `after`): a mail server away queues
 * them, a refused address is skipped; neither turns the saved change into an error.
 */
export function notifierOf(at: Pick<At<unknown, Someone>, "deps" | "log">) {
  const { db, mailer, config } = at.deps;
  return { db, mailer: deliverNowOrLater(mailer, db, at.log), publicUrl: config.publicUrl };
}

/**
 * Loads what an action works on, for a signed-in person, from the route's parameters: one
 * query that brings what the rule needs. Throws a 404 problem to anyone who may not know that
 * it exists (a group's member-only page, to someone outside the group).
 */
export type ScopeLoader<Scope, V extends Someone = Viewer> = (
  request: FastifyRequest,
  viewer: V,
) => Promise<Scope>;

/**
 * An action a person can take (join a group, move a meeting), declared once: its input, the
 * scope it loads, the rule it asks, the write, and what it answers. The HTML door (a form: 303
 * and a flash, or the form again with errors) and the JSON door (200 or a 4xx problem) are two
 * thin doors onto it (html-door.tsx, json-door.ts), so the API can do all the pages can, with
 * the same rules (docs/decisions/014-one-action-two-doors.md).
 */
export type Action<Scope, Input, O extends Outcome, Shown, V extends Someone = Viewer> = {
  /** The rule's name in the feature's policy ("group.join"). */
  name: string;
  /** The page's form posts here: the HTML door. */
  page: string;
  /** The JSON door, under /api/v1 with the page route's parameters; 201 when it makes something. */
  api: Door & { method: "POST" | "PUT" | "PATCH" | "DELETE" };
  /** One line for the OpenAPI document. */
  summary: string;
  /** The form's fields and the JSON body: one schema, its messages are message keys. */
  input: z.ZodType<Input>;
  /**
   * Bytes of body read, where the input can be longer than the app's usual limit (a post): so a
   * text too long is answered by its field, in plain words, rather than refused unread.
   */
  bodyLimit?: number;
  /**
   * Open to anyone, signed in or not: neither door asks anyone to sign in first (a person
   * asking for help to find a group may have no account). Its scope loader is given null then.
   */
  anyone?: true;
  scope: ScopeLoader<Scope, V>;
  /**
   * The rule, asked before the input is read: null when the person may, otherwise why not. It
   * is the call the pages' and the API's abilities make, so a button shows only when this
   * allows it.
   */
  refuse?: (at: At<Scope, V>) => Reason<O> | null;
  /** The write, in its own transaction; expected failures come back as reasons, not throws. */
  run: (at: At<Scope, V>, input: Input) => Promise<O>;
  /** After the write has committed: the e-mails it sets off. A mail server away fails nothing. */
  after?: (at: At<Scope, V>, input: Input, done: Done<O>) => Promise<void>;
  /** Every reason the rule or the write can give, with its status and words. */
  reasons: Record<Reason<O>, Refusal>;
  /**
   * The write ends the person's session (signing out, deleting the account): both doors clear
   * its cookie, and what the page then shows, it shows to someone signed out.
   */
  signsOut?: boolean;
  /** The JSON answer: its schema, for the OpenAPI document, and the presenter that fills it. */
  result: z.ZodType<Shown>;
  present: (done: Done<O>, at: At<Scope, V>) => Shown | Promise<Shown>;
};

/** Declares an action; the generic parameters are inferred from the parts. */
export function declareAction<Scope, Input, O extends Outcome, Shown, V extends Someone = Viewer>(
  action: Action<Scope, Input, O, Shown, V>,
): Action<Scope, Input, O, Shown, V> {
  doors.set(action.name, {
    html: { method: "POST", url: action.page },
    json: { ...action.api, status: action.api.status ?? 200 },
  });
  return action;
}

/** An action of any kind, as the doors and the register of doors see it. */
// biome-ignore lint/suspicious/noExplicitAny: each door is typed at its own declaration
export type AnyAction = Action<any, any, any, any, any>;

/** The scope, the rule and the time: what both doors do before reading the input. */
export async function enter<Scope, O extends Outcome, V extends Someone>(
  action: Pick<Action<Scope, never, O, unknown, V>, "scope" | "refuse" | "reasons">,
  request: FastifyRequest,
  viewer: V,
): Promise<{ at: At<Scope, V>; refused: (Refusal & { reason: string }) | null }> {
  const { deps, log } = { deps: request.server.deps, log: request.log };
  const scope = await action.scope(request, viewer);
  const at: At<Scope, V> = { scope, viewer, now: deps.clock(), db: deps.db, deps, log };
  const reason = action.refuse?.(at) ?? null;
  const reasons = action.reasons as Record<string, Refusal>;
  return { at, refused: reason === null ? null : { reason, ...reasons[reason]! } };
}

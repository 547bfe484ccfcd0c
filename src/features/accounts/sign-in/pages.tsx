import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { htmlDoor } from "../../../infra/actions/html-door.js";
import { hashSecret } from "../../../infra/crypto/tokens.js";
import { parseForm } from "../../../infra/html/form.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { cookieNames, cookieOptions } from "../../../infra/http/cookies.js";
import { redirectAfterPost } from "../../../infra/http/flash.js";
import { isUuid } from "../../../infra/http/ids.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import { hitRateLimit, type RateLimit, takeBackHit } from "../../../infra/http/rate-limit.js";
import { setSessionCookie, takeReturnPath } from "../../../infra/http/require-viewer.js";
import { signInCodeInput, signInRequestInput } from "../inputs.js";
import { getSignInRequest, getSignInRequestByLink } from "../reads.js";
import { CheckEmailPage, ConfirmLinkPage, LinkInvalidPage, SignInPage } from "../views/sign-in.js";
import {
  browserMatches,
  endSession,
  redeemSignInCode,
  redeemSignInLink,
  signInRateLimits,
  startSession,
} from "../writes.js";
import { signOutAction, signOutEverywhereAction } from "./actions.js";
import { sendSignIn } from "./mail.js";

type Binding = { requestId: string; browserSecret: string };

/** The sign-in cookie ties a link and code to the browser that asked for them. */
function readBinding(request: FastifyRequest): Binding | null {
  const value = request.cookies[cookieNames.signIn];
  const match = value?.match(/^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/);
  if (!match || !isUuid(match[1])) return null;
  return { requestId: match[1], browserSecret: match[2]! };
}

async function enforce(request: FastifyRequest, rule: RateLimit, subject: string) {
  const { db, clock } = request.server.deps;
  const result = await hitRateLimit(db, rule, subject, clock());
  if (!result.allowed) {
    throw new HttpProblem(
      429,
      "too_many_requests",
      "Too many attempts. Try again later.",
      undefined,
      result.retryAfterSeconds,
    );
  }
}

async function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  personId: string,
  created: boolean,
) {
  const { db, clock } = request.server.deps;
  const previous = request.cookies[cookieNames.session];
  if (request.viewer && previous)
    await endSession(db, request.viewer.sessionIdHash, request.viewer.personId, clock());
  const session = await startSession(db, personId, "email", clock());
  setSessionCookie(reply, session.secret, session.maxAgeSeconds);
  reply.clearCookie(cookieNames.signIn, cookieOptions());
  return redirectAfterPost(
    reply,
    created ? "/welcome" : takeReturnPath(request, reply, "/account"),
    created ? undefined : "signedIn.flash",
  );
}

export async function signInPages(app: FastifyInstance) {
  app.get("/sign-in", async (request, reply) => {
    if (request.viewer) return reply.redirect("/account");
    return sendHtml(reply, <SignInPage ctx={pageContext(request)} />);
  });

  app.post("/sign-in", async (request, reply) => {
    const form = parseForm(signInRequestInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <SignInPage ctx={pageContext(request)} values={form.values} errors={form.errors} />,
        400,
      );
    }
    await enforce(request, signInRateLimits.perIp, request.ip);
    await enforce(request, signInRateLimits.perAddress, form.data.email);
    const failed = await sendSignIn(request, reply, form.data.email);
    if (failed) {
      // No e-mail went: while the mail server is away, asking again must not use up the five
      // tries an address has in half an hour.
      if (failed.status === 503) {
        await takeBackHit(app.deps.db, signInRateLimits.perAddress, form.data.email);
      }
      return sendHtml(
        reply,
        <SignInPage
          ctx={pageContext(request)}
          values={form.values}
          errors={{ email: failed.error }}
        />,
        failed.status,
      );
    }
    return redirectAfterPost(reply, "/sign-in/check-email");
  });

  app.get("/sign-in/check-email", async (request, reply) => {
    const binding = readBinding(request);
    const pending = binding ? await getSignInRequest(app.deps.db, binding.requestId) : null;
    if (!pending || !browserMatches(pending, binding?.browserSecret))
      return reply.redirect("/sign-in");
    return sendHtml(reply, <CheckEmailPage ctx={pageContext(request)} email={pending.email} />);
  });

  app.post("/sign-in/code", async (request, reply) => {
    const binding = readBinding(request);
    const pending = binding ? await getSignInRequest(app.deps.db, binding.requestId) : null;
    if (!binding || !pending || !browserMatches(pending, binding.browserSecret)) {
      return sendHtml(reply, <LinkInvalidPage ctx={pageContext(request)} />, 400);
    }
    const show = (
      values: Record<string, string>,
      errors: Parameters<typeof CheckEmailPage>[0]["errors"],
    ) =>
      sendHtml(
        reply,
        <CheckEmailPage
          ctx={pageContext(request)}
          email={pending.email}
          values={values}
          errors={errors}
        />,
        400,
      );
    const form = parseForm(signInCodeInput, request.body);
    if (!form.ok) return show(form.values, form.errors);
    await enforce(request, signInRateLimits.codePerIp, request.ip);
    const result = await redeemSignInCode(
      app.deps.db,
      binding.requestId,
      binding.browserSecret,
      form.data.code,
      app.deps.clock(),
      request.lang,
    );
    if (!result.ok) return show({ code: "" }, { code: "errors.code.wrong" });
    return signIn(request, reply, result.personId, result.created);
  });

  app.get<{ Querystring: { token?: string } }>("/sign-in/link", async (request, reply) => {
    const token = typeof request.query.token === "string" ? request.query.token : "";
    const pending = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await getSignInRequestByLink(app.deps.db, hashSecret("link", token))
      : null;
    const now = app.deps.clock();
    if (!pending || pending.usedAt !== null || pending.expiresAt <= now) {
      return sendHtml(reply, <LinkInvalidPage ctx={pageContext(request)} />, 400);
    }
    const binding = readBinding(request);
    if (binding?.requestId !== pending.id || !browserMatches(pending, binding.browserSecret)) {
      // Opened in another browser (or by a mail scanner): ask, never sign in silently.
      return sendHtml(reply, <ConfirmLinkPage ctx={pageContext(request)} token={token} />);
    }
    const result = await redeemSignInLink(app.deps.db, token, now, request.lang);
    if (!result.ok) return sendHtml(reply, <LinkInvalidPage ctx={pageContext(request)} />, 400);
    return signIn(request, reply, result.personId, result.created);
  });

  app.post("/sign-in/link", async (request, reply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      return sendHtml(reply, <LinkInvalidPage ctx={pageContext(request)} />, 400);
    }
    const result = await redeemSignInLink(app.deps.db, token, app.deps.clock(), request.lang);
    if (!result.ok) return sendHtml(reply, <LinkInvalidPage ctx={pageContext(request)} />, 400);
    return signIn(request, reply, result.personId, result.created);
  });

  htmlDoor(app, signOutAction, {
    done: () => ({ to: "/", flash: "signedOut.flash" }),
    // The session had ended already (elsewhere, or by the idle limit): they are signed out.
    signedOut: { to: "/", flash: "signedOut.flash" },
  });

  htmlDoor(app, signOutEverywhereAction, {
    done: () => ({ to: "/", flash: "signedOutEverywhere.flash" }),
    signedOut: { to: "/", flash: "signedOutEverywhere.flash" },
  });
}

import type { FastifyInstance } from "fastify";
import { isLanguage, negotiateLanguage, translator } from "../i18n/i18n.js";
import { cookieNames, cookieOptions } from "./cookies.js";

const english = translator("en");

/**
 * Per-request basics every route relies on: who is signed in (loaded by the accounts feature's
 * hook), which language to speak, and the one-time flash message.
 */
export function registerRequestContext(
  app: FastifyInstance,
  loadViewer: (request: import("fastify").FastifyRequest) => Promise<void>,
): void {
  app.decorateRequest("viewer", null);
  app.decorateRequest("lang", "en");
  app.decorateRequest("t", english);
  app.decorateRequest("cspNonce", "");
  app.decorateRequest("flash", null);

  app.addHook("onRequest", async (request) => {
    await loadViewer(request);
    const chosen = request.cookies[cookieNames.language];
    request.lang =
      request.viewer?.language ??
      (isLanguage(chosen) ? chosen : negotiateLanguage(request.headers["accept-language"]));
    request.t = translator(request.lang);
    request.flash = request.cookies[cookieNames.flash] ?? null;
  });

  app.addHook("onSend", (request, reply, payload, done) => {
    const isHtml = String(reply.getHeader("content-type") ?? "").startsWith("text/html");
    if (request.flash && isHtml && reply.statusCode < 300)
      reply.clearCookie(cookieNames.flash, cookieOptions());
    // Pages that show a signed-in person's details must never be kept by a shared computer's cache.
    if (request.viewer && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    done(null, payload);
  });
}

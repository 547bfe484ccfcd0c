import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pooledRandomBase64 } from "../crypto/tokens.js";
import { cookieNames, cookieOptions } from "./cookies.js";
import { HttpProblem } from "./problem.js";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const policy = (scripts: string) =>
  `default-src 'self'; script-src ${scripts}; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
const noScripts = policy("'none'");

/**
 * Security headers written by hand: helmet's per-request work halved throughput here. The fixed
 * headers are one shared object; only a rendered page pays for a random nonce, and scripts run
 * only with that response's nonce.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const fixed = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    // Sign-in links carry their token in the address: never send it on to another site.
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ...(app.deps.config.publicUrl.protocol === "https:"
      ? { "strict-transport-security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
  // Hooks with nothing to wait for take `done` rather than being async: every request runs
  // them, and a promise apiece is measurable on a page as light as the home page.
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(fixed);
    done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    const nonce = request.cspNonce;
    reply.header(
      "content-security-policy",
      nonce ? policy(`'nonce-${nonce}' 'strict-dynamic'`) : noScripts,
    );
    done(null, payload);
  });
}

function sameBytes(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * CSRF: a random token in a `__Host-` cookie that every form echoes in `_csrf`, and a check
 * that an unsafe request does not come from another site. JSON API calls must be
 * `application/json`, which a cross-site form cannot send without a CORS preflight we never allow.
 */
export function registerCsrfProtection(app: FastifyInstance): void {
  const ownOrigin = app.deps.config.publicUrl.origin;
  app.decorateRequest("csrfToken", function (this: FastifyRequest) {
    const existing = this.cookies[cookieNames.csrf];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const fresh = pooledRandomBase64(32, "base64url");
    this.cookies[cookieNames.csrf] = fresh;
    (this as FastifyRequest & { newCsrf?: string }).newCsrf = fresh;
    return fresh;
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    const fresh = (request as FastifyRequest & { newCsrf?: string }).newCsrf;
    if (fresh) reply.setCookie(cookieNames.csrf, fresh, cookieOptions());
    done(null, payload);
  });
  // A problem thrown here is caught by Fastify and answered as an error.
  app.addHook("preHandler", (request: FastifyRequest, _reply: FastifyReply, done) => {
    checkOrigin(request);
    done();
  });

  function checkOrigin(request: FastifyRequest): void {
    if (!unsafeMethods.has(request.method)) return;
    if (request.routeOptions.config.oneClickPost) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin && origin !== "null") {
      throw new HttpProblem(403, "cross_site_request", "This request came from another site.");
    }
    if (request.headers["sec-fetch-site"] === "cross-site") {
      throw new HttpProblem(403, "cross_site_request", "This request came from another site.");
    }
    if (isApiRequest(request)) {
      const type = request.headers["content-type"] ?? "";
      if (request.body !== undefined && !type.startsWith("application/json")) {
        throw new HttpProblem(415, "unsupported_media_type", "Send JSON (application/json).");
      }
      return;
    }
    const cookie = request.cookies[cookieNames.csrf];
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!cookie || typeof sent !== "string" || !sameBytes(cookie, sent)) {
      throw new HttpProblem(403, "form_expired", "This form has expired.");
    }
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

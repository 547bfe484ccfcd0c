import type { FastifyReply, FastifyRequest } from "fastify";
import { cookieNames, cookieOptions } from "./cookies.js";
import { setFlash } from "./flash.js";
import { HttpProblem } from "./problem.js";
import { isApiRequest } from "./security.js";
import type { Viewer } from "./viewer.js";

/** The signed-in person, or: HTML goes to the sign-in page, JSON answers 401. */
export function requireViewer(request: FastifyRequest, reply: FastifyReply): Viewer | null {
  if (request.viewer) return request.viewer;
  if (isApiRequest(request)) {
    throw new HttpProblem(401, "sign_in_required", "Sign in to use this.");
  }
  setFlash(reply, "error.signInFirst");
  // Come back here after signing in (or creating an account): a newcomer joining a group
  // should not have to find the group again.
  if (request.method === "GET" && isOwnPath(request.url)) {
    reply.setCookie(cookieNames.returnTo, request.url, cookieOptions(3600));
  }
  reply.code(303).redirect("/sign-in");
  return null;
}

/** A path on this site only: "//host" and "/\\host" would leave it. */
export function isOwnPath(path: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(path) && path.length <= 500;
}

/** Where to go after signing in: the page that asked for it, once; otherwise the fallback. */
export function takeReturnPath(
  request: FastifyRequest,
  reply: FastifyReply,
  fallback: string,
): string {
  const saved = request.cookies[cookieNames.returnTo];
  if (saved === undefined) return fallback;
  reply.clearCookie(cookieNames.returnTo, cookieOptions());
  return isOwnPath(saved) ? saved : fallback;
}

/**
 * A route hook for JSON routes that need a signed-in person: it runs before the body is
 * validated, so a signed-out caller always gets 401, whatever they sent.
 */
export async function signedInOnly(request: FastifyRequest): Promise<void> {
  if (!request.viewer) throw new HttpProblem(401, "sign_in_required", "Sign in to use this.");
}

export function setSessionCookie(reply: FastifyReply, secret: string, maxAgeSeconds: number) {
  reply.setCookie(cookieNames.session, secret, cookieOptions(maxAgeSeconds));
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(cookieNames.session, cookieOptions());
}

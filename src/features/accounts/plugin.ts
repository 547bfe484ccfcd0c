import type { FastifyInstance, FastifyRequest } from "fastify";
import { cookieNames } from "../../infra/http/cookies.js";
import { passkeyApi } from "./passkeys/api.js";
import { passkeyPages } from "./passkeys/pages.js";
import { accountApi } from "./profile/api.js";
import { profilePages } from "./profile/pages.js";
import { getViewerBySession } from "./reads.js";
import { setupPages } from "./setup/pages.js";
import { signOutApi } from "./sign-in/api.js";
import { signInPages } from "./sign-in/pages.js";
import { sessionIdHash, touchSession } from "./writes.js";

/** A session's expiry is pushed on at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Finds who is signed in from the session cookie, once per request, before any route runs. */
export async function loadViewer(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config?.skipSession) return;
  const secret = request.cookies[cookieNames.session];
  if (!secret || secret.length > 100) return;
  const { db, clock } = request.server.deps;
  const now = clock();
  const idHash = sessionIdHash(secret);
  try {
    const found = await getViewerBySession(db, idHash, now);
    if (!found) return;
    const { lastSeenAt, ...viewer } = found;
    if (now.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, idHash, viewer.isAdmin, now);
    }
    request.viewer = viewer;
  } catch (error) {
    if (!request.routeOptions.config?.servedWithoutDatabase) throw error;
    request.log.warn("session unreadable (database down); serving as signed out");
  }
}

export async function accountsPlugin(app: FastifyInstance) {
  await app.register(signInPages);
  await app.register(profilePages);
  await app.register(passkeyPages);
  await app.register(setupPages);
  await app.register(accountApi);
  await app.register(signOutApi);
  await app.register(passkeyApi);
}

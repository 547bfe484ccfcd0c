import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { ownAccount } from "../scope.js";
import { endAllSessions, endSession } from "../writes.js";

// Signing out, here or everywhere, declared once for the page's buttons (pages.tsx) and the
// JSON (api.ts). Signing in is not an action of this kind: it belongs to the browser that asked.

const signedOut = z.object({ signedIn: z.literal(false) }).describe("The session has ended");

/** Ends this device's session. */
export const signOutAction = declareAction({
  name: "account.signOut",
  page: "/sign-out",
  api: { method: "DELETE", url: "/api/v1/me/session" },
  summary: "Sign out on this device",
  input: z.object({}),
  scope: ownAccount,
  async run({ db, viewer, now }) {
    await endSession(db, viewer.sessionIdHash, viewer.personId, now);
    return { ok: true } as const;
  },
  reasons: {},
  signsOut: true,
  result: signedOut,
  present: () => ({ signedIn: false as const }),
});

/** Ends every session of the person, and any sign-in still waiting in their mailbox. */
export const signOutEverywhereAction = declareAction({
  name: "account.signOutEverywhere",
  page: "/sign-out/everywhere",
  api: { method: "DELETE", url: "/api/v1/me/sessions" },
  summary: "Sign out on every device, and void any sign-in link or code not used yet",
  input: z.object({}),
  scope: ownAccount,
  async run({ db, viewer, now }) {
    await endAllSessions(db, viewer.personId, now);
    return { ok: true } as const;
  },
  reasons: {},
  signsOut: true,
  result: signedOut,
  present: () => ({ signedIn: false as const }),
});

import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { mayManagePasskeys } from "../policy.js";
import { aPasskey } from "./scope.js";
import { removePasskey } from "./writes.js";

type Removed = { ok: true; id: string } | { ok: false; reason: "PASSKEY_REQUIRED" | "NOT_FOUND" };

/**
 * Takes one of the person's passkeys off their account. An administrator who holds one does it
 * signed in with a passkey only (accounts/policy.ts).
 */
export const removePasskeyAction = declareAction({
  name: "account.passkeys.manage",
  page: "/account/passkeys/:passkeyId/remove",
  api: { method: "DELETE", url: "/api/v1/me/passkeys/:passkeyId" },
  summary: "Remove one of your passkeys",
  input: z.object({}),
  scope: aPasskey,
  refuse: ({ viewer, scope }) =>
    mayManagePasskeys(viewer, scope.held.length > 0) ? null : "PASSKEY_REQUIRED",
  async run({ db, viewer, scope, now }): Promise<Removed> {
    const removed = await removePasskey(db, viewer.personId, scope.passkeyId, now);
    return removed ? { ok: true, id: scope.passkeyId } : { ok: false, reason: "NOT_FOUND" };
  },
  reasons: {
    PASSKEY_REQUIRED: { status: 403, message: "error.forbidden.body" },
    NOT_FOUND: { status: 404, message: "error.notFound.body" },
  },
  result: z.object({ id: z.string() }).describe("The passkey removed"),
  present: (done) => ({ id: done.id }),
});

import type { ScopeLoader } from "../../../infra/actions/action.js";
import { listPasskeys } from "../reads.js";

export type PasskeyScope = {
  /** The person's own passkeys: whether they hold any decides who may change them. */
  held: Awaited<ReturnType<typeof listPasskeys>>;
  /** The passkey the route names, theirs or not: the write looks for it among theirs only. */
  passkeyId: string;
};

/** One of the viewer's passkeys, by the route's `:passkeyId`, with the ones they hold. */
export const aPasskey: ScopeLoader<PasskeyScope> = async (request, viewer) => {
  const { passkeyId } = request.params as { passkeyId: string };
  const held = await listPasskeys(request.server.deps.db, viewer.personId);
  return { held, passkeyId };
};

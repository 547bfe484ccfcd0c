import type { ScopeLoader } from "../../infra/actions/action.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { can } from "./policy.js";

/** The person's own account: nothing to load beyond who is signed in. */
export const ownAccount: ScopeLoader<null> = async () => null;

/**
 * The administrators' tools: refused (403) to anyone else signed in, and to an administrator
 * signed in by e-mail, since staff powers need a passkey sign-in.
 */
export const administration: ScopeLoader<null> = async (_request, viewer) => {
  if (!can(viewer, "admin.tools"))
    throw new HttpProblem(403, "forbidden", "You do not have permission to do this.");
  return null;
};

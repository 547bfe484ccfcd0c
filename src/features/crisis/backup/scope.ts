import type { ScopeLoader } from "../../../infra/actions/action.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import { type OnBoard, onBoard } from "../../board/scope.js";
import { overseenOrganisation } from "../../oversight/scope.js";
import { choosesBackup } from "../policy.js";

/**
 * The group whose backup contact is chosen: for those who lead it (403 to its other members; to
 * anyone outside it, and an observer, it does not exist: 404).
 */
export const backupOfGroup: ScopeLoader<OnBoard> = async (request, viewer) => {
  const found = await onBoard(request, viewer);
  if (!choosesBackup(found.standing)) {
    throw new HttpProblem(403, "forbidden", "Those who lead the group choose its backup contact.");
  }
  return found;
};

export type LeadScope = Awaited<ReturnType<typeof overseenOrganisation>>;

/**
 * An organisation, for its coordinators and the administrators (404 to anyone else). Naming who
 * receives alerts about people at risk is a staff power: a coordinator signs in with a passkey
 * first, as for the organisation's figures (administrators' powers need one already).
 */
export const leadOfOrganisation: ScopeLoader<LeadScope> = async (request, viewer) => {
  const found = await overseenOrganisation(request, viewer);
  if (!found.admin && viewer.signInMethod !== "passkey") {
    throw new HttpProblem(
      403,
      "passkey_required",
      "Sign in with a passkey to name your organisation's safeguarding lead.",
    );
  }
  return found;
};

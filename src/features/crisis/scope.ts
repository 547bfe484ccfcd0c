import type { ScopeLoader, Someone } from "../../infra/actions/action.js";
import { hashSecret } from "../../infra/crypto/tokens.js";
import { HttpProblem, notFound } from "../../infra/http/problem.js";
import { type OnBoard, onBoard } from "../board/scope.js";
import { isAlertId, isAlertToken } from "./inputs.js";
import { handlesAlerts } from "./policy.js";
import { type AlertRow, backupPersonOf, getAlert, getAlertByLink } from "./reads.js";

export type HandledAlerts = OnBoard & { backupId: string | null };
export type AtAlert = HandledAlerts & { alert: AlertRow };
export type LinkedAlert = { alert: AlertRow; personId: string };

/**
 * A group's alerts, for those who handle them: its facilitators, its guide before the handover,
 * and its backup contact while an active member. To anyone outside the group, and to an observer,
 * they do not exist (404); a member who does not handle them is told so (403).
 */
export const handledAlerts: ScopeLoader<HandledAlerts> = async (request, viewer) => {
  const found = await onBoard(request, viewer);
  const backupId = await backupPersonOf(request.server.deps.db, found.group);
  if (!handlesAlerts(found.standing, backupId === viewer.personId)) {
    throw new HttpProblem(403, "forbidden", "Only those who look after the group see its alerts.");
  }
  return { ...found, backupId };
};

/** One of the group's alerts, from `:alertId`; 404 if it is not the group's, or is about them. */
export const atAlert: ScopeLoader<AtAlert> = async (request, viewer) => {
  const { alertId } = request.params as { alertId?: unknown };
  const found = await handledAlerts(request, viewer);
  if (!isAlertId(alertId)) throw notFound();
  const alert = await getAlert(request.server.deps.db, found.group.id, alertId, viewer.personId);
  if (!alert) throw notFound();
  return { ...found, alert };
};

/**
 * The alert an e-mailed link opens, from `:token`, for whoever holds the link: no sign-in, as
 * the organisation's lead may have no account here worth signing in to. 404 for a link unknown
 * or expired.
 */
export const linkedAlert: ScopeLoader<LinkedAlert, Someone> = async (request) => {
  const { token } = request.params as { token?: unknown };
  if (!isAlertToken(token)) throw notFound();
  const { db, clock } = request.server.deps;
  const found = await getAlertByLink(db, hashSecret(token), clock());
  if (!found) throw notFound();
  return found;
};

import { leads, type Standing } from "../memberships/policy.js";
import type { AlertStep } from "./inputs.js";
import type { AlertState } from "./tables.js";

/**
 * The promised time to a first human look: an alert nobody has said they have seen by then goes
 * again to the same people, and after as long again to the organisation's safeguarding lead.
 */
export const ALERT_LOOK_HOURS = 12;
export const ALERT_LOOK_MS = ALERT_LOOK_HOURS * 3_600_000;
/** How long an alert's e-mailed link opens it: long after anyone would still act on it. */
export const ALERT_LINK_DAYS = 60;

/**
 * Who handles a group's alerts on its pages: those who lead it, and its backup contact while an
 * active member. An observer (the guide after the handover) and anyone outside the group act
 * through the link in their e-mail instead.
 */
export function handlesAlerts(where: Standing, isBackup: boolean): boolean {
  return leads(where) || (where === "member" && isBackup);
}

/** Those who lead a group choose its backup contact. */
export const choosesBackup = (where: Standing) => leads(where);

/** An alert as its rules need it. */
export type AlertForPolicy = { state: AlertState };

export type StepRefusal = "CLOSED" | "ACTED_ALREADY";

/**
 * Why this step cannot be taken now; null when it can. An alert only moves forward: seeing it
 * again changes nothing, "acted on" is said once, and a closed alert stays closed.
 */
export function stepRefusal(step: AlertStep, alert: AlertForPolicy): StepRefusal | null {
  if (alert.state === "closed") return "CLOSED";
  if (step === "acted_on" && alert.state === "acted_on") return "ACTED_ALREADY";
  return null;
}

/** The steps the alert's page offers now: the same rule the action asks. */
export function stepAbilities(alert: AlertForPolicy): Record<AlertStep, boolean> {
  return {
    seen: alert.state === "new",
    acted_on: stepRefusal("acted_on", alert) === null,
    closed: stepRefusal("closed", alert) === null,
  };
}

/** A member may say they are worried about the author of someone else's post, still there. */
export function mayWorryAbout(
  post: { authorId: string | null; deletedAt: Date | null },
  personId: string,
): boolean {
  return post.authorId !== null && post.authorId !== personId && post.deletedAt === null;
}

import type { Standing } from "../memberships/policy.js";
import type { MembershipState } from "../memberships/tables.js";

export type AgreementAction =
  | "agreement.view"
  | "agreement.propose"
  | "agreement.object"
  | "agreement.accept";

/** What the rules need about the agreement, as this viewer meets it. */
export type AgreementForPolicy = {
  /** A change is open for objections now. */
  open: boolean;
  /** The viewer proposed the open change. */
  proposedByViewer: boolean;
  /** The agreement changed since the viewer last accepted it. */
  changedSinceAccepted: boolean;
};

/** The members read the agreement; an observer, and anyone outside, find nothing. */
export const mayRead = (s: Standing) => s === "member" || s === "facilitator" || s === "guide";
const leads = (s: Standing) => s === "facilitator" || s === "guide";

/** The people who lead propose a change, one at a time. */
export function proposeRefusal(standing: Standing, agreement: AgreementForPolicy) {
  return leads(standing) && !agreement.open ? null : ("FORBIDDEN" as const);
}

/** Any member but the one who proposed it objects to the change while it is open. */
export function objectRefusal(standing: Standing, agreement: AgreementForPolicy) {
  return mayRead(standing) && agreement.open && !agreement.proposedByViewer
    ? null
    : ("FORBIDDEN" as const);
}

/**
 * The agreement belongs to the group: its members read it; the people who lead propose a change
 * (one at a time); any other member may object while it is open; a member re-accepts it once it
 * has changed. An observer, and anyone outside, finds nothing.
 */
export function can(
  standing: Standing,
  action: AgreementAction,
  agreement: AgreementForPolicy,
): boolean {
  switch (action) {
    case "agreement.view":
      return mayRead(standing);
    case "agreement.propose":
      return proposeRefusal(standing, agreement) === null;
    case "agreement.object":
      return objectRefusal(standing, agreement) === null;
    case "agreement.accept":
      return mayRead(standing) && agreement.changedSinceAccepted;
  }
}

export function abilities(standing: Standing, agreement: AgreementForPolicy) {
  const actions: AgreementAction[] = [
    "agreement.view",
    "agreement.propose",
    "agreement.object",
    "agreement.accept",
  ];
  return Object.fromEntries(actions.map((a) => [a, can(standing, a, agreement)])) as Record<
    AgreementAction,
    boolean
  >;
}

/** Whether an active member accepted the agreement before its last change. */
export function changedSinceAccepted(
  membership: { state: MembershipState; agreementAcceptedAt: Date | null } | null,
  group: { agreementChangedAt: Date | null },
): boolean {
  if (membership?.state !== "active" || group.agreementChangedAt === null) return false;
  return (
    membership.agreementAcceptedAt === null ||
    membership.agreementAcceptedAt < group.agreementChangedAt
  );
}

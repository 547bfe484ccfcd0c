import type { Standing } from "../memberships/policy.js";

export type RoleAction =
  | "members.view"
  | "members.manage"
  | "handover.view"
  | "handover.propose"
  | "handover.agree";

/** What the handover rules need: whether a date was proposed, and whether it was agreed. */
export type HandoverForPolicy = { proposed: boolean; agreed: boolean };

const isMember = (s: Standing) => s === "member" || s === "facilitator" || s === "guide";
const leads = (s: Standing) => s === "facilitator" || s === "guide";

/**
 * Who sees the member list and who changes roles, as the group would say it: members see each
 * other; the people who lead (facilitators, and the guide until the handover) manage roles; the
 * guide proposes the handover date and a facilitator agrees to it.
 */
export function can(standing: Standing, action: RoleAction, handover: HandoverForPolicy): boolean {
  switch (action) {
    case "members.view":
      return isMember(standing);
    case "members.manage":
    case "handover.view":
      return leads(standing);
    case "handover.propose":
      return standing === "guide" && !handover.agreed;
    case "handover.agree":
      return standing === "facilitator" && handover.proposed && !handover.agreed;
  }
}

export function abilities(standing: Standing, handover: HandoverForPolicy) {
  const actions: RoleAction[] = [
    "members.view",
    "members.manage",
    "handover.view",
    "handover.propose",
    "handover.agree",
  ];
  return Object.fromEntries(actions.map((a) => [a, can(standing, a, handover)])) as Record<
    RoleAction,
    boolean
  >;
}

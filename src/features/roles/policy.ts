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

/** Only the guide proposes the date they step back, until a facilitator has agreed to it. */
export function proposeRefusal(standing: Standing, handover: HandoverForPolicy) {
  return standing === "guide" && !handover.agreed ? null : ("ONLY_THE_GUIDE" as const);
}

/** A facilitator agrees, once, to the date the guide proposed. */
export function agreeRefusal(standing: Standing, handover: HandoverForPolicy) {
  if (standing !== "facilitator") return "FACILITATORS_AGREE" as const;
  if (!handover.proposed) return "NOTHING_PROPOSED" as const;
  return handover.agreed ? ("AGREED" as const) : null;
}

/**
 * Whom the people who lead may remove: an active member of the group, but not the guide (who
 * steps back at the handover instead) nor themself (they leave).
 */
export function removeRefusal(viewerId: string, member: { personId: string; role: string } | null) {
  if (!member) return "NOT_A_MEMBER" as const;
  if (member.role === "guide") return "IS_GUIDE" as const;
  return member.personId === viewerId ? ("IS_SELF" as const) : null;
}

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
      return proposeRefusal(standing, handover) === null;
    case "handover.agree":
      return agreeRefusal(standing, handover) === null;
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

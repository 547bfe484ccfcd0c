import type { Standing } from "../memberships/policy.js";

export type SplitAction = "split.view" | "split.propose" | "split.choose" | "split.complete";

/** The fewest active members a group needs to split: two groups of three. */
export const SPLIT_MINIMUM = 6;

export type SplitForPolicy = {
  /** A split is proposed and not yet done or withdrawn. */
  open: boolean;
  activeMembers: number;
  /** The viewer is named to facilitate one of the two groups: their place is settled. */
  namedFacilitator: boolean;
};

const isMember = (s: Standing) => s === "member" || s === "facilitator" || s === "guide";
const leads = (s: Standing) => s === "facilitator" || s === "guide";

/**
 * A split is the group's own business: its members see it and each chooses where to go; the
 * people who lead propose it (once the group is big enough for two) and complete or withdraw it.
 */
export function can(standing: Standing, action: SplitAction, split: SplitForPolicy): boolean {
  switch (action) {
    case "split.view":
      return isMember(standing);
    case "split.propose":
      return leads(standing) && !split.open && split.activeMembers >= SPLIT_MINIMUM;
    case "split.choose":
      return isMember(standing) && split.open && !split.namedFacilitator;
    case "split.complete":
      return leads(standing) && split.open;
  }
}

/**
 * Why the viewer may not do this with the split now; null when they may. Both doors of each
 * action ask it, and the page shows its buttons by the same rule (abilities). The reason keeps
 * the code the API has always given.
 */
export function splitRefusal(
  standing: Standing,
  action: SplitAction,
  split: SplitForPolicy,
): "FORBIDDEN" | null {
  return can(standing, action, split) ? null : "FORBIDDEN";
}

export function abilities(standing: Standing, split: SplitForPolicy) {
  const actions: SplitAction[] = ["split.view", "split.propose", "split.choose", "split.complete"];
  return Object.fromEntries(actions.map((a) => [a, can(standing, a, split)])) as Record<
    SplitAction,
    boolean
  >;
}

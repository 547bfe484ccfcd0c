import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import type { StandingIn } from "../memberships/reads.js";
import { inGroup } from "../memberships/scope.js";
import { abilities, can, type SplitAction, type SplitForPolicy } from "./policy.js";
import { getOpenSplit, type OpenSplit } from "./reads.js";

/** A group's split as one of its members sees it: the split open, if any, and what they may do. */
export type AtSplit = StandingIn & {
  split: OpenSplit | null;
  /** What the rule needs to know of the split: the same for the pages and both doors. */
  state: SplitForPolicy;
  can: Record<SplitAction, boolean>;
};

/**
 * The split of the route's group, for its members and the people who lead it (not yet closed);
 * to anyone else it does not exist (404). The JSON read of the split asks this.
 */
export const inSplit: ScopeLoader<AtSplit> = async (request, viewer) => {
  const found = await inGroup(request, viewer);
  // Seeing the split asks only where the person stands, before the split is read.
  const unread = { open: false, activeMembers: 0, namedFacilitator: false };
  if (!can(found.standing, "split.view", unread)) throw notFound();
  const split = await getOpenSplit(request.server.deps.db, found.group.id);
  const state: SplitForPolicy = {
    open: split !== null,
    activeMembers: found.group.activeMemberCount,
    namedFacilitator: split?.parts.some((p) => p.facilitatorIds.includes(viewer.personId)) ?? false,
  };
  return { ...found, split, state, can: abilities(found.standing, state) };
};

/** The same, while the group is active: a paused group is not split (the page and the actions). */
export const atSplit: ScopeLoader<AtSplit> = async (request, viewer) => {
  const found = await inSplit(request, viewer);
  if (found.group.status !== "active") throw notFound();
  return found;
};

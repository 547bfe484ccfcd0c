import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { type ActiveMember, listActiveMembers, type StandingIn } from "../memberships/reads.js";
import { inGroup } from "../memberships/scope.js";
import { isPersonId } from "./inputs.js";
import { abilities, type HandoverForPolicy, type RoleAction } from "./policy.js";
import { getHandover, type Handover } from "./reads.js";

/** The group as the viewer stands in it, with the guide's handover and what the viewer may do. */
export type InRoles = StandingIn & {
  handover: Handover | null;
  handoverState: HandoverForPolicy;
  can: Record<RoleAction, boolean>;
};

/** The group, for those the action is for; anyone else finds nothing (404), as for no group. */
function rolesFor(action: RoleAction): ScopeLoader<InRoles> {
  return async (request, viewer) => {
    const found = await inGroup(request, viewer);
    const handover = await getHandover(request.server.deps.db, found.group.id);
    const handoverState = { proposed: handover !== null, agreed: !!handover?.agreedAt };
    const can = abilities(found.standing, handoverState);
    if (!can["members.view"] || !can[action]) throw notFound();
    return { ...found, handover, handoverState, can };
  };
}

/** The member list: for the group's members. */
export const amongMembers = rolesFor("members.view");

/** Roles and removals: for those who lead the group. */
export const managing = rolesFor("members.manage");

/** The guide's handover: for those who lead the group. */
export const handingOver = rolesFor("handover.view");

/** A person of the group, by the route's `:personId`, for those who lead it. */
export const aPerson: ScopeLoader<InRoles & { personId: string }> = async (request, viewer) => {
  const found = await managing(request, viewer);
  const { personId } = request.params as { personId?: unknown };
  if (typeof personId !== "string" || !isPersonId(personId)) throw notFound();
  return { ...found, personId };
};

/** The same, with their place in the group if they are an active member (null otherwise). */
export const aMember: ScopeLoader<
  InRoles & { personId: string; member: ActiveMember | null }
> = async (request, viewer) => {
  const found = await aPerson(request, viewer);
  const members = await listActiveMembers(request.server.deps.db, found.group.id);
  return { ...found, member: members.find((m) => m.personId === found.personId) ?? null };
};

import type { Viewer } from "../../infra/http/viewer.js";
import type { GroupStatus, JoiningPolicy, Visibility } from "../groups/tables.js";
import type { GroupRole, MembershipState } from "./tables.js";

/** What the membership rules need to know about a group. */
export type GroupForPolicy = {
  status: GroupStatus;
  joiningPolicy: JoiningPolicy;
  visibility: Visibility;
  handoverAt: Date | null;
};

/**
 * Where a person stands in a group, which every rule of the group's life starts from. A guide
 * becomes an observer on the group's handover date: the group is then led by its members.
 */
export type Standing =
  | "outsider"
  | "requested"
  | "waitlisted"
  | "member"
  | "facilitator"
  | "guide"
  | "observer";

export function standing(
  membership: { state: MembershipState; role: GroupRole } | null,
  group: { handoverAt: Date | null },
  now: Date,
): Standing {
  if (!membership) return "outsider";
  if (membership.state === "requested") return "requested";
  if (membership.state === "waitlisted") return "waitlisted";
  if (membership.state !== "active") return "outsider";
  if (membership.role === "facilitator") return "facilitator";
  if (membership.role === "guide") {
    return group.handoverAt !== null && group.handoverAt <= now ? "observer" : "guide";
  }
  return "member";
}

/** The viewer's own membership of the group, if any. */
export type MembershipForPolicy = {
  state: MembershipState;
  role: GroupRole;
  offerExpiresAt: Date | null;
} | null;

export type MembershipAction =
  | "group.join"
  | "group.request"
  | "group.leave"
  | "group.offer.answer"
  | "group.requests.decide";

const isActive = (m: MembershipForPolicy) => m?.state === "active";
const isWaiting = (m: MembershipForPolicy) => m?.state === "waitlisted";
const isPending = (m: MembershipForPolicy) => m?.state === "requested";
const wasRemoved = (m: MembershipForPolicy) => m?.state === "removed";
/** A facilitator, or the guide before the handover: those who lead the group. */
export const leads = (where: Standing) => where === "facilitator" || where === "guide";
const takesMembers = (g: GroupForPolicy) => g.status === "active" && g.joiningPolicy !== "closed";
const holdsOffer = (m: MembershipForPolicy, now: Date) =>
  isWaiting(m) &&
  m?.offerExpiresAt !== null &&
  m?.offerExpiresAt !== undefined &&
  m.offerExpiresAt > now;
const isOutside = (m: MembershipForPolicy) => m === null || m.state === "left";

/**
 * The rules of joining and leaving, as the group's members would say them. A signed-out
 * visitor may start joining: the route asks them to sign in first.
 */
export function can(
  viewer: Viewer | null,
  action: MembershipAction,
  group: GroupForPolicy,
  membership: MembershipForPolicy,
  now: Date,
): boolean {
  switch (action) {
    case "group.join":
      return (
        takesMembers(group) &&
        group.joiningPolicy === "open" &&
        isOutside(membership) &&
        !wasRemoved(membership)
      );
    case "group.request":
      return takesMembers(group) && group.joiningPolicy === "ask" && isOutside(membership);
    case "group.leave":
      return (
        viewer !== null && (isActive(membership) || isWaiting(membership) || isPending(membership))
      );
    case "group.offer.answer":
      return viewer !== null && holdsOffer(membership, now);
    case "group.requests.decide":
      return viewer !== null && leads(standing(membership, group, now));
  }
}

/**
 * Why this person may not join or ask to join the group now; null when they may. The join page
 * and both doors of joining ask this.
 */
export function joinRefusal(
  viewer: Viewer,
  group: GroupForPolicy,
  membership: MembershipForPolicy,
  now: Date,
): "REMOVED" | "ALREADY_IN_GROUP" | "NOT_TAKING_MEMBERS" | null {
  if (can(viewer, "group.join", group, membership, now)) return null;
  if (can(viewer, "group.request", group, membership, now)) return null;
  if (membership?.state === "removed") return "REMOVED";
  return isOutside(membership) ? "NOT_TAKING_MEMBERS" : "ALREADY_IN_GROUP";
}

export function abilities(
  viewer: Viewer | null,
  group: GroupForPolicy,
  membership: MembershipForPolicy,
  now: Date,
): Record<MembershipAction, boolean> {
  const actions: MembershipAction[] = [
    "group.join",
    "group.request",
    "group.leave",
    "group.offer.answer",
    "group.requests.decide",
  ];
  return Object.fromEntries(
    actions.map((a) => [a, can(viewer, a, group, membership, now)]),
  ) as Record<MembershipAction, boolean>;
}

/** How long a freed place is held for the first person waiting. */
export const OFFER_HOLD_MS = 72 * 3_600_000;

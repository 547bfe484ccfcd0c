import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { type Group, getGroupById } from "../groups/reads.js";
import type { StandingIn } from "../memberships/reads.js";
import { ledGroup } from "../memberships/scope.js";
import { findInvitation, type Invitation } from "./writes.js";

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * A group the viewer leads, while it takes members (not paused); 404 to anyone else. With the
 * language of the page: the invitation is written in the inviter's language, as the person
 * invited may have no account yet.
 */
export const invitingTo: ScopeLoader<StandingIn & { language: Language }> = async (
  request,
  viewer,
) => {
  const found = await ledGroup(request, viewer);
  if (found.group.status !== "active") throw notFound();
  return { ...found, language: request.lang };
};

export type Invited = {
  token: string;
  /** The invitation and its group, while the link works and the group takes members. */
  found: { invitation: Invitation; group: Group } | null;
};

/** An invitation by its link's secret, the route's `:token`; a link that no longer works finds none. */
export const anInvitation: ScopeLoader<Invited> = async (request) => {
  const { token } = request.params as { token?: unknown };
  if (typeof token !== "string" || !tokenShape.test(token)) return { token: "", found: null };
  const { db, clock } = request.server.deps;
  const invitation = await findInvitation(db, token, clock());
  const group = invitation ? await getGroupById(db, invitation.groupId) : null;
  return { token, found: invitation && group?.status === "active" ? { invitation, group } : null };
};

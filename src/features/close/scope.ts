import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { getMembership } from "../memberships/reads.js";
import { canReadHistory } from "./policy.js";

/**
 * A closed group, for the people who were in it when it closed, until its history is erased; to
 * anyone else, and for a group still open, there is nothing here (404).
 */
export const closedGroupRead: ScopeLoader<Group & { closedAt: Date }> = async (request, viewer) => {
  const { slug } = request.params as { slug?: unknown };
  if (typeof slug !== "string" || slug.length > 64) throw notFound();
  const { db, clock } = request.server.deps;
  const group = await getGroupBySlug(db, slug);
  if (!group) throw notFound();
  const membership = await getMembership(db, group.id, viewer.personId);
  if (!canReadHistory(group, membership, clock()) || !group.closedAt) throw notFound();
  return { ...group, closedAt: group.closedAt };
};

import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { leads } from "./policy.js";
import { type StandingIn, standingIn } from "./reads.js";

/** A route's group, from its `:slug`: absent or closed, it is not there for anyone (404). */
export const inGroup: ScopeLoader<StandingIn> = async (request, viewer) => {
  const { slug } = request.params as { slug?: unknown };
  if (typeof slug !== "string" || slug.length > 64) throw notFound();
  const { db, clock } = request.server.deps;
  const found = await standingIn(db, slug, viewer.personId, clock());
  if (!found) throw notFound();
  return found;
};

/** A group the viewer leads (a facilitator, or the guide before the handover); 404 to others. */
export const ledGroup: ScopeLoader<StandingIn> = async (request, viewer) => {
  const found = await inGroup(request, viewer);
  if (!leads(found.standing)) throw notFound();
  return found;
};

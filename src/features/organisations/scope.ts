import type { ScopeLoader } from "../../infra/actions/action.js";
import { isUuid } from "../../infra/http/ids.js";
import { notFound } from "../../infra/http/problem.js";
import { administration } from "../accounts/scope.js";
import { getOrganisation } from "./reads.js";

export type Organisation = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;

/** An organisation, by the route's `:id`, for an administrator (403 to others); 404 if none. */
export const anOrganisation: ScopeLoader<Organisation> = async (request, viewer) => {
  await administration(request, viewer);
  const { id } = request.params as { id?: unknown };
  const found = isUuid(id) ? await getOrganisation(request.server.deps.db, id) : null;
  if (!found) throw notFound();
  return found;
};

/** One of an organisation's coordinators, by the route's `:personId` (404 if not an id). */
export const aCoordinator: ScopeLoader<{ organisation: Organisation; personId: string }> = async (
  request,
  viewer,
) => {
  const organisation = await anOrganisation(request, viewer);
  const { personId } = request.params as { personId?: unknown };
  if (!isUuid(personId)) throw notFound();
  return { organisation, personId };
};

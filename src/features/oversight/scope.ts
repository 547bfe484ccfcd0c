import type { ScopeLoader } from "../../infra/actions/action.js";
import { isUuid } from "../../infra/http/ids.js";
import { notFound } from "../../infra/http/problem.js";
import { can } from "../accounts/policy.js";
import { getOrganisation, listCoordinators } from "../organisations/reads.js";

type Organisation = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;

/**
 * An organisation from the route's `:id`, for its coordinators and the administrators: to anyone
 * else it is not there (404). Whether the viewer may see its figures yet (a passkey) is the page's.
 */
export const overseenOrganisation: ScopeLoader<{
  organisation: Organisation;
  admin: boolean;
}> = async (request, viewer) => {
  const { id } = request.params as { id?: unknown };
  const { db } = request.server.deps;
  const organisation = typeof id === "string" && isUuid(id) ? await getOrganisation(db, id) : null;
  if (!organisation) throw notFound();
  const admin = can(viewer, "admin.tools");
  const coordinators = await listCoordinators(db, organisation.id);
  if (!admin && !coordinators.some((c) => c.personId === viewer.personId)) throw notFound();
  return { organisation, admin };
};

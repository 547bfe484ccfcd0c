import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { roleApi } from "./api.js";
import { rolePages } from "./pages.js";
import { personalRoles } from "./reads.js";

/** A group's members and their roles, removals and the guide's handover. */
export async function rolesPlugin(app: FastifyInstance): Promise<void> {
  personalDataParts.register("roles", ({ db, personId }) => personalRoles(db, personId));
  await app.register(rolePages);
  await app.register(roleApi);
}

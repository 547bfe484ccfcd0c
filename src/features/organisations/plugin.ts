import type { FastifyInstance } from "fastify";
import { organisationApi } from "./api.js";
import { organisationPages } from "./pages.js";

/** The organisations that support groups, and the administrators' pages to keep them. */
export async function organisationsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(organisationPages);
  await app.register(organisationApi);
}

import type { FastifyInstance } from "fastify";
import { groupApi } from "./api.js";
import { groupPage } from "./pages.js";

/** A group's own page, and the same group as JSON. */
export async function groupPagePlugin(app: FastifyInstance): Promise<void> {
  await app.register(groupPage);
  await app.register(groupApi);
}

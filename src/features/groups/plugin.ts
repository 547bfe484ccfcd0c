import type { FastifyInstance } from "fastify";
import { groupApi } from "./api.js";
import { groupPages } from "./pages.js";

/** Starting a group, by its form and as JSON. */
export async function groupsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(groupPages);
  await app.register(groupApi);
}

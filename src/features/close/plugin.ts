import type { FastifyInstance } from "fastify";
import { closeApi } from "./api.js";
import { closePages } from "./pages.js";

/** Pausing, starting again and closing a group, by its page and as JSON; a closed group's history. */
export async function closePlugin(app: FastifyInstance): Promise<void> {
  await app.register(closePages);
  await app.register(closeApi);
}

import type { FastifyInstance } from "fastify";
import { directoryApi } from "./api.js";
import { directoryPages } from "./pages.js";

/** Finding a group: the directory's search, as a page and as JSON. */
export async function directoryPlugin(app: FastifyInstance): Promise<void> {
  await app.register(directoryPages);
  await app.register(directoryApi);
}

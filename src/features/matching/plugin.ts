import type { FastifyInstance } from "fastify";
import { matchingApi } from "./api.js";
import { matchingPages } from "./pages.js";

/** Finding the right group, question by question, and asking a person for help. */
export async function matchingPlugin(app: FastifyInstance): Promise<void> {
  await app.register(matchingPages);
  await app.register(matchingApi);
}

import type { FastifyInstance } from "fastify";
import { difficultyApi } from "./api.js";
import { difficultyPages } from "./pages.js";

/** The difficulties the groups name, and the administrators' pages to keep them. */
export async function difficultiesPlugin(app: FastifyInstance): Promise<void> {
  await app.register(difficultyPages);
  await app.register(difficultyApi);
}

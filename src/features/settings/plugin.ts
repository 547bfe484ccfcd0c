import type { FastifyInstance } from "fastify";
import { settingsApi } from "./api.js";
import { settingsPages } from "./pages.js";

/** A group's page and schedule, changed by the people who lead it: by its form and as JSON. */
export async function settingsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(settingsPages);
  await app.register(settingsApi);
}

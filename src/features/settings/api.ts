import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { changeSettingsAction } from "./actions.js";

/** Changing a group's page and schedule, as JSON: the form's action, same rules. */
export async function settingsApi(app: FastifyInstance) {
  const params = z.object({ slug: z.string().max(64) }).strict();
  jsonDoor(app, changeSettingsAction, { params, tags: ["groups"] });
}

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { askForHelpAction } from "./actions.js";

/** Asking for help to find a group, as JSON: the help form's action, for anyone. */
export async function matchingApi(app: FastifyInstance) {
  jsonDoor(app, askForHelpAction, { params: z.object({}).strict(), tags: ["matching"] });
}

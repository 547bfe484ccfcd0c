import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { foundGroupAction } from "./actions.js";

/** Starting a group, as JSON: the form's action, same rules. */
export async function groupApi(app: FastifyInstance) {
  jsonDoor(app, foundGroupAction, { params: z.object({}).strict(), tags: ["groups"] });
}

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { changeGroupLifeAction } from "./actions.js";

/** Pausing, starting again and closing a group, as JSON: the page's action, same rules. */
export async function closeApi(app: FastifyInstance) {
  const params = z.object({ slug: z.string().max(64) }).strict();
  jsonDoor(app, changeGroupLifeAction, { params, tags: ["groups"] });
}

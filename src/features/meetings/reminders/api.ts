import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { choosePreferencesAction } from "./actions.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();

/** A member's choice of e-mails from a group, as JSON: the page's action, with the same rules. */
export async function reminderApi(app: FastifyInstance) {
  jsonDoor(app, choosePreferencesAction, { params: aGroup, tags: ["meetings"] });
}

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { worriedAction } from "./actions.js";

const aPost = z.object({ slug: z.string().max(64), postId: z.string().max(64) }).strict();

/** "I'm worried about this person" as JSON: the page's action, with the same rules. */
export async function worriedApi(app: FastifyInstance) {
  jsonDoor(app, worriedAction, { params: aPost, tags: ["crisis"] });
}

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { inviteAction, takeUpAction } from "./actions.js";

const tags = ["groups"];

/** Inviting someone and taking up an invitation, as JSON: the pages' actions, same rules. */
export async function invitationApi(app: FastifyInstance) {
  jsonDoor(app, inviteAction, { params: z.object({ slug: z.string().max(64) }).strict(), tags });
  jsonDoor(app, takeUpAction, { params: z.object({ token: z.string().max(64) }).strict(), tags });
}

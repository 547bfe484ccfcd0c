import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { answerOfferAction, decideRequestAction, joinAction, leaveAction } from "./actions.js";

const inGroup = z.object({ slug: z.string().max(64) }).strict();
const tags = ["memberships"];

/** Joining, waiting, leaving and deciding requests, as JSON: the pages' actions, same rules. */
export async function membershipApi(app: FastifyInstance) {
  jsonDoor(app, joinAction, { params: inGroup, tags });
  jsonDoor(app, leaveAction, { params: inGroup, tags });
  jsonDoor(app, answerOfferAction, { params: inGroup, tags });
  const aRequest = inGroup.extend({ membershipId: z.string().max(64) });
  jsonDoor(app, decideRequestAction, { params: aRequest, tags });
}

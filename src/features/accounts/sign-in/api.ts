import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { signOutAction, signOutEverywhereAction } from "./actions.js";

const tags = ["me"];
const noParams = z.object({}).strict();

/** Signing out as JSON: the pages' buttons, same rules. */
export async function signOutApi(app: FastifyInstance) {
  jsonDoor(app, signOutAction, { params: noParams, tags });
  jsonDoor(app, signOutEverywhereAction, { params: noParams, tags });
}

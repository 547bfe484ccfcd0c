import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { assignFacilitatorAction, stepDownAction, volunteerAction } from "./actions.js";

const aMeeting = z.object({ slug: z.string().max(64), meetingId: z.uuid() }).strict();
const tags = ["meetings"];

/** Who facilitates each meeting, as JSON: the pages' actions, with the same rules. */
export async function rotaApi(app: FastifyInstance) {
  jsonDoor(app, volunteerAction, { params: aMeeting, tags });
  jsonDoor(app, stepDownAction, { params: aMeeting, tags });
  jsonDoor(app, assignFacilitatorAction, { params: aMeeting, tags });
}

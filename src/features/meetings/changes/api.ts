import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { cancelMeetingAction, moveMeetingAction } from "./actions.js";

const aMeeting = z.object({ slug: z.string().max(64), meetingId: z.uuid() }).strict();
const tags = ["meetings"];

/** Moving and cancelling a meeting as JSON: the pages' actions, with the same rules. */
export async function meetingChangeApi(app: FastifyInstance) {
  jsonDoor(app, moveMeetingAction, { params: aMeeting, tags });
  jsonDoor(app, cancelMeetingAction, { params: aMeeting, tags });
}

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { recordAttendanceAction, selfPresentAction } from "./actions.js";

const aMeeting = z.object({ slug: z.string().max(64), meetingId: z.uuid() }).strict();
const tags = ["meetings"];

/** Who came to a meeting, as JSON: the pages' actions, with the same rules. */
export async function attendanceApi(app: FastifyInstance) {
  jsonDoor(app, recordAttendanceAction, { params: aMeeting, tags });
  jsonDoor(app, selfPresentAction, { params: aMeeting, tags });
}

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { DAY_MS, localDateTime } from "../../infra/time/zoned.js";
import {
  addMeetingAction,
  answerAction,
  chooseThemeAction,
  suggestThemeAction,
} from "./actions.js";
import { canAddMeeting, canSeeRota } from "./policy.js";
import { meetingJson, meetingViewFor, presentMeeting } from "./present.js";
import { listUpcomingMeetings } from "./reads.js";
import { inGroup } from "./scope.js";
import { PLAN_WEEKS } from "./writes.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
/** A meeting's routes: the scope loader answers 404 for an id that is not one of the group's. */
const aMeeting = aGroup.extend({ meetingId: z.uuid() });
const tags = ["meetings"];

/**
 * A group's meetings as JSON, for its members (an observer sees them without who takes part),
 * and what the pages' forms do, with the same rules. To anyone else the group's meetings do not
 * exist: 404.
 */
export async function meetingApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/groups/:slug/meetings",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "A group's meetings for the coming 12 weeks (members only)",
        security: [{ session: [] }],
        params: aGroup,
        querystring: z.object({}).strict(),
        response: {
          200: z.object({
            timeZone: z.string(),
            abilities: z.object({ "meeting.add": z.boolean(), "rota.view": z.boolean() }),
            meetings: z.array(meetingJson),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const scope = await inGroup(request, viewer);
      const { group, standing } = scope;
      const now = clock();
      const rows = await listUpcomingMeetings(db, group.id, viewer.personId, {
        now,
        to: new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
      });
      const today = localDateTime(now, group.timeZone).localDate;
      const seesPeople = canSeeRota(standing);
      const at = { scope, viewer, now };
      return {
        timeZone: group.timeZone,
        abilities: { "meeting.add": canAddMeeting(standing), "rota.view": seesPeople },
        meetings: rows.map((row) =>
          presentMeeting(row, meetingViewFor(at, row, today), { seesPeople }),
        ),
      };
    },
  );

  jsonDoor(app, addMeetingAction, { params: aGroup, tags });
  jsonDoor(app, answerAction, { params: aMeeting, tags });
  jsonDoor(app, suggestThemeAction, { params: aMeeting, tags });
  jsonDoor(app, chooseThemeAction, { params: aMeeting, tags });
}

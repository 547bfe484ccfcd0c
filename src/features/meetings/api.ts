import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { DAY_MS, localDateTime } from "../../infra/time/zoned.js";
import { standing } from "../memberships/policy.js";
import { getGroupForViewer } from "../memberships/reads.js";
import { rsvpInput } from "./inputs.js";
import { canAddMeeting, canSeeMeetings, canSeeRota } from "./policy.js";
import { meetingView, presentMeeting } from "./present.js";
import { getMeeting, listUpcomingMeetings } from "./reads.js";
import { meetingStatuses, rsvpAnswers } from "./tables.js";
import { PLAN_WEEKS, respondToMeeting } from "./writes.js";

const problem = problemBody;

const meeting = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  when: z.string(),
  status: z.enum(meetingStatuses),
  moved: z.boolean(),
  changeReason: z.string().nullable(),
  theme: z.string().nullable(),
  sequence: z.number().int(),
  facilitator: z.string().nullable(),
  myAnswer: z.enum(rsvpAnswers).nullable(),
  coming: z.number().int().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/**
 * A group's meetings as JSON, for its members (an observer sees them without who takes part),
 * and the answer to "Will you come?". To anyone else the group's meetings do not exist: 404.
 */
export async function meetingApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  async function inGroup(slug: string, personId: string) {
    const found = await getGroupForViewer(db, slug, personId);
    if (!found || found.group.status === "closed") throw notFound();
    const { group, membership } = found;
    const where = standing(membership, group, clock());
    if (!canSeeMeetings(where)) throw notFound();
    return { group, where };
  }

  app.get(
    "/api/v1/groups/:slug/meetings",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["meetings"],
        summary: "A group's meetings for the coming 12 weeks (members only)",
        security: [{ session: [] }],
        params: z.object({ slug: z.string().max(64) }).strict(),
        querystring: z.object({}).strict(),
        response: {
          200: z.object({
            timeZone: z.string(),
            abilities: z.object({ "meeting.add": z.boolean(), "rota.view": z.boolean() }),
            meetings: z.array(meeting),
          }),
          401: problem,
          404: problem,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { group, where } = await inGroup(request.params.slug, viewer.personId);
      const now = clock();
      const rows = await listUpcomingMeetings(db, group.id, viewer.personId, {
        now,
        to: new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
      });
      const today = localDateTime(now, group.timeZone).localDate;
      const seesPeople = canSeeRota(where);
      return {
        timeZone: group.timeZone,
        abilities: { "meeting.add": canAddMeeting(where), "rota.view": seesPeople },
        meetings: rows.map((row) => {
          const view = meetingView(
            row,
            { standing: where, personId: viewer.personId, language: request.lang, now, today },
            group.timeZone,
          );
          return presentMeeting(row, view, { seesPeople });
        }),
      };
    },
  );

  app.put(
    "/api/v1/groups/:slug/meetings/:meetingId/answer",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["meetings"],
        summary: "Answer “Will you come?” for one meeting",
        security: [{ session: [] }],
        params: z.object({ slug: z.string().max(64), meetingId: z.uuid() }).strict(),
        body: rsvpInput.strict(),
        response: {
          200: z.object({ answer: z.enum(rsvpAnswers) }),
          401: problem,
          403: problem,
          404: problem,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { group, where } = await inGroup(request.params.slug, viewer.personId);
      const row = await getMeeting(db, group.id, request.params.meetingId);
      if (!row) throw notFound();
      const now = clock();
      const view = meetingView(
        row,
        { standing: where, personId: viewer.personId, language: request.lang, now },
        group.timeZone,
      );
      if (!view.abilities["meeting.respond"]) {
        // An observer takes no part: for them there is nothing to answer here.
        if (where === "observer") throw notFound();
        throw new HttpProblem(403, "forbidden", "This meeting cannot be answered now.");
      }
      const answered = await respondToMeeting(
        db,
        {
          groupId: group.id,
          meetingId: row.id,
          personId: viewer.personId,
          answer: request.body.answer,
        },
        now,
      );
      // Removed from the group at the same moment: nothing here is theirs to see any more.
      if (!answered.ok) throw notFound();
      return { answer: request.body.answer };
    },
  );
}

import type { FastifyInstance } from "fastify";
import { parseForm } from "../../../infra/html/form.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { DAY_MS } from "../../../infra/time/zoned.js";
import { listActiveMembers } from "../../memberships/reads.js";
import { assignFacilitatorInput } from "../inputs.js";
import { type GroupParams, type MeetingParams, meetingScope, notFound } from "../pages.js";
import { canSeeRota } from "../policy.js";
import { countRecentFacilitators, listPastMeetings, listUpcomingMeetings } from "../reads.js";
import { PLAN_WEEKS } from "../writes.js";
import { AssignPage, RotaPage } from "./views/rota.js";
import { assignFacilitator, stepDown, volunteerToFacilitate } from "./writes.js";

/** Three months back: how far the rota looks for who has led before. */
const ROTA_LOOKBACK_MS = 91 * DAY_MS;

/** The rota: who facilitates each meeting, volunteering, stepping down and choosing. */
export async function rotaPages(app: FastifyInstance) {
  const { db, clock } = app.deps;
  const { inGroup, atMeeting, viewOf, allowed, backToMeeting } = meetingScope(app);

  app.get<GroupParams>("/groups/:slug/rota", async (request, reply) => {
    const at = await inGroup(request, reply);
    if (!at) return reply;
    if (!canSeeRota(at.standing)) throw notFound();
    const now = clock();
    const since = new Date(now.getTime() - ROTA_LOOKBACK_MS);
    const [upcoming, past, leaders] = await Promise.all([
      listUpcomingMeetings(db, at.group.id, at.viewer.personId, {
        now,
        to: new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
      }),
      listPastMeetings(db, at.group.id, { since, now }),
      countRecentFacilitators(db, at.group.id, { since, now }),
    ]);
    return sendHtml(
      reply,
      <RotaPage
        ctx={pageContext(request)}
        group={at.group}
        upcoming={upcoming
          .filter((m) => m.status === "scheduled")
          .map((m) => viewOf(request, at, m))}
        past={past.map((m) => viewOf(request, at, m))}
        leaders={leaders}
      />,
    );
  });

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/volunteer", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.volunteer");
    const result = await volunteerToFacilitate(
      db,
      { groupId: at.group.id, meetingId: at.meeting.id, personId: at.viewer.personId },
      clock(),
    );
    // Removed from the group at the same moment: nothing here is theirs to see any more.
    if (!result.ok && result.reason === "NOT_A_MEMBER") throw notFound();
    return backToMeeting(
      reply,
      at,
      result.ok ? "meetings.rota.volunteered" : "meetings.rota.taken",
    );
  });

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/step-down", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.stepDown");
    await stepDown(db, { meetingId: at.meeting.id, personId: at.viewer.personId }, clock());
    return backToMeeting(reply, at, "meetings.rota.steppedDown");
  });

  app.get<MeetingParams>(
    "/groups/:slug/meetings/:meetingId/facilitator",
    async (request, reply) => {
      const at = await atMeeting(request, reply);
      if (!at) return reply;
      allowed(request, at, "meeting.assign");
      return sendHtml(
        reply,
        <AssignPage
          ctx={pageContext(request)}
          group={at.group}
          meeting={viewOf(request, at, at.meeting)}
          members={await listActiveMembers(db, at.group.id)}
        />,
      );
    },
  );

  app.post<MeetingParams>(
    "/groups/:slug/meetings/:meetingId/facilitator",
    async (request, reply) => {
      const at = await atMeeting(request, reply);
      if (!at) return reply;
      allowed(request, at, "meeting.assign");
      const form = parseForm(assignFacilitatorInput, request.body);
      const result = form.ok
        ? await assignFacilitator(
            db,
            { groupId: at.group.id, meetingId: at.meeting.id, personId: form.data.personId },
            clock(),
          )
        : null;
      if (!result?.ok) {
        return sendHtml(
          reply,
          <AssignPage
            ctx={pageContext(request)}
            group={at.group}
            meeting={viewOf(request, at, at.meeting)}
            members={await listActiveMembers(db, at.group.id)}
            errors={{ personId: "meetings.errors.facilitator" }}
          />,
          400,
        );
      }
      return backToMeeting(reply, at, "meetings.rota.assigned");
    },
  );
}

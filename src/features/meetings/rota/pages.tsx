import type { FastifyInstance } from "fastify";
import type { At } from "../../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import type { FieldErrors } from "../../../infra/html/form.js";
import { type PageContext, pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { DAY_MS } from "../../../infra/time/zoned.js";
import { listActiveMembers } from "../../memberships/reads.js";
import { meetingViewFor } from "../present.js";
import { countRecentFacilitators, listPastMeetings, listUpcomingMeetings } from "../reads.js";
import { type AtMeeting, allowedTo, amongMembers } from "../scope.js";
import { backToMeeting } from "../views/parts.js";
import { PLAN_WEEKS } from "../writes.js";
import { assignFacilitatorAction, stepDownAction, volunteerAction } from "./actions.js";
import { AssignPage, RotaPage } from "./views/rota.js";

/** Three months back: how far the rota looks for who has led before. */
const ROTA_LOOKBACK_MS = 91 * DAY_MS;

/** The rota: who facilitates each meeting, volunteering, stepping down and choosing. */
export async function rotaPages(app: FastifyInstance) {
  const { db } = app.deps;

  scopedPage(app, "/groups/:slug/rota", amongMembers, async (request, reply, at) => {
    const { group } = at.scope;
    const { now } = at;
    const since = new Date(now.getTime() - ROTA_LOOKBACK_MS);
    const [upcoming, past, leaders] = await Promise.all([
      listUpcomingMeetings(db, group.id, at.viewer.personId, {
        now,
        to: new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
      }),
      listPastMeetings(db, group.id, { since, now }),
      countRecentFacilitators(db, group.id, { since, now }),
    ]);
    return sendHtml(
      reply,
      <RotaPage
        ctx={pageContext(request)}
        group={group}
        upcoming={upcoming
          .filter((m) => m.status === "scheduled")
          .map((m) => meetingViewFor(at, m))}
        past={past.map((m) => meetingViewFor(at, m))}
        leaders={leaders}
      />,
    );
  });

  htmlDoor(app, volunteerAction, {
    done: (at) => backToMeeting(at, "meetings.rota.volunteered"),
    // Someone offered at the same moment: the page says the meeting is taken.
    refused: (at, reason) => (reason === "TAKEN" ? backToMeeting(at, "meetings.rota.taken") : null),
  });

  htmlDoor(app, stepDownAction, {
    done: (at) => backToMeeting(at, "meetings.rota.steppedDown"),
    // Sent twice at once (a double click): the first sending stepped down.
    refused: (at, reason) =>
      reason === "NOT_YOURS" ? backToMeeting(at, "meetings.rota.steppedDown") : null,
  });

  /** The choice of who facilitates, with the reason by the list when it could not be saved. */
  const assignPage = async (ctx: PageContext, at: At<AtMeeting>, errors?: FieldErrors) => (
    <AssignPage
      ctx={ctx}
      group={at.scope.group}
      meeting={meetingViewFor(at, at.scope.meeting)}
      members={await listActiveMembers(db, at.scope.group.id)}
      errors={errors}
    />
  );

  scopedPage(
    app,
    "/groups/:slug/meetings/:meetingId/facilitator",
    allowedTo("meeting.assign"),
    async (request, reply, at) => sendHtml(reply, await assignPage(pageContext(request), at)),
  );

  const notAMember: FieldErrors = { personId: "meetings.errors.facilitator" };
  htmlDoor(app, assignFacilitatorAction, {
    invalid: (ctx, at) => assignPage(ctx, at, notAMember),
    fields: { NOT_A_MEMBER: notAMember, NO_SUCH_MEETING: notAMember },
    done: (at) => backToMeeting(at, "meetings.rota.assigned"),
  });
}

import type { FastifyInstance } from "fastify";
import type { At } from "../../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import type { FieldErrors } from "../../../infra/html/form.js";
import { type PageContext, pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { listActiveMembers } from "../../memberships/reads.js";
import { meetingViewFor } from "../present.js";
import { listPresent } from "../reads.js";
import { type AtMeeting, allowedTo } from "../scope.js";
import { backToMeeting } from "../views/parts.js";
import { recordAttendanceAction, selfPresentAction } from "./actions.js";
import { AttendancePage } from "./views/attendance.js";

/** Who came: recorded by the meeting's facilitator, or by members themselves on the day. */
export async function attendancePages(app: FastifyInstance) {
  const { db } = app.deps;

  /** The list of today's members, ticked as recorded, or as sent when it could not be saved. */
  const attendancePage = async (
    ctx: PageContext,
    at: At<AtMeeting>,
    present: string[],
    errors?: FieldErrors,
  ) => (
    <AttendancePage
      ctx={ctx}
      group={at.scope.group}
      meeting={meetingViewFor(at, at.scope.meeting)}
      members={await listActiveMembers(db, at.scope.group.id)}
      present={present}
      errors={errors}
    />
  );

  scopedPage(
    app,
    "/groups/:slug/meetings/:meetingId/attendance",
    allowedTo("meeting.attendance.record"),
    async (request, reply, at) => {
      const present = await listPresent(db, at.scope.meeting.id);
      return sendHtml(reply, await attendancePage(pageContext(request), at, present));
    },
  );

  const onlyMembers: FieldErrors = { present: "meetings.errors.attendance" };
  htmlDoor(app, recordAttendanceAction, {
    invalid: (ctx, at, form) => attendancePage(ctx, at, form.lists.present ?? [], onlyMembers),
    fields: { NOT_A_MEMBER: onlyMembers },
    done: (at) => backToMeeting(at, "meetings.attendance.saved"),
  });

  htmlDoor(app, selfPresentAction, {
    done: (at) => backToMeeting(at, "meetings.attendance.thanks"),
  });
}

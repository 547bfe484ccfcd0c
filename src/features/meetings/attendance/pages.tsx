import type { FastifyInstance } from "fastify";
import { parseForm } from "../../../infra/html/form.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { listActiveMembers } from "../../memberships/reads.js";
import { attendanceInput } from "../inputs.js";
import { type MeetingParams, meetingScope } from "../pages.js";
import { listPresent } from "../reads.js";
import { AttendancePage } from "./views/attendance.js";
import { recordAttendance, recordSelfPresent } from "./writes.js";

/** Who came: recorded by the meeting's facilitator, or by members themselves on the day. */
export async function attendancePages(app: FastifyInstance) {
  const { db, clock } = app.deps;
  const { atMeeting, viewOf, allowed, backToMeeting } = meetingScope(app);

  app.get<MeetingParams>("/groups/:slug/meetings/:meetingId/attendance", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.attendance.record");
    const [members, present] = await Promise.all([
      listActiveMembers(db, at.group.id),
      listPresent(db, at.meeting.id),
    ]);
    return sendHtml(
      reply,
      <AttendancePage
        ctx={pageContext(request)}
        group={at.group}
        meeting={viewOf(request, at, at.meeting)}
        members={members}
        present={present}
      />,
    );
  });

  app.post<MeetingParams>(
    "/groups/:slug/meetings/:meetingId/attendance",
    async (request, reply) => {
      const at = await atMeeting(request, reply);
      if (!at) return reply;
      allowed(request, at, "meeting.attendance.record");
      const form = parseForm(attendanceInput, request.body);
      const result = form.ok
        ? await recordAttendance(
            db,
            {
              groupId: at.group.id,
              meetingId: at.meeting.id,
              present: form.data.present,
              recordedBy: at.viewer.personId,
            },
            clock(),
          )
        : null;
      if (!result?.ok) {
        return sendHtml(
          reply,
          <AttendancePage
            ctx={pageContext(request)}
            group={at.group}
            meeting={viewOf(request, at, at.meeting)}
            members={await listActiveMembers(db, at.group.id)}
            present={form.lists.present ?? []}
            errors={{ present: "meetings.errors.attendance" }}
          />,
          400,
        );
      }
      return backToMeeting(reply, at, "meetings.attendance.saved");
    },
  );

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/present", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.attendance.self");
    await recordSelfPresent(
      db,
      { meetingId: at.meeting.id, personId: at.viewer.personId },
      clock(),
    );
    return backToMeeting(reply, at, "meetings.attendance.thanks");
  });
}

import type { FastifyInstance } from "fastify";
import { type FieldErrors, parseForm } from "../../../infra/html/form.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { cancelMeetingInput, moveMeetingInput } from "../inputs.js";
import { type MeetingParams, meetingScope, notNow } from "../pages.js";
import { leads } from "../policy.js";
import { CancelMeetingPage, MoveMeetingPage } from "../views/forms.js";
import { cancelMeeting, moveMeeting } from "../writes.js";

/**
 * Moving or cancelling one meeting: every member is told at once by e-mail (queued with the
 * change, see changes/jobs.ts), with an invitation that updates the event their calendar has.
 */
export async function meetingChangePages(app: FastifyInstance) {
  const { db, clock } = app.deps;
  const { atMeeting, viewOf, allowed, backToMeeting } = meetingScope(app);

  app.get<MeetingParams>("/groups/:slug/meetings/:meetingId/move", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.change");
    return sendHtml(
      reply,
      <MoveMeetingPage
        ctx={pageContext(request)}
        group={at.group}
        meeting={viewOf(request, at, at.meeting)}
      />,
    );
  });

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/move", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.change");
    const form = parseForm(moveMeetingInput, request.body);
    const again = (errors: FieldErrors) =>
      sendHtml(
        reply,
        <MoveMeetingPage
          ctx={pageContext(request)}
          group={at.group}
          meeting={viewOf(request, at, at.meeting)}
          values={form.values}
          errors={errors}
        />,
        400,
      );
    if (!form.ok) return again(form.errors);
    const result = await moveMeeting(
      db,
      { group: at.group, meetingId: at.meeting.id, ...form.data },
      clock(),
    );
    if (!result.ok) {
      if (result.reason === "IN_THE_PAST") return again({ date: "meetings.errors.past" });
      throw notNow();
    }
    return backToMeeting(reply, at, "meetings.move.done");
  });

  app.get<MeetingParams>("/groups/:slug/meetings/:meetingId/cancel", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.change");
    return sendHtml(
      reply,
      <CancelMeetingPage
        ctx={pageContext(request)}
        group={at.group}
        meeting={viewOf(request, at, at.meeting)}
      />,
    );
  });

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/cancel", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    // Sent twice (a double click): the first sending called it off; the second is told so too.
    if (at.meeting.status === "cancelled" && leads(at.standing)) {
      return backToMeeting(reply, at, "meetings.cancel.done");
    }
    allowed(request, at, "meeting.change");
    const form = parseForm(cancelMeetingInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <CancelMeetingPage
          ctx={pageContext(request)}
          group={at.group}
          meeting={viewOf(request, at, at.meeting)}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    const result = await cancelMeeting(
      db,
      { groupId: at.group.id, meetingId: at.meeting.id, reason: form.data.reason },
      clock(),
    );
    if (!result.ok) throw notNow();
    return backToMeeting(reply, at, "meetings.cancel.done");
  });
}

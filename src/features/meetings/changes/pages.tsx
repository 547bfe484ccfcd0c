import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { meetingViewFor } from "../present.js";
import { allowedTo } from "../scope.js";
import { CancelMeetingPage, MoveMeetingPage } from "../views/forms.js";
import { backToMeeting } from "../views/parts.js";
import { cancelMeetingAction, moveMeetingAction } from "./actions.js";

/**
 * Moving or cancelling one meeting: every member is told at once by e-mail (queued with the
 * change, see changes/jobs.ts), with an invitation that updates the event their calendar has.
 */
export async function meetingChangePages(app: FastifyInstance) {
  const changing = allowedTo("meeting.change");

  scopedPage(app, "/groups/:slug/meetings/:meetingId/move", changing, async (request, reply, at) =>
    sendHtml(
      reply,
      <MoveMeetingPage
        ctx={pageContext(request)}
        group={at.scope.group}
        meeting={meetingViewFor(at, at.scope.meeting)}
      />,
    ),
  );

  htmlDoor(app, moveMeetingAction, {
    invalid: (ctx, at, form) => (
      <MoveMeetingPage
        ctx={ctx}
        group={at.scope.group}
        meeting={meetingViewFor(at, at.scope.meeting)}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: { IN_THE_PAST: { date: "meetings.errors.past" } },
    done: (at) => backToMeeting(at, "meetings.move.done"),
  });

  scopedPage(
    app,
    "/groups/:slug/meetings/:meetingId/cancel",
    changing,
    async (request, reply, at) =>
      sendHtml(
        reply,
        <CancelMeetingPage
          ctx={pageContext(request)}
          group={at.scope.group}
          meeting={meetingViewFor(at, at.scope.meeting)}
        />,
      ),
  );

  htmlDoor(app, cancelMeetingAction, {
    invalid: (ctx, at, form) => (
      <CancelMeetingPage
        ctx={ctx}
        group={at.scope.group}
        meeting={meetingViewFor(at, at.scope.meeting)}
        values={form.values}
        errors={form.errors}
      />
    ),
    // Sent twice (a double click), or again from a page kept open: the first sending called it
    // off; the second is told so too.
    refused: (at, reason) =>
      reason === "ALREADY_CANCELLED" ? backToMeeting(at, "meetings.cancel.done") : null,
    done: (at) => backToMeeting(at, "meetings.cancel.done"),
  });
}

import { declareAction } from "../../../infra/actions/action.js";
import { cancelMeetingInput, moveMeetingInput } from "../inputs.js";
import { cancelRefusal, meetingRefusal, type RuledOut, ruledOut } from "../policy.js";
import { meetingJson, meetingViewFor, presentMeeting } from "../present.js";
import { takingPart } from "../scope.js";
import { type CancelResult, cancelMeeting, type MoveResult, moveMeeting } from "./writes.js";

// Moving and cancelling one meeting, for its page (pages.tsx) and its JSON (api.ts). Every
// member is told by e-mail, queued with the change itself (changes/jobs.ts).

/** Started, or called off, since the page was opened: it cannot be changed now. */
const notNow = ruledOut.FORBIDDEN;

/** The people who lead the group move a meeting to another day or time, saying why. */
export const moveMeetingAction = declareAction({
  name: "meeting.move",
  page: "/groups/:slug/meetings/:meetingId/move",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings/:meetingId/move" },
  summary: "Move one meeting to another date and time, saying why (those who lead the group)",
  input: moveMeetingInput,
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.change", at),
  run: ({ scope, db, now }, input): Promise<MoveResult | RuledOut> =>
    moveMeeting(db, { group: scope.group, meetingId: scope.meeting.id, ...input }, now),
  reasons: {
    ...ruledOut,
    IN_THE_PAST: { status: 422, message: "meetings.errors.past" },
    NO_SUCH_MEETING: notNow,
    ALREADY_STARTED: notNow,
  },
  result: meetingJson,
  present: (done, at) =>
    presentMeeting(done.meeting, meetingViewFor(at, done.meeting), { seesPeople: true }),
});

/** The people who lead the group call a meeting off, saying why. */
export const cancelMeetingAction = declareAction({
  name: "meeting.cancel",
  page: "/groups/:slug/meetings/:meetingId/cancel",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings/:meetingId/cancel" },
  summary: "Cancel one meeting, saying why (those who lead the group)",
  input: cancelMeetingInput,
  scope: takingPart,
  refuse: cancelRefusal,
  run: (
    { scope, db, now },
    { reason },
  ): Promise<CancelResult | RuledOut | { ok: false; reason: "ALREADY_CANCELLED" }> =>
    cancelMeeting(db, { groupId: scope.group.id, meetingId: scope.meeting.id, reason }, now),
  reasons: {
    ...ruledOut,
    ALREADY_CANCELLED: { status: 409, message: "meetings.cancel.done" },
    NO_SUCH_MEETING: notNow,
    ALREADY_STARTED: notNow,
  },
  result: meetingJson,
  present: (done, at) =>
    presentMeeting(done.meeting, meetingViewFor(at, done.meeting), { seesPeople: true }),
});

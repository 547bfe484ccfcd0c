import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { attendanceInput } from "../inputs.js";
import { meetingRefusal, type RuledOut, ruledOut } from "../policy.js";
import { takingPart } from "../scope.js";
import { type AttendanceResult, recordAttendance, recordSelfPresent } from "./writes.js";

// Who came to a meeting: the list its facilitator keeps, and a member's own "I am here", each
// declared once, for its page (pages.tsx) and its JSON (api.ts).

/** The meeting's facilitator, or those who lead the group, record which members came. */
export const recordAttendanceAction = declareAction({
  name: "meeting.attendance.record",
  page: "/groups/:slug/meetings/:meetingId/attendance",
  api: { method: "PUT", url: "/api/v1/groups/:slug/meetings/:meetingId/attendance" },
  summary: "Record which of today's members came to a meeting (its facilitator, or those who lead)",
  input: attendanceInput,
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.attendance.record", at),
  async run({ scope, viewer, db, now }, { present }): Promise<Recorded | RuledOut> {
    const ids = { groupId: scope.group.id, meetingId: scope.meeting.id };
    const recorded = await recordAttendance(
      db,
      { ...ids, present, recordedBy: viewer.personId },
      now,
    );
    return recorded.ok ? { ok: true, present: [...new Set(present)] } : recorded;
  },
  reasons: {
    ...ruledOut,
    NOT_A_MEMBER: { status: 422, message: "meetings.errors.attendance" },
  },
  result: z.object({ present: z.array(z.string()).describe("The members ticked as present") }),
  present: (done) => ({ present: done.present }),
});

type Recorded = { ok: true; present: string[] } | Exclude<AttendanceResult, { ok: true }>;

/** A member says "I am here" on the day of the meeting. */
export const selfPresentAction = declareAction({
  name: "meeting.attendance.self",
  page: "/groups/:slug/meetings/:meetingId/present",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings/:meetingId/present" },
  summary: "Say “I am here” at a meeting under way today",
  input: z.object({}),
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.attendance.self", at),
  async run({ scope, viewer, db, now }): Promise<{ ok: true } | RuledOut> {
    await recordSelfPresent(db, { meetingId: scope.meeting.id, personId: viewer.personId }, now);
    return { ok: true };
  },
  reasons: ruledOut,
  result: z.object({ present: z.literal(true) }),
  present: () => ({ present: true as const }),
});

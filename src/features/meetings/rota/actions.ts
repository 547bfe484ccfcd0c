import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { assignFacilitatorInput } from "../inputs.js";
import { gone, meetingRefusal, type RuledOut, ruledOut } from "../policy.js";
import { takingPart } from "../scope.js";
import {
  type AssignResult,
  assignFacilitator,
  type StepDownResult,
  stepDown,
  type VolunteerResult,
  volunteerToFacilitate,
} from "./writes.js";

// Who facilitates each meeting: offering, stepping down, and choosing. Each declared once, for
// its page (pages.tsx) and its JSON (api.ts).

const facilitation = z
  .object({ facilitator: z.string().nullable().describe("Who facilitates it; null: nobody yet") })
  .describe("Who facilitates the meeting now");

/** A member offers to facilitate a meeting nobody has taken yet. */
export const volunteerAction = declareAction({
  name: "meeting.volunteer",
  page: "/groups/:slug/meetings/:meetingId/volunteer",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings/:meetingId/facilitation" },
  summary: "Offer to facilitate a meeting nobody has taken yet",
  input: z.object({}),
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.volunteer", at),
  run: ({ scope, viewer, db, now }): Promise<VolunteerResult | RuledOut> =>
    volunteerToFacilitate(
      db,
      { groupId: scope.group.id, meetingId: scope.meeting.id, personId: viewer.personId },
      now,
    ),
  reasons: {
    ...ruledOut,
    TAKEN: { status: 409, message: "meetings.rota.taken" },
    NOT_A_MEMBER: gone,
  },
  result: facilitation,
  present: (_done, at) => ({ facilitator: at.viewer.personId }),
});

/** The volunteer can no longer facilitate: the meeting needs someone again. */
export const stepDownAction = declareAction({
  name: "meeting.stepDown",
  page: "/groups/:slug/meetings/:meetingId/step-down",
  api: { method: "DELETE", url: "/api/v1/groups/:slug/meetings/:meetingId/facilitation" },
  summary: "Step down as the facilitator of a meeting; the group will be asked again",
  input: z.object({}),
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.stepDown", at),
  run: ({ scope, viewer, db, now }): Promise<StepDownResult | RuledOut> =>
    stepDown(db, { meetingId: scope.meeting.id, personId: viewer.personId }, now),
  reasons: {
    ...ruledOut,
    NOT_YOURS: { status: 409, message: "meetings.rota.steppedDown" },
  },
  result: facilitation,
  present: () => ({ facilitator: null }),
});

/** The meeting's facilitator, or those who lead the group, choose who facilitates it. */
export const assignFacilitatorAction = declareAction({
  name: "meeting.assign",
  page: "/groups/:slug/meetings/:meetingId/facilitator",
  api: { method: "PUT", url: "/api/v1/groups/:slug/meetings/:meetingId/facilitator" },
  summary: 'Choose who facilitates a meeting: a member, or nobody yet ("")',
  input: assignFacilitatorInput,
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.assign", at),
  async run({ scope, db, now }, { personId }): Promise<Assigned | RuledOut> {
    const ids = { groupId: scope.group.id, meetingId: scope.meeting.id };
    const assigned = await assignFacilitator(db, { ...ids, personId }, now);
    return assigned.ok ? { ok: true, facilitator: personId } : assigned;
  },
  reasons: {
    ...ruledOut,
    NOT_A_MEMBER: { status: 422, message: "meetings.errors.facilitator" },
    NO_SUCH_MEETING: gone,
  },
  result: facilitation,
  present: (done) => ({ facilitator: done.facilitator }),
});

type Assigned = { ok: true; facilitator: string | null } | Exclude<AssignResult, { ok: true }>;

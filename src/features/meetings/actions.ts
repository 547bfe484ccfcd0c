import { z } from "zod";
import { declareAction } from "../../infra/actions/action.js";
import { chooseThemeInput, newMeetingInput, rsvpInput, themeSuggestionInput } from "./inputs.js";
import { gone, meetingRefusal, type RuledOut, ruledOut } from "./policy.js";
import { meetingJson, meetingViewFor, presentMeeting } from "./present.js";
import { ledGroup, takingPart } from "./scope.js";
import { type RsvpAnswer, rsvpAnswers } from "./tables.js";
import {
  type AddResult,
  addMeeting,
  chooseTheme,
  respondToMeeting,
  suggestTheme,
} from "./writes.js";

// A group's one-off meetings, the answers to "Will you come?" and the themes: each declared
// once, for its page (pages.tsx) and its JSON (api.ts).

/** Those who lead the group add a meeting outside the regular schedule. */
export const addMeetingAction = declareAction({
  name: "meeting.add",
  page: "/groups/:slug/meetings",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings", status: 201 },
  summary: "Add a one-off meeting outside the schedule (those who lead the group)",
  input: newMeetingInput,
  scope: ledGroup,
  run: ({ scope, db, now }, input): Promise<AddResult> =>
    addMeeting(db, { group: scope.group, ...input }, now),
  reasons: {
    IN_THE_PAST: { status: 422, message: "meetings.errors.past" },
    CLOCK_CHANGE: { status: 422, message: "meetings.errors.clockChange" },
  },
  result: meetingJson,
  present: (done, at) =>
    presentMeeting(done.meeting, meetingViewFor(at, done.meeting), { seesPeople: true }),
});

type Answered = { ok: true; answer: RsvpAnswer } | { ok: false; reason: "NOT_A_MEMBER" };

/** A member answers "Will you come?"; answering again replaces the answer. */
export const answerAction = declareAction({
  name: "meeting.respond",
  page: "/groups/:slug/meetings/:meetingId/answer",
  api: { method: "PUT", url: "/api/v1/groups/:slug/meetings/:meetingId/answer" },
  summary: "Answer “Will you come?” for one meeting",
  // Nothing but the answer: a field the API does not know is refused, not ignored.
  input: rsvpInput.strict(),
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.respond", at),
  async run({ scope, viewer, db, now }, input): Promise<Answered | RuledOut> {
    const answered = await respondToMeeting(
      db,
      {
        groupId: scope.group.id,
        meetingId: scope.meeting.id,
        personId: viewer.personId,
        answer: input.answer,
      },
      now,
    );
    return answered.ok ? { ok: true, answer: input.answer } : answered;
  },
  reasons: { ...ruledOut, NOT_A_MEMBER: gone },
  result: z.object({ answer: z.enum(rsvpAnswers) }),
  present: (done) => ({ answer: done.answer }),
});

/** A member suggests a theme for the meeting, for those who lead it to choose. */
export const suggestThemeAction = declareAction({
  name: "meeting.theme.suggest",
  page: "/groups/:slug/meetings/:meetingId/suggestions",
  api: { method: "POST", url: "/api/v1/groups/:slug/meetings/:meetingId/suggestions", status: 201 },
  summary: "Suggest a theme for one meeting",
  input: themeSuggestionInput,
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.theme.suggest", at),
  async run({ scope, viewer, db, now }, { text }): Promise<{ ok: true; text: string } | RuledOut> {
    await suggestTheme(db, { meetingId: scope.meeting.id, personId: viewer.personId, text }, now);
    return { ok: true, text };
  },
  reasons: ruledOut,
  result: z.object({ text: z.string().describe("The theme as it was suggested") }),
  present: (done) => ({ text: done.text }),
});

/** The meeting's facilitator, or those who lead the group, choose its theme (empty: none). */
export const chooseThemeAction = declareAction({
  name: "meeting.theme.choose",
  page: "/groups/:slug/meetings/:meetingId/theme",
  api: { method: "PUT", url: "/api/v1/groups/:slug/meetings/:meetingId/theme" },
  summary: "Choose the theme of one meeting, or none (its facilitator, or those who lead)",
  input: chooseThemeInput,
  scope: takingPart,
  refuse: (at) => meetingRefusal("meeting.theme.choose", at),
  async run({ scope, db, now }, { theme }): Promise<{ ok: true; theme: string | null } | RuledOut> {
    await chooseTheme(db, { meetingId: scope.meeting.id, theme }, now);
    return { ok: true, theme: theme === "" ? null : theme };
  },
  reasons: ruledOut,
  result: z.object({ theme: z.string().nullable() }),
  present: (done) => ({ theme: done.theme }),
});

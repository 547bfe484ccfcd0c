import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { notFound } from "../../infra/http/problem.js";
import { DAY_MS, localDateTime } from "../../infra/time/zoned.js";
import { presentCalendar } from "../groups/calendar/present.js";
import { getGroupBySlug } from "../groups/reads.js";
import { listActiveMembers } from "../memberships/reads.js";
import {
  addMeetingAction,
  answerAction,
  chooseThemeAction,
  suggestThemeAction,
} from "./actions.js";
import { canAddMeeting, canSeeRota } from "./policy.js";
import { meetingViewFor } from "./present.js";
import { listPresent, listResponses, listThemeSuggestions, listUpcomingMeetings } from "./reads.js";
import { type AtMeeting, atMeeting, type InGroup, inGroup, ledGroup } from "./scope.js";
import { NewMeetingPage } from "./views/forms.js";
import { MeetingPage } from "./views/meeting-page.js";
import { MeetingsPage } from "./views/meetings-page.js";
import { backToMeeting, type GroupHeading, meetingPath } from "./views/parts.js";
import { PLAN_WEEKS } from "./writes.js";

/** The dial-in and video link are for members, not for an observer. */
function heading({ group, standing }: InGroup): GroupHeading {
  const member = standing !== "observer";
  return {
    name: group.name,
    slug: group.slug,
    timeZone: group.timeZone,
    videoUrl: member ? group.videoUrl : null,
    phoneNumber: member ? group.phoneNumber : null,
    phonePin: member ? group.phonePin : null,
  };
}

/**
 * A group's meetings: the list, each meeting, one-off meetings, answers and themes. Moving and
 * cancelling (changes/), the rota and attendance have their own folders.
 */
export async function meetingPages(app: FastifyInstance) {
  const { db, config } = app.deps;

  /** One meeting's page, with a theme form that could not be saved shown again. */
  async function meetingPage(
    ctx: PageContext,
    at: At<AtMeeting>,
    form: { values?: Record<string, string>; errors?: FieldErrors; once?: string | null } = {},
  ) {
    const { group, meeting, standing } = at.scope;
    const view = meetingViewFor(at, meeting);
    const people =
      standing !== "observer"
        ? await Promise.all([
            listResponses(db, meeting.id),
            listThemeSuggestions(db, meeting.id),
            listActiveMembers(db, group.id),
            listPresent(db, meeting.id),
          ]).then(([responses, suggestions, members, present]) => ({
            responses,
            suggestions,
            members,
            present,
          }))
        : null;
    if (people) {
      view.myAnswer =
        people.responses.find((r) => r.personId === at.viewer.personId)?.answer ?? null;
    }
    if (people && view.facilitatorId) {
      view.facilitatorName =
        people.members.find((m) => m.personId === view.facilitatorId)?.displayName ?? "";
    }
    return (
      <MeetingPage
        ctx={ctx}
        group={heading(at.scope)}
        meeting={view}
        people={people}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    );
  }

  scopedPage(app, "/groups/:slug/meetings", inGroup, async (request, reply, at) => {
    const { group, standing } = at.scope;
    const rows = await listUpcomingMeetings(db, group.id, at.viewer.personId, {
      now: at.now,
      to: new Date(at.now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
    });
    const today = localDateTime(at.now, group.timeZone).localDate;
    return sendHtml(
      reply,
      <MeetingsPage
        ctx={pageContext(request)}
        group={heading(at.scope)}
        meetings={rows.map((row) => meetingViewFor(at, row, today))}
        canAdd={canAddMeeting(standing)}
        seesPeople={canSeeRota(standing)}
      />,
    );
  });

  scopedPage(app, "/groups/:slug/meetings/new", ledGroup, async (request, reply, at) =>
    sendHtml(reply, <NewMeetingPage ctx={pageContext(request)} group={at.scope.group} />),
  );

  const meetingsPath = (at: At<InGroup>) => `/groups/${at.scope.group.slug}/meetings`;
  htmlDoor(app, addMeetingAction, {
    invalid: (ctx, at, form) => (
      <NewMeetingPage
        ctx={ctx}
        group={at.scope.group}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: {
      IN_THE_PAST: { date: "meetings.errors.past" },
      CLOCK_CHANGE: { startTime: "meetings.errors.clockChange" },
    },
    once: { fallback: meetingsPath, again: "meetings.new.added" },
    done: (at, done) => ({
      to: `${meetingsPath(at)}/${done.meeting.id}`,
      flash: "meetings.new.added",
    }),
  });

  scopedPage(app, "/groups/:slug/meetings/:meetingId", atMeeting, async (request, reply, at) =>
    sendHtml(reply, await meetingPage(pageContext(request), at)),
  );

  scopedPage(
    app,
    "/groups/:slug/meetings/:meetingId/invite.ics",
    atMeeting,
    async (_request, reply, at) => {
      const { meeting } = at.scope;
      // Everything the group published, for the calendar's event.
      const group = await getGroupBySlug(db, at.scope.group.slug);
      if (!group) throw notFound();
      const entry = {
        uid: meeting.uid,
        sequence: meeting.sequence,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        cancelled: meeting.status === "cancelled",
      };
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${group.slug}-meeting.ics"`)
        .send(
          presentCalendar(group, [entry], {
            baseUrl: config.publicUrl,
            now: at.now,
            instanceName: config.instanceName,
          }),
        );
    },
  );

  htmlDoor(app, answerAction, {
    done: (at) => backToMeeting(at, "meetings.answer.saved"),
  });

  htmlDoor(app, suggestThemeAction, {
    invalid: (ctx, at, form) => meetingPage(ctx, at, form),
    // Sent twice (a double click), it is one suggestion.
    once: {
      fallback: (at) => meetingPath(at.scope.group, at.scope.meeting),
      again: "meetings.theme.suggested.flash",
    },
    done: (at) => backToMeeting(at, "meetings.theme.suggested.flash"),
  });

  htmlDoor(app, chooseThemeAction, {
    invalid: (ctx, at, form) => meetingPage(ctx, at, form),
    done: (at) => backToMeeting(at, "meetings.theme.chosen"),
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import type { Viewer } from "../../infra/http/viewer.js";
import { DAY_MS, localDateTime } from "../../infra/time/zoned.js";
import { presentCalendar } from "../groups/calendar/present.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { type Standing, standing } from "../memberships/policy.js";
import { type GroupForViewer, getGroupForViewer, listActiveMembers } from "../memberships/reads.js";
import {
  chooseThemeInput,
  isMeetingId,
  newMeetingInput,
  rsvpInput,
  themeSuggestionInput,
} from "./inputs.js";
import { canAddMeeting, canSeeMeetings, canSeeRota, type MeetingAction } from "./policy.js";
import { meetingView } from "./present.js";
import {
  getMeeting,
  listPresent,
  listResponses,
  listThemeSuggestions,
  listUpcomingMeetings,
  type MeetingRow,
} from "./reads.js";
import { NewMeetingPage } from "./views/forms.js";
import { MeetingPage } from "./views/meeting-page.js";
import { MeetingsPage } from "./views/meetings-page.js";
import { type GroupHeading, meetingPath } from "./views/parts.js";
import { addMeeting, chooseTheme, PLAN_WEEKS, respondToMeeting, suggestTheme } from "./writes.js";

export type GroupParams = { Params: { slug: string } };
export type MeetingParams = { Params: { slug: string; meetingId: string } };

export const notFound = () =>
  new HttpProblem(404, "not_found", "There is nothing at this address.");
export const notNow = () =>
  new HttpProblem(403, "forbidden", "This cannot be done for this meeting now.");

export type InGroup = { group: GroupForViewer; viewer: Viewer; standing: Standing };
export type AtMeeting = InGroup & { meeting: MeetingRow };

/**
 * How every meetings route finds its group, meeting and viewer, and checks the viewer's rule:
 * shared by the meetings, rota and attendance pages. To anyone outside the group, the pages do
 * not exist (404).
 */
export function meetingScope(app: FastifyInstance) {
  const { db, clock } = app.deps;

  async function inGroup(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
  ): Promise<InGroup | null> {
    const found = await getGroupForViewer(
      db,
      request.params.slug,
      request.viewer?.personId ?? null,
    );
    if (!found || found.group.status === "closed") throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const { group, membership } = found;
    const where = standing(membership, group, clock());
    if (!canSeeMeetings(where)) throw notFound();
    return { group, viewer, standing: where };
  }

  async function atMeeting(
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
  ): Promise<AtMeeting | null> {
    const found = await inGroup(request, reply);
    if (!found) return null;
    if (!isMeetingId(request.params.meetingId)) throw notFound();
    const meeting = await getMeeting(db, found.group.id, request.params.meetingId);
    if (!meeting) throw notFound();
    return { ...found, meeting };
  }

  const viewOf = (request: FastifyRequest, at: InGroup, meeting: MeetingRow, today?: string) =>
    meetingView(
      meeting,
      {
        standing: at.standing,
        personId: at.viewer.personId,
        language: request.lang,
        now: clock(),
        ...(today ? { today } : {}),
      },
      at.group.timeZone,
    );

  /** Everything the group published, for what needs more than the scope: calendars, e-mail. */
  async function wholeGroup(at: InGroup): Promise<Group> {
    const group = await getGroupBySlug(db, at.group.slug);
    if (!group) throw notFound();
    return group;
  }

  /**
   * The action's rule, checked again on the server whatever the page showed. An observer (the
   * guide after the handover) takes no part in the group: to them these pages do not exist.
   */
  function allowed(request: FastifyRequest, at: AtMeeting, action: MeetingAction) {
    if (viewOf(request, at, at.meeting).abilities[action]) return;
    throw at.standing === "observer" ? notFound() : notNow();
  }

  /** The dial-in and video link are for members, not for an observer. */
  const heading = (at: InGroup): GroupHeading => {
    const member = at.standing !== "observer";
    return {
      name: at.group.name,
      slug: at.group.slug,
      timeZone: at.group.timeZone,
      videoUrl: member ? at.group.videoUrl : null,
      phoneNumber: member ? at.group.phoneNumber : null,
      phonePin: member ? at.group.phonePin : null,
    };
  };

  const backToMeeting = (
    reply: FastifyReply,
    at: AtMeeting,
    flash?: Parameters<typeof redirectAfterPost>[2],
  ) => redirectAfterPost(reply, meetingPath(at.group, at.meeting), flash);

  return { inGroup, atMeeting, wholeGroup, viewOf, allowed, heading, backToMeeting };
}

/**
 * A group's meetings: the list, each meeting, one-off meetings, answers and themes. Moving and
 * cancelling (changes/), the rota and attendance have their own folders.
 */
export async function meetingPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  const { inGroup, atMeeting, wholeGroup, viewOf, allowed, heading, backToMeeting } =
    meetingScope(app);

  async function renderMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    at: AtMeeting,
    status = 200,
    form: { values?: Record<string, string>; errors?: FieldErrors; once?: string | null } = {},
  ) {
    const view = viewOf(request, at, at.meeting);
    const seesPeople = at.standing !== "observer";
    const people = seesPeople
      ? await Promise.all([
          listResponses(db, at.meeting.id),
          listThemeSuggestions(db, at.meeting.id),
          listActiveMembers(db, at.group.id),
          listPresent(db, at.meeting.id),
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
    return sendHtml(
      reply,
      <MeetingPage
        ctx={pageContext(request)}
        group={heading(at)}
        meeting={view}
        people={people}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />,
      status,
    );
  }

  app.get<GroupParams>("/groups/:slug/meetings", async (request, reply) => {
    const at = await inGroup(request, reply);
    if (!at) return reply;
    const now = clock();
    const rows = await listUpcomingMeetings(db, at.group.id, at.viewer.personId, {
      now,
      to: new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS),
    });
    const today = localDateTime(now, at.group.timeZone).localDate;
    return sendHtml(
      reply,
      <MeetingsPage
        ctx={pageContext(request)}
        group={heading(at)}
        meetings={rows.map((row) => viewOf(request, at, row, today))}
        canAdd={canAddMeeting(at.standing)}
        seesPeople={canSeeRota(at.standing)}
      />,
    );
  });

  app.get<GroupParams>("/groups/:slug/meetings/new", async (request, reply) => {
    const at = await inGroup(request, reply);
    if (!at) return reply;
    if (!canAddMeeting(at.standing)) throw notFound();
    return sendHtml(reply, <NewMeetingPage ctx={pageContext(request)} group={at.group} />);
  });

  app.post<GroupParams>("/groups/:slug/meetings", async (request, reply) => {
    const at = await inGroup(request, reply);
    if (!at) return reply;
    if (!canAddMeeting(at.standing)) throw notFound();
    const form = parseForm(newMeetingInput, request.body);
    const submission = submissionIdOf(request.body);
    const again = (errors: FieldErrors) =>
      sendHtml(
        reply,
        <NewMeetingPage
          ctx={pageContext(request)}
          group={at.group}
          once={submission ?? true}
          values={form.values}
          errors={errors}
        />,
        400,
      );
    if (!form.ok) return again(form.errors);
    const meetingsPath = `/groups/${at.group.slug}/meetings`;
    const done = await onceOnly(
      db,
      submission,
      clock(),
      (tx) => addMeeting(tx, { group: at.group, ...form.data }, clock()),
      {
        ledTo: (added) => (added.ok ? `${meetingsPath}/${added.meeting.id}` : meetingsPath),
        fallback: meetingsPath,
      },
    );
    if (done.sentTwice) return redirectAfterPost(reply, done.ledTo, "meetings.new.added");
    const result = done.outcome;
    if (!result.ok) {
      return again(
        result.reason === "CLOCK_CHANGE"
          ? { startTime: "meetings.errors.clockChange" }
          : { date: "meetings.errors.past" },
      );
    }
    return redirectAfterPost(reply, `${meetingsPath}/${result.meeting.id}`, "meetings.new.added");
  });

  app.get<MeetingParams>("/groups/:slug/meetings/:meetingId", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    return renderMeeting(request, reply, at);
  });

  app.get<MeetingParams>("/groups/:slug/meetings/:meetingId/invite.ics", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    const { meeting } = at;
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${at.group.slug}-meeting.ics"`)
      .send(
        presentCalendar(
          await wholeGroup(at),
          [
            {
              uid: meeting.uid,
              sequence: meeting.sequence,
              startsAt: meeting.startsAt,
              endsAt: meeting.endsAt,
              cancelled: meeting.status === "cancelled",
            },
          ],
          { baseUrl: config.publicUrl, now: clock(), instanceName: config.instanceName },
        ),
      );
  });

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/answer", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.respond");
    const form = parseForm(rsvpInput, request.body);
    if (!form.ok) throw new HttpProblem(400, "invalid_input", "Choose yes, maybe or no.");
    const answered = await respondToMeeting(
      db,
      {
        groupId: at.group.id,
        meetingId: at.meeting.id,
        personId: at.viewer.personId,
        answer: form.data.answer,
      },
      clock(),
    );
    // Removed from the group at the same moment: nothing here is theirs to see any more.
    if (!answered.ok) throw notFound();
    return backToMeeting(reply, at, "meetings.answer.saved");
  });

  app.post<MeetingParams>(
    "/groups/:slug/meetings/:meetingId/suggestions",
    async (request, reply) => {
      const at = await atMeeting(request, reply);
      if (!at) return reply;
      allowed(request, at, "meeting.theme.suggest");
      const form = parseForm(themeSuggestionInput, request.body);
      const once = submissionIdOf(request.body);
      if (!form.ok) return renderMeeting(request, reply, at, 400, { ...form, once });
      // Sent twice (a double click), it is one suggestion.
      const meetingUrl = meetingPath(at.group, at.meeting);
      await onceOnly(
        db,
        once,
        clock(),
        async (tx) => {
          const { text } = form.data;
          await suggestTheme(
            tx,
            { meetingId: at.meeting.id, personId: at.viewer.personId, text },
            clock(),
          );
          return { ok: true };
        },
        { ledTo: () => meetingUrl, fallback: meetingUrl },
      );
      return backToMeeting(reply, at, "meetings.theme.suggested.flash");
    },
  );

  app.post<MeetingParams>("/groups/:slug/meetings/:meetingId/theme", async (request, reply) => {
    const at = await atMeeting(request, reply);
    if (!at) return reply;
    allowed(request, at, "meeting.theme.choose");
    const form = parseForm(chooseThemeInput, request.body);
    if (!form.ok) return renderMeeting(request, reply, at, 400, form);
    await chooseTheme(db, { meetingId: at.meeting.id, theme: form.data.theme }, clock());
    return backToMeeting(reply, at, "meetings.theme.chosen");
  });
}

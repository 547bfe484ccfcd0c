import { z } from "zod";
import { formatDateTime, formatTime, type Language } from "../../infra/i18n/i18n.js";
import type { Occurrence } from "../../infra/time/recurrence.js";
import { localDateTime } from "../../infra/time/zoned.js";
import { type CalendarEntry, meetingUid } from "../groups/calendar/present.js";
import type { Standing } from "../memberships/policy.js";
import { abilities, type MeetingAbilities } from "./policy.js";
import type { MeetingListItem, MeetingRow } from "./reads.js";
import { meetingStatuses, rsvpAnswers } from "./tables.js";

export type MeetingView = {
  id: string;
  /** "Tuesday 10 March 2026, 10:30am (CET)", in the reader's language and the group's zone. */
  when: string;
  until: string;
  localDate: string;
  status: "scheduled" | "cancelled";
  moved: boolean;
  changeReason: string | null;
  theme: string | null;
  facilitatorId: string | null;
  facilitatorName: string | null;
  myAnswer: string | null;
  coming: number;
  present: number;
  abilities: MeetingAbilities;
};

/** A meeting as the group's pages show it to one viewer, with what they may do. */
export function meetingView(
  meeting: MeetingRow & Partial<MeetingListItem>,
  viewer: {
    standing: Standing;
    personId: string;
    language: Language;
    now: Date;
    /** Today's local date in the group's zone, when the caller already knows it. */
    today?: string;
  },
  timeZone: string,
): MeetingView {
  const localDate = localDateTime(meeting.startsAt, timeZone).localDate;
  const today = viewer.today ?? localDateTime(viewer.now, timeZone).localDate;
  return {
    id: meeting.id,
    when: formatDateTime(meeting.startsAt, viewer.language, timeZone),
    until: formatTime(meeting.endsAt, viewer.language, timeZone),
    localDate,
    status: meeting.status,
    moved: meeting.moved,
    changeReason: meeting.changeReason,
    theme: meeting.theme,
    facilitatorId: meeting.facilitatorId,
    facilitatorName: meeting.facilitatorName ?? null,
    myAnswer: meeting.myAnswer ?? null,
    coming: meeting.coming ?? 0,
    present: meeting.present ?? 0,
    abilities: abilities(
      viewer.standing,
      viewer.personId,
      {
        status: meeting.status,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        facilitatorId: meeting.facilitatorId,
        localDate,
        today,
      },
      viewer.now,
    ),
  };
}

/**
 * A meeting as one person's page or answer shows it, from what a page or an action has loaded:
 * the group's zone, where the person stands, who they are and the time.
 */
export function meetingViewFor(
  at: {
    scope: { group: { timeZone: string }; standing: Standing };
    viewer: { personId: string; language: Language };
    now: Date;
  },
  meeting: MeetingRow & Partial<MeetingListItem>,
  today?: string,
): MeetingView {
  const { standing } = at.scope;
  const { personId, language } = at.viewer;
  const viewer = { standing, personId, language, now: at.now, ...(today ? { today } : {}) };
  return meetingView(meeting, viewer, at.scope.group.timeZone);
}

/** `/api/v1/groups/:slug/meetings`: exactly these fields, for members (and observers). */
export const meetingJson = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  when: z.string(),
  status: z.enum(meetingStatuses),
  moved: z.boolean(),
  changeReason: z.string().nullable(),
  theme: z.string().nullable(),
  sequence: z.number().int(),
  facilitator: z.string().nullable(),
  myAnswer: z.enum(rsvpAnswers).nullable(),
  coming: z.number().int().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});

/** Fills `meetingJson`: its type is the schema's own, so the shape is declared once. */
export function presentMeeting(
  meeting: MeetingRow & Partial<MeetingListItem>,
  view: MeetingView,
  options: { seesPeople: boolean },
): z.output<typeof meetingJson> {
  return {
    id: meeting.id,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    localDate: view.localDate,
    when: view.when,
    status: view.status,
    moved: view.moved,
    changeReason: view.changeReason,
    theme: view.theme,
    sequence: meeting.sequence,
    facilitator: options.seesPeople ? view.facilitatorName : null,
    myAnswer: view.myAnswer as "yes" | "no" | "maybe" | null,
    coming: options.seesPeople ? view.coming : null,
    abilities: view.abilities,
  };
}

/**
 * The group's calendar: its planned meetings as they are now (moved, cancelled, added), and the
 * schedule's occurrences not planned yet, each under the UID calendars already know it by.
 */
export function calendarEntries(
  groupId: string,
  window: { from: Date; to: Date },
  occurrences: readonly Occurrence[],
  planned: readonly MeetingRow[],
): (CalendarEntry & { localDate: string | null })[] {
  const plannedKeys = new Set(planned.map((m) => m.occurrenceKey).filter((k) => k !== null));
  const inWindow = (m: { startsAt: Date; endsAt: Date }) =>
    m.endsAt > window.from && m.startsAt < window.to;
  return [
    ...planned.filter(inWindow).map((m) => ({
      uid: m.uid,
      sequence: m.sequence,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      cancelled: m.status === "cancelled",
      localDate: m.occurrenceKey,
    })),
    ...occurrences
      .filter((o) => !plannedKeys.has(o.localDate))
      .map((o) => ({
        uid: meetingUid(groupId, o.localDate),
        sequence: 0,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        localDate: o.localDate,
      })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

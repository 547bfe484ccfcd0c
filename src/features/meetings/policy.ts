import type { Refusal } from "../../infra/actions/action.js";
import { localDateTime } from "../../infra/time/zoned.js";
import type { Standing } from "../memberships/policy.js";
import type { MeetingStatus } from "./tables.js";

/** What the meeting rules need to know about one meeting. */
export type MeetingForPolicy = {
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  facilitatorId: string | null;
  /** The meeting's local date in the group's time zone, and today's there. */
  localDate: string;
  today: string;
};

export type MeetingAction =
  | "meeting.view"
  | "meeting.respond"
  | "meeting.theme.suggest"
  | "meeting.theme.choose"
  | "meeting.change"
  | "meeting.volunteer"
  | "meeting.stepDown"
  | "meeting.assign"
  | "meeting.join"
  | "meeting.attendance.view"
  | "meeting.attendance.record"
  | "meeting.attendance.self";

/** How early the "join" button of an online meeting appears. */
export const JOIN_OPENS_MS = 15 * 60_000;

const isMember = (s: Standing) => s === "member" || s === "facilitator" || s === "guide";
/** The people who lead the group: its facilitators, and its guide until the handover. */
export const leads = (s: Standing) => s === "facilitator" || s === "guide";
const isOn = (m: MeetingForPolicy) => m.status === "scheduled";
const notStarted = (m: MeetingForPolicy, now: Date) => m.startsAt > now;
const notEnded = (m: MeetingForPolicy, now: Date) => m.endsAt > now;
const hasStarted = (m: MeetingForPolicy, now: Date) => m.startsAt <= now;
const facilitates = (m: MeetingForPolicy, personId: string) => m.facilitatorId === personId;

/**
 * The rules of a group's meetings, as its members would say them. Observers (a guide after the
 * handover) see the meetings but not who comes, and have no powers; everyone else outside the
 * group sees nothing at all.
 */
export function can(
  standing: Standing,
  personId: string,
  action: MeetingAction,
  meeting: MeetingForPolicy,
  now: Date,
): boolean {
  switch (action) {
    case "meeting.view":
      return isMember(standing) || standing === "observer";
    case "meeting.respond":
    case "meeting.theme.suggest":
      return isMember(standing) && isOn(meeting) && notEnded(meeting, now);
    case "meeting.theme.choose":
    case "meeting.assign":
      return (
        (leads(standing) || (isMember(standing) && facilitates(meeting, personId))) &&
        isOn(meeting) &&
        notEnded(meeting, now)
      );
    case "meeting.change":
      return leads(standing) && isOn(meeting) && notStarted(meeting, now);
    case "meeting.volunteer":
      return (
        isMember(standing) &&
        isOn(meeting) &&
        notStarted(meeting, now) &&
        meeting.facilitatorId === null
      );
    case "meeting.stepDown":
      return (
        isMember(standing) &&
        isOn(meeting) &&
        notStarted(meeting, now) &&
        facilitates(meeting, personId)
      );
    case "meeting.join":
      return (
        isMember(standing) &&
        isOn(meeting) &&
        notEnded(meeting, now) &&
        meeting.startsAt.getTime() - JOIN_OPENS_MS <= now.getTime()
      );
    case "meeting.attendance.view":
      return isMember(standing);
    case "meeting.attendance.record":
      return (
        (leads(standing) || (isMember(standing) && facilitates(meeting, personId))) &&
        isOn(meeting) &&
        hasStarted(meeting, now)
      );
    case "meeting.attendance.self":
      return (
        isMember(standing) &&
        isOn(meeting) &&
        hasStarted(meeting, now) &&
        meeting.localDate === meeting.today
      );
  }
}

export type MeetingAbilities = Record<MeetingAction, boolean>;

/**
 * Every rule for one viewer and meeting, as one object of a fixed shape: a list of meetings asks
 * this for each of them on every view.
 */
export function abilities(
  standing: Standing,
  personId: string,
  meeting: MeetingForPolicy,
  now: Date,
): MeetingAbilities {
  const may = (action: MeetingAction) => can(standing, personId, action, meeting, now);
  return {
    "meeting.view": may("meeting.view"),
    "meeting.respond": may("meeting.respond"),
    "meeting.theme.suggest": may("meeting.theme.suggest"),
    "meeting.theme.choose": may("meeting.theme.choose"),
    "meeting.change": may("meeting.change"),
    "meeting.volunteer": may("meeting.volunteer"),
    "meeting.stepDown": may("meeting.stepDown"),
    "meeting.assign": may("meeting.assign"),
    "meeting.join": may("meeting.join"),
    "meeting.attendance.view": may("meeting.attendance.view"),
    "meeting.attendance.record": may("meeting.attendance.record"),
    "meeting.attendance.self": may("meeting.attendance.self"),
  };
}

/** Adding a meeting is for the people who lead the group. */
export function canAddMeeting(standing: Standing): boolean {
  return leads(standing);
}

/** The list of meetings, and the rota, are for members (and, for the meetings, observers). */
export function canSeeMeetings(standing: Standing): boolean {
  return isMember(standing) || standing === "observer";
}

export function canSeeRota(standing: Standing): boolean {
  return isMember(standing);
}

/** How far ahead the group is asked about a meeting nobody has offered to lead. */
export const ROTA_WINDOW_MS = 7 * 86_400_000;

/** The rules said no: the action is not this person's, or not for this meeting now (403). */
export type RuledOut = { ok: false; reason: "FORBIDDEN" };

/** The rules' "no" as both doors give it: in the words of every page that says "you cannot". */
export const ruledOut = {
  FORBIDDEN: { status: 403, message: "error.forbidden.body" },
} as const satisfies Record<RuledOut["reason"], Refusal>;

/** Removed from the group at the same moment: nothing here is theirs to see any more (404). */
export const gone = { status: 404, message: "error.notFound.body" } as const satisfies Refusal;

/** What an action's rule reads: the meeting, its group's zone, the person's part, the time. */
type Asking = {
  scope: {
    group: { timeZone: string };
    standing: Standing;
    meeting: Omit<MeetingForPolicy, "localDate" | "today">;
  };
  viewer: { personId: string };
  now: Date;
};

/**
 * Why the person may not take this action on this meeting now, or null when they may: the rule
 * the meeting's buttons ask (`abilities`), asked again by the action itself.
 */
export function meetingRefusal(action: MeetingAction, at: Asking): RuledOut["reason"] | null {
  const { group, standing, meeting } = at.scope;
  const local = (instant: Date) => localDateTime(instant, group.timeZone).localDate;
  const rules = { ...meeting, localDate: local(meeting.startsAt), today: local(at.now) };
  return can(standing, at.viewer.personId, action, rules, at.now) ? null : "FORBIDDEN";
}

/**
 * Cancelling: a meeting its leaders have cancelled already (the form sent twice, or the page
 * kept open) is cancelled, not forbidden.
 */
export function cancelRefusal(at: Asking): "FORBIDDEN" | "ALREADY_CANCELLED" | null {
  const refused = meetingRefusal("meeting.change", at);
  const done = at.scope.meeting.status === "cancelled" && leads(at.scope.standing);
  return refused && done ? "ALREADY_CANCELLED" : refused;
}

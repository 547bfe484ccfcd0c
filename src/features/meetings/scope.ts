import type { ScopeLoader } from "../../infra/actions/action.js";
import { HttpProblem, notFound } from "../../infra/http/problem.js";
import { type Standing, standing } from "../memberships/policy.js";
import { type GroupForViewer, getGroupForViewer } from "../memberships/reads.js";
import { isMeetingId } from "./inputs.js";
import {
  canAddMeeting,
  canSeeMeetings,
  canSeeRota,
  type MeetingAction,
  meetingRefusal,
} from "./policy.js";
import { getMeeting, type MeetingRow } from "./reads.js";

/** A group's meetings as one person sees them: the group, and where they stand in it. */
export type InGroup = { group: GroupForViewer; standing: Standing };
export type AtMeeting = InGroup & { meeting: MeetingRow };

/**
 * The route's group, from its `:slug`, for its members and its observer (the guide after the
 * handover). To anyone else, and when it is closed, its meetings do not exist (404).
 */
export const inGroup: ScopeLoader<InGroup> = async (request, viewer) => {
  const { slug } = request.params as { slug?: unknown };
  if (typeof slug !== "string" || slug.length > 64) throw notFound();
  const { db, clock } = request.server.deps;
  const found = await getGroupForViewer(db, slug, viewer.personId);
  if (!found || found.group.status === "closed") throw notFound();
  const where = standing(found.membership, found.group, clock());
  if (!canSeeMeetings(where)) throw notFound();
  return { group: found.group, standing: where };
};

/** Only where the rule holds; 404 to everyone else. */
const only =
  (rule: (standing: Standing) => boolean): ScopeLoader<InGroup> =>
  async (request, viewer) => {
    const found = await inGroup(request, viewer);
    if (!rule(found.standing)) throw notFound();
    return found;
  };

/** What is the members' own (the rota, their e-mails): an observer takes no part in it. */
export const amongMembers = only(canSeeRota);

/** What the people who lead the group do: adding a meeting. */
export const ledGroup = only(canAddMeeting);

/** One of the group's meetings, from the route's `:meetingId`; 404 if it is not the group's. */
export const atMeeting: ScopeLoader<AtMeeting> = async (request, viewer) => {
  const found = await inGroup(request, viewer);
  const { meetingId } = request.params as { meetingId?: unknown };
  if (typeof meetingId !== "string" || !isMeetingId(meetingId)) throw notFound();
  const meeting = await getMeeting(request.server.deps.db, found.group.id, meetingId);
  if (!meeting) throw notFound();
  return { ...found, meeting };
};

/**
 * A meeting to take part in: answering it, leading it, changing it. An observer sees the
 * meeting but takes no part in the group: to them these forms do not exist (404).
 */
export const takingPart: ScopeLoader<AtMeeting> = async (request, viewer) => {
  const found = await atMeeting(request, viewer);
  if (found.standing === "observer") throw notFound();
  return found;
};

/**
 * The page of a form, shown only when its action is allowed now: the same rule the action asks
 * (403 when the meeting's state or the person's part in it does not allow it).
 */
export function allowedTo(action: MeetingAction): ScopeLoader<AtMeeting> {
  return async (request, viewer) => {
    const found = await takingPart(request, viewer);
    const now = request.server.deps.clock();
    if (meetingRefusal(action, { scope: found, viewer, now }) === null) return found;
    throw new HttpProblem(403, "forbidden", "This cannot be done for this meeting now.");
  };
}

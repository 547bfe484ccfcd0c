import type { PostForPolicy } from "../board/policy.js";
import type { Standing } from "../memberships/policy.js";
import { leads } from "../memberships/policy.js";
import type { ReportState } from "./tables.js";

/** What a person may do about a post or a report, in moderation's words. */
export type ModerationAction =
  | "post.report"
  | "post.hide"
  | "post.restore"
  | "post.ask_back"
  | "reports.read"
  | "report.leave_up";

/** Those who lead the group (its facilitators, and the guide until the handover) moderate it. */
export const moderates = (where: Standing) => leads(where);

const isAuthor = (post: PostForPolicy, personId: string) => post.authorId === personId;
const isGone = (post: PostForPolicy) => post.deletedAt !== null;
const isHidden = (post: PostForPolicy) => post.hiddenAt !== null;

export type ReportRefusal = "DELETED" | "HIDDEN" | "OWN_POST" | "ALREADY_REPORTED";

/**
 * Any member may report someone else's post, once. A hidden post is already with the
 * facilitators, and a deleted one says nothing any more.
 */
export function reportRefusal(
  post: PostForPolicy,
  personId: string,
  reportedBefore: boolean,
): ReportRefusal | null {
  if (isGone(post)) return "DELETED";
  if (isAuthor(post, personId)) return "OWN_POST";
  if (isHidden(post)) return "HIDDEN";
  return reportedBefore ? "ALREADY_REPORTED" : null;
}

export type HideRefusal = "NOT_LEADING" | "DELETED" | "ALREADY_HIDDEN";

/** Those who lead hide any post of their group, reported or not, saying why. */
export function hideRefusal(post: PostForPolicy, where: Standing): HideRefusal | null {
  if (!moderates(where)) return "NOT_LEADING";
  if (isGone(post)) return "DELETED";
  return isHidden(post) ? "ALREADY_HIDDEN" : null;
}

export type RestoreRefusal = "NOT_LEADING" | "DELETED" | "NOT_HIDDEN";

/** Those who lead show a hidden post again. */
export function restoreRefusal(post: PostForPolicy, where: Standing): RestoreRefusal | null {
  if (!moderates(where)) return "NOT_LEADING";
  if (isGone(post)) return "DELETED";
  return isHidden(post) ? null : "NOT_HIDDEN";
}

export type AskBackRefusal = "NOT_YOURS" | "DELETED" | "NOT_HIDDEN" | "ALREADY_ASKED";

/**
 * The author of a hidden post asks for it to be shown again, once for each time it was hidden:
 * asking again before the facilitators answer would only press them.
 */
export function askBackRefusal(
  post: PostForPolicy,
  personId: string,
  askedSinceHidden: boolean,
): AskBackRefusal | null {
  if (!isAuthor(post, personId)) return "NOT_YOURS";
  if (isGone(post)) return "DELETED";
  if (!isHidden(post)) return "NOT_HIDDEN";
  return askedSinceHidden ? "ALREADY_ASKED" : null;
}

export type LeaveUpRefusal = "NOT_LEADING" | "ALREADY_DECIDED";

/** Those who lead leave a reported post up: the report is decided, the post stays as it is. */
export function leaveUpRefusal(
  report: { state: ReportState },
  where: Standing,
): LeaveUpRefusal | null {
  if (!moderates(where)) return "NOT_LEADING";
  return report.state === "open" ? null : "ALREADY_DECIDED";
}

/**
 * Who reported a post is never shown to its author: not even to an author who leads the group
 * and reads its reports. What the reporter wrote may name them, so it is withheld too.
 */
export const seesReporter = (post: { authorId: string | null }, personId: string) =>
  post.authorId !== personId;

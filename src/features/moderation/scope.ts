import type { ScopeLoader } from "../../infra/actions/action.js";
import { HttpProblem, notFound } from "../../infra/http/problem.js";
import { type AtPost, atPost, type OnBoard, onBoard } from "../board/scope.js";
import { isReportId } from "./inputs.js";
import { moderates } from "./policy.js";
import { askedSinceHidden, getReport, hasReported, type ReportRow } from "./reads.js";

export type AtPostToReport = AtPost & { reportedBefore: boolean };
export type AtModeratedPost = AtPost & { askedSinceHidden: boolean };
export type AtReport = OnBoard & { report: ReportRow };

/** A post of the route's board, with whether the viewer has reported it; 404 off the board. */
export const postToReport: ScopeLoader<AtPostToReport> = async (request, viewer) => {
  const found = await atPost(request, viewer);
  const reportedBefore = await hasReported(request.server.deps.db, found.post.id, viewer.personId);
  return { ...found, reportedBefore };
};

/** A post of the route's board, with whether its author asked for it back since it was hidden. */
export const moderatedPost: ScopeLoader<AtModeratedPost> = async (request, viewer) => {
  const found = await atPost(request, viewer);
  const asked =
    found.post.hiddenAt === null
      ? false
      : await askedSinceHidden(request.server.deps.db, found.post.id);
  return { ...found, askedSinceHidden: asked };
};

/** Said to a member who does not lead the group: the reports are for those who do. */
export function notLeading(): HttpProblem {
  return new HttpProblem(
    403,
    "not_leading",
    "Only those who lead the group read its reports and decide on them.",
  );
}

/**
 * One of the board's reports, from `:reportId`. To anyone off the board, 404; to a member who
 * does not lead the group, 403 before the report is looked for, so a member cannot tell a
 * report that exists from one that does not.
 */
export const atReport: ScopeLoader<AtReport> = async (request, viewer) => {
  const found = await onBoard(request, viewer);
  if (!moderates(found.standing)) throw notLeading();
  const { reportId } = request.params as { reportId?: unknown };
  if (!isReportId(reportId)) throw notFound();
  const report = await getReport(request.server.deps.db, found.group.id, reportId);
  if (!report) throw notFound();
  return { ...found, report };
};

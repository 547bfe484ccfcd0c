import { z } from "zod";
import { type At, declareAction, notifierOf, type Refusal } from "../../infra/actions/action.js";
import { postJson } from "../board/present.js";
import type { PostRow } from "../board/reads.js";
import { askBackInput, hideInput, nothingInput, reportInput, restoreInput } from "./inputs.js";
import { sendAskedBackMail, sendHiddenMail, sendReportedMail, sendRestoredMail } from "./mail.js";
import {
  type AskBackRefusal,
  askBackRefusal,
  type HideRefusal,
  hideRefusal,
  type LeaveUpRefusal,
  leaveUpRefusal,
  type ReportRefusal,
  type RestoreRefusal,
  reportRefusal,
  restoreRefusal,
} from "./policy.js";
import { madeReportJson, presentDecided } from "./present.js";
import { listPostsOf } from "./reads.js";
import { type AtModeratedPost, atReport, moderatedPost, postToReport } from "./scope.js";
import {
  askForPostBack,
  hideReportedPost,
  leaveReportUp,
  reportPost,
  restoreHiddenPost,
} from "./writes.js";

// Reporting a post, hiding and restoring it, leaving a report up and asking for a hidden post
// back: each declared once, for its page (pages.tsx) and its JSON (api.ts). None is limited in
// pace: a member who needs the facilitators must always reach them.

const onPost = {
  DELETED: { status: 409, message: "moderation.errors.deleted" },
  NOT_LEADING: { status: 403, message: "moderation.errors.notLeading" },
} satisfies Record<string, Refusal>;

const reportReasonsRefused: Record<ReportRefusal, Refusal> = {
  DELETED: onPost.DELETED,
  OWN_POST: { status: 409, message: "moderation.errors.ownPost" },
  HIDDEN: { status: 409, message: "moderation.errors.alreadyHidden" },
  ALREADY_REPORTED: { status: 409, message: "moderation.errors.alreadyReported" },
};

const viewerOf = (at: At<AtModeratedPost>) => ({
  personId: at.viewer.personId,
  standing: at.scope.standing,
  now: at.now,
});

/** The post as decided, with its author's name, for the answer. */
async function withAuthor(at: At<AtModeratedPost>, post: PostRow) {
  const [row] = await listPostsOf(at.db, at.scope.group.id, [post.id]);
  return { ...post, authorName: row?.authorName ?? null };
}

/** Any member reports someone else's post to the group's facilitators, once. */
export const reportAction = declareAction({
  name: "post.report",
  page: "/groups/:slug/board/posts/:postId/report",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/posts/:postId/reports", status: 201 },
  summary: "Report a post to the group's facilitators (any member, once per post; never limited)",
  input: reportInput,
  scope: postToReport,
  refuse: ({ scope, viewer }) => reportRefusal(scope.post, viewer.personId, scope.reportedBefore),
  run: ({ scope, viewer, db, now }, input) =>
    reportPost(db, { post: scope.post, reporterId: viewer.personId, ...input }, now),
  async after(at) {
    await sendReportedMail(
      notifierOf(at),
      { group: at.scope.group, reporterId: at.viewer.personId },
      at.now,
    );
  },
  reasons: reportReasonsRefused,
  result: madeReportJson,
  present: ({ report }) => ({
    id: report.id,
    postId: report.postId,
    reason: report.reason,
    details: report.details,
    state: report.state,
    createdAt: report.createdAt.toISOString(),
  }),
});

const hideReasons: Record<HideRefusal, Refusal> = {
  ...onPost,
  ALREADY_HIDDEN: { status: 409, message: "moderation.errors.alreadyHidden" },
};

/** Those who lead hide a post of their group, reported or not, saying why; its author is told. */
export const hideAction = declareAction({
  name: "post.hide",
  page: "/groups/:slug/board/posts/:postId/hide",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/posts/:postId/hide" },
  summary: "Hide a post, saying why (those who lead the group); its author is told the reason",
  input: hideInput,
  scope: moderatedPost,
  refuse: ({ scope }) => hideRefusal(scope.post, scope.standing),
  run: ({ scope, viewer, db, now }, { reason }) =>
    hideReportedPost(
      db,
      { post: scope.post, byId: viewer.personId, standing: scope.standing, reason },
      now,
    ),
  async after(at, { reason }, done) {
    await sendHiddenMail(
      notifierOf(at),
      { group: at.scope.group, post: done.post, reason },
      at.now,
    );
  },
  reasons: hideReasons,
  result: z.object({ post: postJson, reportsActedOn: z.number().int() }),
  present: async (done, at) => ({
    post: presentDecided(await withAuthor(at, done.post), viewerOf(at)),
    reportsActedOn: done.reportIds.length,
  }),
});

const restoreReasons: Record<RestoreRefusal, Refusal> = {
  ...onPost,
  NOT_HIDDEN: { status: 409, message: "moderation.errors.notHidden" },
};

/** Those who lead show a hidden post again; its author is told. */
export const restoreAction = declareAction({
  name: "post.restore",
  page: "/groups/:slug/board/posts/:postId/restore",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/posts/:postId/restore" },
  summary: "Show a hidden post again (those who lead the group); its author is told",
  input: restoreInput,
  scope: moderatedPost,
  refuse: ({ scope }) => restoreRefusal(scope.post, scope.standing),
  run: ({ scope, viewer, db, now }, { reason }) =>
    restoreHiddenPost(
      db,
      { post: scope.post, byId: viewer.personId, standing: scope.standing, reason },
      now,
    ),
  async after(at, { reason }, done) {
    await sendRestoredMail(
      notifierOf(at),
      { group: at.scope.group, post: done.post, reason },
      at.now,
    );
  },
  reasons: restoreReasons,
  result: z.object({ post: postJson }),
  present: async (done, at) => ({
    post: presentDecided(await withAuthor(at, done.post), viewerOf(at)),
  }),
});

const askBackReasons: Record<AskBackRefusal, Refusal> = {
  DELETED: onPost.DELETED,
  NOT_YOURS: { status: 403, message: "moderation.errors.notYours" },
  NOT_HIDDEN: { status: 409, message: "moderation.errors.notHidden" },
  ALREADY_ASKED: { status: 409, message: "moderation.errors.alreadyAsked" },
};

/** The author of a hidden post asks for it to be shown again, once each time it is hidden. */
export const askBackAction = declareAction({
  name: "post.ask_back",
  page: "/groups/:slug/board/posts/:postId/ask-back",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/posts/:postId/ask-back", status: 201 },
  summary: "Ask the facilitators to show one's hidden post again (its author, once per hiding)",
  input: askBackInput,
  scope: moderatedPost,
  refuse: ({ scope, viewer }) =>
    askBackRefusal(scope.post, viewer.personId, scope.askedSinceHidden),
  run: ({ scope, viewer, db, now }, { message }) =>
    askForPostBack(db, { post: scope.post, authorId: viewer.personId, message }, now),
  async after(at, _input, done) {
    await sendAskedBackMail(
      notifierOf(at),
      { group: at.scope.group, post: done.post, authorName: at.viewer.displayName ?? "" },
      at.now,
    );
  },
  reasons: askBackReasons,
  result: z.object({ postId: z.string(), asked: z.literal(true) }),
  present: (done) => ({ postId: done.post.id, asked: true as const }),
});

const leaveUpReasons: Record<LeaveUpRefusal, Refusal> = {
  NOT_LEADING: onPost.NOT_LEADING,
  ALREADY_DECIDED: { status: 409, message: "moderation.errors.alreadyDecided" },
};

/** Those who lead leave a reported post up: its open reports are decided, the post stays. */
export const leaveUpAction = declareAction({
  name: "report.leave_up",
  page: "/groups/:slug/board/reports/:reportId/leave-up",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/reports/:reportId/leave-up" },
  summary: "Leave a reported post up: its open reports are decided (those who lead the group)",
  input: nothingInput,
  scope: atReport,
  refuse: ({ scope }) => leaveUpRefusal(scope.report, scope.standing),
  run: ({ scope, viewer, db, now }) =>
    leaveReportUp(db, { report: scope.report, byId: viewer.personId }, now),
  reasons: leaveUpReasons,
  result: z.object({
    postId: z.string(),
    reportIds: z.array(z.string()).describe("Every open report of the post, now decided"),
    state: z.literal("left_up"),
  }),
  present: (done) => ({
    postId: done.postId,
    reportIds: done.reportIds,
    state: "left_up" as const,
  }),
});

import { z } from "zod";
import { type PostView, postJson, postView, presentPost } from "../board/present.js";
import type { Standing } from "../memberships/policy.js";
import { hideRefusal, restoreRefusal, seesReporter } from "./policy.js";
import type { AskedBack, ModeratedPostRow, ReportListRow } from "./reads.js";
import { type ReportReason, type ReportState, reportReasons, reportStates } from "./tables.js";

type Viewer = { personId: string; standing: Standing; now: Date };

/** One report as those who lead read it; who made it, and what they wrote, never to the author. */
export type ReportView = {
  id: string;
  reason: ReportReason;
  /** Null where withheld: the report is about the reader's own post. */
  details: string | null;
  reporter: { id: string; name: string | null } | null;
  createdAt: Date;
  state: ReportState;
  decidedAt: Date | null;
  decidedBy: { id: string; name: string | null } | null;
};

/** A reported or hidden post, with its reports, and what the reader may decide on it. */
export type ModeratedEntry = {
  post: PostView;
  reports: ReportView[];
  askedBack: AskedBack | null;
  abilities: { "post.hide": boolean; "post.restore": boolean; "report.leave_up": boolean };
};

export type ReportsView = {
  open: ModeratedEntry[];
  hidden: ModeratedEntry[];
  decided: ModeratedEntry[];
};

function reportView(report: ReportListRow, post: ModeratedPostRow, viewer: Viewer): ReportView {
  const sees = seesReporter(post, viewer.personId);
  return {
    id: report.id,
    reason: report.reason,
    details: sees ? report.details : null,
    reporter:
      sees && report.reporterId ? { id: report.reporterId, name: report.reporterName } : null,
    createdAt: report.createdAt,
    state: report.state,
    decidedAt: report.decidedAt,
    decidedBy: report.decidedBy ? { id: report.decidedBy, name: report.deciderName } : null,
  };
}

function entryOf(
  post: ModeratedPostRow,
  reports: ReportListRow[],
  askedBack: AskedBack | null,
  viewer: Viewer,
): ModeratedEntry {
  return {
    post: postView({ ...post, reactions: [] }, viewer),
    reports: reports.map((r) => reportView(r, post, viewer)),
    askedBack,
    abilities: {
      "post.hide": hideRefusal(post, viewer.standing) === null,
      "post.restore": restoreRefusal(post, viewer.standing) === null,
      "report.leave_up": reports.some((r) => r.state === "open"),
    },
  };
}

/** Reports grouped by their post, in the order the reports came. */
function byPost(
  reports: ReportListRow[],
  posts: Map<string, ModeratedPostRow>,
  asks: Map<string, AskedBack>,
  viewer: Viewer,
): ModeratedEntry[] {
  const grouped = new Map<string, ReportListRow[]>();
  for (const report of reports) {
    if (!posts.has(report.postId)) continue;
    grouped.set(report.postId, [...(grouped.get(report.postId) ?? []), report]);
  }
  return [...grouped].map(([postId, rows]) =>
    entryOf(posts.get(postId)!, rows, asks.get(postId) ?? null, viewer),
  );
}

/** The reports page: open reports first, then the posts hidden now, then the latest decided. */
export function reportsView(
  input: {
    open: ReportListRow[];
    decided: ReportListRow[];
    hiddenIds: string[];
    posts: ModeratedPostRow[];
    asks: Map<string, AskedBack>;
  },
  viewer: Viewer,
): ReportsView {
  const posts = new Map(input.posts.map((p) => [p.id, p]));
  const hidden = input.hiddenIds.flatMap((id) => {
    const post = posts.get(id);
    return post ? [entryOf(post, [], input.asks.get(id) ?? null, viewer)] : [];
  });
  return {
    open: byPost(input.open, posts, input.asks, viewer),
    hidden,
    decided: byPost(input.decided, posts, input.asks, viewer),
  };
}

const someone = z.object({ id: z.string(), name: z.string().nullable() }).nullable();

export const reportJson = z.object({
  id: z.string(),
  reason: z.enum(reportReasons),
  details: z
    .string()
    .nullable()
    .describe("What the member wrote; null on a report of the reader's own post"),
  reporter: someone.describe(
    "Who reported it; null on a report of the reader's own post, or once their account is gone",
  ),
  createdAt: z.string(),
  state: z.enum(reportStates),
  decidedAt: z.string().nullable(),
  decidedBy: someone,
});

const entryJson = z.object({
  post: postJson,
  reports: z.array(reportJson),
  askedBack: z
    .object({ at: z.string(), message: z.string() })
    .nullable()
    .describe("The author asked for the post back since it was hidden"),
  abilities: z.object({
    "post.hide": z.boolean(),
    "post.restore": z.boolean(),
    "report.leave_up": z.boolean(),
  }),
});

export const reportsJson = z.object({
  open: z.array(entryJson),
  hidden: z.array(entryJson),
  decided: z.array(entryJson),
});

export function presentReport(report: ReportView): z.infer<typeof reportJson> {
  return {
    ...report,
    createdAt: report.createdAt.toISOString(),
    decidedAt: report.decidedAt?.toISOString() ?? null,
  };
}

function presentEntry(entry: ModeratedEntry): z.infer<typeof entryJson> {
  return {
    post: presentPost(entry.post),
    reports: entry.reports.map(presentReport),
    askedBack: entry.askedBack
      ? { at: entry.askedBack.at.toISOString(), message: entry.askedBack.message }
      : null,
    abilities: entry.abilities,
  };
}

export function presentReports(view: ReportsView): z.infer<typeof reportsJson> {
  return {
    open: view.open.map(presentEntry),
    hidden: view.hidden.map(presentEntry),
    decided: view.decided.map(presentEntry),
  };
}

/** What a member's report answers: the report, as its maker may read it. */
export const madeReportJson = z.object({
  id: z.string(),
  postId: z.string(),
  reason: z.enum(reportReasons),
  details: z.string(),
  state: z.enum(reportStates),
  createdAt: z.string(),
});

/** The post as the one who decided on it reads it now. */
export function presentDecided(post: ModeratedPostRow, viewer: Viewer) {
  return presentPost(postView({ ...post, reactions: [] }, viewer));
}

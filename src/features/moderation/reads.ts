import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../infra/db/database.js";
import { people } from "../accounts/tables.js";
import type { PostRow } from "../board/reads.js";
import { boardPosts } from "../board/tables.js";
import { moderationLog, postReports } from "./tables.js";

export type ReportRow = typeof postReports.$inferSelect;

/** Decided reports shown below the open ones: the latest few. */
export const DECIDED_SHOWN = 50;

/** Whether this person has reported this post already. */
export async function hasReported(db: Executor, postId: string, personId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(postReports)
    .where(and(eq(postReports.postId, postId), eq(postReports.reporterId, personId)));
  return (row?.n ?? 0) > 0;
}

/**
 * Whether the author asked for the post back since it was last hidden. Counted rather than
 * ordered by time: a post is asked back at most once each time it is hidden, so the two counts
 * are equal exactly when this hiding has had its asking, even for steps taken the same instant.
 */
export async function askedSinceHidden(db: Executor, postId: string): Promise<boolean> {
  const [row] = await db
    .select({
      hides: sql<number>`count(*) filter (where ${moderationLog.step} = 'hidden')::int`,
      asks: sql<number>`count(*) filter (where ${moderationLog.step} = 'restore_asked')::int`,
    })
    .from(moderationLog)
    .where(eq(moderationLog.postId, postId));
  return (row?.hides ?? 0) > 0 && row!.asks >= row!.hides;
}

export async function getReport(
  db: Executor,
  groupId: string,
  reportId: string,
): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(postReports)
    .where(and(eq(postReports.id, reportId), eq(postReports.groupId, groupId)));
  return row ?? null;
}

const reporter = alias(people, "reporter");
const decider = alias(people, "decider");

export type ReportListRow = ReportRow & {
  reporterName: string | null;
  deciderName: string | null;
};

/**
 * A group's reports, for those who lead it: the open ones oldest first (the longest waiting at
 * the top), or the latest decided ones.
 */
export async function listReportsOf(
  db: Executor,
  groupId: string,
  which: "open" | "decided",
): Promise<ReportListRow[]> {
  const rows = await db
    .select({
      report: postReports,
      reporterName: reporter.displayName,
      deciderName: decider.displayName,
    })
    .from(postReports)
    .leftJoin(reporter, eq(reporter.id, postReports.reporterId))
    .leftJoin(decider, eq(decider.id, postReports.decidedBy))
    .where(
      and(
        eq(postReports.groupId, groupId),
        which === "open" ? eq(postReports.state, "open") : ne(postReports.state, "open"),
      ),
    )
    .orderBy(
      ...(which === "open"
        ? [asc(postReports.createdAt), asc(postReports.id)]
        : [desc(postReports.decidedAt), desc(postReports.id)]),
    )
    .limit(which === "open" ? 500 : DECIDED_SHOWN);
  return rows.map((r) => ({
    ...r.report,
    reporterName: r.reporterName,
    deciderName: r.deciderName,
  }));
}

export type ModeratedPostRow = PostRow & { authorName: string | null };

/** Posts of one group by their ids, with their authors' names. */
export async function listPostsOf(
  db: Executor,
  groupId: string,
  postIds: string[],
): Promise<ModeratedPostRow[]> {
  if (postIds.length === 0) return [];
  const rows = await db
    .select({ post: boardPosts, authorName: people.displayName })
    .from(boardPosts)
    .leftJoin(people, eq(people.id, boardPosts.authorId))
    .where(and(eq(boardPosts.groupId, groupId), inArray(boardPosts.id, postIds)));
  return rows.map((r) => ({ ...r.post, authorName: r.authorName }));
}

/** The group's posts hidden now (not deleted since), the latest hidden first. */
export async function listHiddenPostIds(db: Executor, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ id: boardPosts.id })
    .from(boardPosts)
    .where(
      and(
        eq(boardPosts.groupId, groupId),
        isNotNull(boardPosts.hiddenAt),
        isNull(boardPosts.deletedAt),
      ),
    )
    .orderBy(desc(boardPosts.hiddenAt))
    .limit(500);
  return rows.map((r) => r.id);
}

/** An author's asking for a hidden post back: when, and what they wrote to the facilitators. */
export type AskedBack = { at: Date; message: string };

/** For each post, the asking that answers its latest hiding, if the author asked. */
export async function listAsksFor(
  db: Executor,
  postIds: string[],
): Promise<Map<string, AskedBack>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .select({
      postId: moderationLog.postId,
      hides: sql<number>`count(*) filter (where ${moderationLog.step} = 'hidden')::int`,
      asks: sql<number>`count(*) filter (where ${moderationLog.step} = 'restore_asked')::int`,
      at: sql<Date | null>`max(${moderationLog.at}) filter (where ${moderationLog.step} = 'restore_asked')`,
      message: sql<
        string | null
      >`(array_agg(${moderationLog.reason} order by ${moderationLog.at} desc) filter (where ${moderationLog.step} = 'restore_asked'))[1]`,
    })
    .from(moderationLog)
    .where(inArray(moderationLog.postId, postIds))
    .groupBy(moderationLog.postId);
  const asks = new Map<string, AskedBack>();
  for (const row of rows) {
    if (row.hides > 0 && row.asks >= row.hides && row.at) {
      asks.set(row.postId, { at: new Date(row.at), message: row.message ?? "" });
    }
  }
  return asks;
}

/** A person's own reports, for their copy of their data. */
export async function personalModerationData(db: Executor, personId: string) {
  return db
    .select({
      groupId: postReports.groupId,
      postId: postReports.postId,
      reason: postReports.reason,
      details: postReports.details,
      state: postReports.state,
      createdAt: postReports.createdAt,
    })
    .from(postReports)
    .where(eq(postReports.reporterId, personId))
    .orderBy(asc(postReports.createdAt));
}

/** Everything the reports page shows of one group, read in a few statements. */
export async function readReportsOf(db: Executor, groupId: string) {
  const [open, decided, hiddenIds] = await Promise.all([
    listReportsOf(db, groupId, "open"),
    listReportsOf(db, groupId, "decided"),
    listHiddenPostIds(db, groupId),
  ]);
  const postIds = [...new Set([...open, ...decided].map((r) => r.postId).concat(hiddenIds))];
  const [posts, asks] = await Promise.all([
    listPostsOf(db, groupId, postIds),
    listAsksFor(db, hiddenIds),
  ]);
  return { open, decided, hiddenIds, posts, asks };
}

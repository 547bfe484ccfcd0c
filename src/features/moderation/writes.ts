import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../infra/audit/record.js";
import type { Executor } from "../../infra/db/database.js";
import type { PostRow } from "../board/reads.js";
import { boardPosts } from "../board/tables.js";
import { hidePost, restorePost } from "../board/writes.js";
import type { Standing } from "../memberships/policy.js";
import {
  type AskBackRefusal,
  askBackRefusal,
  type HideRefusal,
  hideRefusal,
  type LeaveUpRefusal,
  type ReportRefusal,
  type RestoreRefusal,
  reportRefusal,
  restoreRefusal,
} from "./policy.js";
import { askedSinceHidden, type ReportRow } from "./reads.js";
import { moderationLog, postReports, type ReportReason } from "./tables.js";

type Refused<R extends string> = { ok: false; reason: R };

/**
 * The post as it is now, held until the transaction ends: two facilitators deciding at the same
 * moment decide one after the other, and the second sees what the first did.
 */
async function holdPost(tx: Executor, post: PostRow): Promise<PostRow> {
  const [held] = await tx.select().from(boardPosts).where(eq(boardPosts.id, post.id)).for("update");
  return held ?? post;
}

export type Reported = { ok: true; report: ReportRow };

/** A member reports a post to the group's facilitators: once per member and post. */
export async function reportPost(
  db: Executor,
  input: { post: PostRow; reporterId: string; reason: ReportReason; details: string },
  now: Date,
): Promise<Reported | Refused<ReportRefusal>> {
  return db.transaction(async (tx) => {
    // Deleted or hidden since the page was opened: there is nothing left to report.
    const post = await holdPost(tx, input.post);
    const refused = reportRefusal(post, input.reporterId, false);
    if (refused) return { ok: false, reason: refused } as const;
    const [report] = await tx
      .insert(postReports)
      .values({
        postId: input.post.id,
        groupId: input.post.groupId,
        reporterId: input.reporterId,
        reason: input.reason,
        details: input.details,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!report) return { ok: false, reason: "ALREADY_REPORTED" } as const;
    await recordAudit(tx, {
      action: "moderation.reported",
      actorId: input.reporterId,
      subjectId: input.post.id,
      at: now,
      details: { groupId: input.post.groupId, reason: input.reason },
    });
    return { ok: true, report } as const;
  });
}

export type Hidden = { ok: true; post: PostRow; reportIds: string[] };

/**
 * Those who lead hide a post, saying why: the post's open reports are acted on, and the step is
 * logged, all in one transaction with the hiding itself.
 */
export async function hideReportedPost(
  db: Executor,
  input: { post: PostRow; byId: string; standing: Standing; reason: string },
  now: Date,
): Promise<Hidden | Refused<HideRefusal>> {
  return db.transaction(async (tx) => {
    const post = await holdPost(tx, input.post);
    const refused = hideRefusal(post, input.standing);
    if (refused) return { ok: false, reason: refused } as const;
    await hidePost(tx, { post, byId: input.byId, reason: input.reason }, now);
    const acted = await tx
      .update(postReports)
      .set({ state: "acted_on", decidedAt: now, decidedBy: input.byId })
      .where(and(eq(postReports.postId, post.id), eq(postReports.state, "open")))
      .returning({ id: postReports.id });
    await tx.insert(moderationLog).values({
      postId: post.id,
      groupId: post.groupId,
      step: "hidden",
      reason: input.reason,
      byId: input.byId,
      at: now,
    });
    await recordAudit(tx, {
      action: "moderation.hidden",
      actorId: input.byId,
      subjectId: post.id,
      at: now,
      details: { groupId: post.groupId, reports: acted.length },
    });
    const shown = { ...post, hiddenAt: now, hiddenReason: input.reason, hiddenBy: input.byId };
    return { ok: true, post: shown, reportIds: acted.map((r) => r.id) } as const;
  });
}

export type Restored = { ok: true; post: PostRow };

/** Those who lead show a hidden post again; the reason, if given, is logged with the step. */
export async function restoreHiddenPost(
  db: Executor,
  input: { post: PostRow; byId: string; standing: Standing; reason: string },
  now: Date,
): Promise<Restored | Refused<RestoreRefusal>> {
  return db.transaction(async (tx) => {
    const post = await holdPost(tx, input.post);
    const refused = restoreRefusal(post, input.standing);
    if (refused) return { ok: false, reason: refused } as const;
    await restorePost(tx, post, now);
    await tx.insert(moderationLog).values({
      postId: post.id,
      groupId: post.groupId,
      step: "restored",
      reason: input.reason,
      byId: input.byId,
      at: now,
    });
    await recordAudit(tx, {
      action: "moderation.restored",
      actorId: input.byId,
      subjectId: post.id,
      at: now,
      details: { groupId: post.groupId },
    });
    return { ok: true, post: { ...post, hiddenAt: null, hiddenReason: null, hiddenBy: null } };
  });
}

export type AskedBack = { ok: true; post: PostRow };

/** The author of a hidden post asks for it back, once for each time it was hidden. */
export async function askForPostBack(
  db: Executor,
  input: { post: PostRow; authorId: string; message: string },
  now: Date,
): Promise<AskedBack | Refused<AskBackRefusal>> {
  return db.transaction(async (tx) => {
    const post = await holdPost(tx, input.post);
    const refused = askBackRefusal(post, input.authorId, await askedSinceHidden(tx, post.id));
    if (refused) return { ok: false, reason: refused } as const;
    await tx.insert(moderationLog).values({
      postId: post.id,
      groupId: post.groupId,
      step: "restore_asked",
      reason: input.message,
      byId: input.authorId,
      at: now,
    });
    await recordAudit(tx, {
      action: "moderation.restore_asked",
      actorId: input.authorId,
      subjectId: post.id,
      at: now,
      details: { groupId: post.groupId },
    });
    return { ok: true, post } as const;
  });
}

export type LeftUp = { ok: true; postId: string; reportIds: string[] };

/**
 * Those who lead leave a reported post up. The decision is about the post, so every report of it
 * still open is decided with this one; a report made later opens the question again.
 */
export async function leaveReportUp(
  db: Executor,
  input: { report: ReportRow; byId: string },
  now: Date,
): Promise<LeftUp | Refused<LeaveUpRefusal>> {
  return db.transaction(async (tx) => {
    const [still] = await tx
      .select({ id: postReports.id })
      .from(postReports)
      .where(and(eq(postReports.id, input.report.id), eq(postReports.state, "open")))
      .for("update");
    if (!still) return { ok: false, reason: "ALREADY_DECIDED" } as const;
    const decided = await tx
      .update(postReports)
      .set({ state: "left_up", decidedAt: now, decidedBy: input.byId })
      .where(and(eq(postReports.postId, input.report.postId), eq(postReports.state, "open")))
      .returning({ id: postReports.id });
    await recordAudit(tx, {
      action: "moderation.left_up",
      actorId: input.byId,
      subjectId: input.report.postId,
      at: now,
      details: { groupId: input.report.groupId, reports: decided.length },
    });
    return { ok: true, postId: input.report.postId, reportIds: decided.map((r) => r.id) };
  });
}

/**
 * A person's account is erased: what they wrote to the facilitators (a report's words, a message
 * asking for a post back) goes with it; the reports and steps keep their place, so the
 * facilitators' decisions still read.
 */
export async function eraseModerationWords(tx: Executor, personId: string): Promise<void> {
  await tx.update(postReports).set({ details: "" }).where(eq(postReports.reporterId, personId));
  await tx
    .update(moderationLog)
    .set({ reason: "" })
    .where(and(eq(moderationLog.byId, personId), eq(moderationLog.step, "restore_asked")));
}

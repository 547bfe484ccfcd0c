import { and, count, eq, gt, gte, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { HookPoint } from "../../infra/hooks/hook-point.js";
import { enqueueJob } from "../../infra/jobs/runner.js";
import { endLive, publishLive } from "../../infra/realtime/publish.js";
import { FIRST_DAY_MS, FIRST_DAY_POSTS, POST_PACE_MS } from "./policy.js";
import type { PostRow, ThreadRow } from "./reads.js";
import {
  type BoardEventKind,
  boardEvents,
  boardPosts,
  boardReactions,
  boardReads,
  boardThreads,
  type ReactionKind,
} from "./tables.js";

/** What a post said, as the features above check it (the crisis protocol reads every one). */
export type Published = {
  tx: Executor;
  groupId: string;
  post: Pick<PostRow, "id" | "threadId" | "authorId" | "body">;
  /** The thread's title, with the opening post that gave it; null for a reply or an edit. */
  title: string | null;
  edited: boolean;
  now: Date;
};

/**
 * Work the features above do on every post and reply, new or edited, in its transaction. Each
 * may answer where the author should go next (a page of urgent help); the post is saved as
 * written whatever they answer.
 */
export const postPublished = new HookPoint<Published, { landing: string } | undefined>(
  "post published",
);

/** Where the author goes next, if a feature above said so. */
async function landingAfter(args: Published): Promise<string | null> {
  const answers = await postPublished.collect(args);
  return answers.find((a) => a !== undefined)?.landing ?? null;
}

/** The live topic of one group's board. */
export const boardTopic = (groupId: string) => `board:${groupId}`;

/**
 * Records what happened on a board, numbered for the live stream, and tells every app instance
 * once the transaction commits (LISTEN/NOTIFY delivers nothing for a write rolled back).
 */
export async function recordBoardEvent(
  tx: Executor,
  event: { groupId: string; kind: BoardEventKind; threadId: string; postId: string | null },
): Promise<void> {
  // One writer of a board's events at a time, until commit: events then commit in the order of
  // their numbers, so a browser resuming after number n never skips one that committed late.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`board-events:${event.groupId}`}))`);
  const [row] = await tx.insert(boardEvents).values(event).returning({ id: boardEvents.id });
  await publishLive(tx, boardTopic(event.groupId), {
    id: row!.id,
    kind: event.kind,
    data: { threadId: event.threadId, postId: event.postId },
  });
}

/** A person's place in the group ended: their open board closes at once, on every instance. */
export async function endLiveBoardFor(tx: Executor, groupId: string, personId: string) {
  await endLive(tx, boardTopic(groupId), personId);
}

export type PaceRefusal = "TOO_SOON" | "FIRST_DAY_LIMIT";

/**
 * Whether the person may post now: 5 seconds after their last post, and on their first day in
 * the group at most 10 posts. Taken with a lock per person and group, so two posts sent at once
 * are counted one after the other.
 */
async function paceRefusal(
  tx: Executor,
  input: { groupId: string; authorId: string; joinedAt: Date | null },
  now: Date,
): Promise<PaceRefusal | null> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`board-pace:${input.groupId}:${input.authorId}`}))`,
  );
  const mine = and(eq(boardPosts.groupId, input.groupId), eq(boardPosts.authorId, input.authorId));
  const [recent] = await tx
    .select({ n: count() })
    .from(boardPosts)
    .where(and(mine, gt(boardPosts.createdAt, new Date(now.getTime() - POST_PACE_MS))));
  if ((recent?.n ?? 0) > 0) return "TOO_SOON";
  const joined = input.joinedAt;
  if (joined && now.getTime() - joined.getTime() < FIRST_DAY_MS) {
    const [firstDay] = await tx
      .select({ n: count() })
      .from(boardPosts)
      .where(and(mine, gte(boardPosts.createdAt, joined)));
    if ((firstDay?.n ?? 0) >= FIRST_DAY_POSTS) return "FIRST_DAY_LIMIT";
  }
  return null;
}

/** Each post's e-mails (to those who want each post, and announcements) go from the job queue. */
async function queuePostMail(tx: Executor, postId: string) {
  await enqueueJob(tx, "board-post-mail", { postId }, { key: `board-post-mail:${postId}` });
}

export type Posted =
  | { ok: true; thread: ThreadRow; post: PostRow; landing: string | null }
  | { ok: false; reason: PaceRefusal };

/** Starts a conversation (or, for those who lead, an announcement, pinned) with its first post. */
export async function startThread(
  tx: Executor,
  input: {
    groupId: string;
    authorId: string;
    joinedAt: Date | null;
    title: string;
    body: string;
    announcement: boolean;
    toEveryone: boolean;
  },
  now: Date,
): Promise<Posted> {
  const refused = await paceRefusal(tx, input, now);
  if (refused) return { ok: false, reason: refused };
  const [thread] = await tx
    .insert(boardThreads)
    .values({
      groupId: input.groupId,
      authorId: input.authorId,
      title: input.title,
      announcement: input.announcement,
      toEveryone: input.announcement && input.toEveryone,
      pinned: input.announcement,
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [post] = await tx
    .insert(boardPosts)
    .values({
      threadId: thread!.id,
      groupId: input.groupId,
      authorId: input.authorId,
      opening: true,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await markRead(tx, { threadId: thread!.id, personId: input.authorId }, now);
  await recordBoardEvent(tx, {
    groupId: input.groupId,
    kind: "post",
    threadId: thread!.id,
    postId: post!.id,
  });
  await queuePostMail(tx, post!.id);
  const landing = await landingAfter({
    tx,
    groupId: input.groupId,
    post: post!,
    title: input.title,
    edited: false,
    now,
  });
  return { ok: true, thread: thread!, post: post!, landing };
}

/** Replies in a thread: the thread comes up to the top of the board. */
export async function replyTo(
  tx: Executor,
  input: { thread: ThreadRow; authorId: string; joinedAt: Date | null; body: string },
  now: Date,
): Promise<Posted> {
  const { thread } = input;
  const refused = await paceRefusal(tx, { ...input, groupId: thread.groupId }, now);
  if (refused) return { ok: false, reason: refused };
  const [post] = await tx
    .insert(boardPosts)
    .values({
      threadId: thread.id,
      groupId: thread.groupId,
      authorId: input.authorId,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [updated] = await tx
    .update(boardThreads)
    .set({
      lastActivityAt: now,
      replyCount: sql`${boardThreads.replyCount} + 1`,
      updatedAt: now,
    })
    .where(eq(boardThreads.id, thread.id))
    .returning();
  await markRead(tx, { threadId: thread.id, personId: input.authorId }, now);
  await recordBoardEvent(tx, {
    groupId: thread.groupId,
    kind: "post",
    threadId: thread.id,
    postId: post!.id,
  });
  await queuePostMail(tx, post!.id);
  const landing = await landingAfter({
    tx,
    groupId: thread.groupId,
    post: post!,
    title: null,
    edited: false,
    now,
  });
  return { ok: true, thread: updated!, post: post!, landing };
}

export type Edited = { ok: true; post: PostRow; landing: string | null };

/** The author puts a post right: "edited" is shown; its words are checked again. */
export async function editPost(
  tx: Executor,
  input: { post: PostRow; body: string },
  now: Date,
): Promise<Edited> {
  const [post] = await tx
    .update(boardPosts)
    .set({ body: input.body, editedAt: now, updatedAt: now })
    .where(eq(boardPosts.id, input.post.id))
    .returning();
  await recordBoardEvent(tx, {
    groupId: post!.groupId,
    kind: "edit",
    threadId: post!.threadId,
    postId: post!.id,
  });
  const landing = await landingAfter({
    tx,
    groupId: post!.groupId,
    post: post!,
    title: null,
    edited: true,
    now,
  });
  return { ok: true, post: post!, landing };
}

/**
 * The author deletes a post: its words go, its place stays ("deleted by its author"), so the
 * replies to it still read in order. An opening post takes its thread's title with it.
 */
export async function deletePost(tx: Executor, post: PostRow, now: Date): Promise<{ ok: true }> {
  await tx
    .update(boardPosts)
    .set({ body: "", deletedAt: now, updatedAt: now })
    .where(and(eq(boardPosts.id, post.id), isNull(boardPosts.deletedAt)));
  await tx.delete(boardReactions).where(eq(boardReactions.postId, post.id));
  if (post.opening) {
    await tx
      .update(boardThreads)
      .set({ title: "", pinned: false, updatedAt: now })
      .where(eq(boardThreads.id, post.threadId));
  }
  await recordBoardEvent(tx, {
    groupId: post.groupId,
    kind: "delete",
    threadId: post.threadId,
    postId: post.id,
  });
  return { ok: true };
}

/** Says, or stops saying, "Me too", "Thank you" or "This helped me" of a post. */
export async function react(
  tx: Executor,
  input: { post: PostRow; personId: string; kind: ReactionKind; reacted: boolean },
  now: Date,
): Promise<{ ok: true; reacted: boolean }> {
  const { post, personId, kind } = input;
  const changed = input.reacted
    ? await tx
        .insert(boardReactions)
        .values({ postId: post.id, personId, kind, createdAt: now })
        .onConflictDoNothing()
        .returning({ kind: boardReactions.kind })
    : await tx
        .delete(boardReactions)
        .where(
          and(
            eq(boardReactions.postId, post.id),
            eq(boardReactions.personId, personId),
            eq(boardReactions.kind, kind),
          ),
        )
        .returning({ kind: boardReactions.kind });
  if (changed.length > 0) {
    await recordBoardEvent(tx, {
      groupId: post.groupId,
      kind: "reaction",
      threadId: post.threadId,
      postId: post.id,
    });
  }
  return { ok: true, reacted: input.reacted };
}

/** The person has read the thread as it is now. */
export async function markRead(
  db: Executor,
  input: { threadId: string; personId: string },
  now: Date,
): Promise<void> {
  await db
    .insert(boardReads)
    .values({ ...input, readAt: now })
    .onConflictDoUpdate({
      target: [boardReads.threadId, boardReads.personId],
      set: { readAt: sql`greatest(${boardReads.readAt}, excluded.read_at)` },
    });
}

/** Those who lead the group hide a post, with their reason: its author is told. */
export async function hidePost(
  tx: Executor,
  input: { post: PostRow; byId: string; reason: string },
  now: Date,
): Promise<void> {
  await tx
    .update(boardPosts)
    .set({ hiddenAt: now, hiddenReason: input.reason, hiddenBy: input.byId, updatedAt: now })
    .where(eq(boardPosts.id, input.post.id));
  await recordBoardEvent(tx, {
    groupId: input.post.groupId,
    kind: "hide",
    threadId: input.post.threadId,
    postId: input.post.id,
  });
}

/** A hidden post is shown again. */
export async function restorePost(tx: Executor, post: PostRow, now: Date): Promise<void> {
  await tx
    .update(boardPosts)
    .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null, updatedAt: now })
    .where(eq(boardPosts.id, post.id));
  await recordBoardEvent(tx, {
    groupId: post.groupId,
    kind: "restore",
    threadId: post.threadId,
    postId: post.id,
  });
}

/**
 * A person's account is erased: their words leave every board, and their posts keep their place
 * ("deleted by its author") so the conversations still read in order.
 */
export async function eraseBoardWords(tx: Executor, personId: string, now: Date): Promise<void> {
  await tx
    .update(boardPosts)
    .set({ body: "", deletedAt: now, updatedAt: now })
    .where(and(eq(boardPosts.authorId, personId), isNull(boardPosts.deletedAt)));
  await tx
    .update(boardThreads)
    .set({ title: "", pinned: false, updatedAt: now })
    .where(eq(boardThreads.authorId, personId));
}

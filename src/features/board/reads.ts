import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import { people } from "../accounts/tables.js";
import {
  boardEvents,
  boardPosts,
  boardReactions,
  boardReads,
  boardThreads,
  type ReactionKind,
} from "./tables.js";

export type ThreadRow = typeof boardThreads.$inferSelect;
export type PostRow = typeof boardPosts.$inferSelect;

/** Threads on one page of the board. */
export const THREADS_PER_PAGE = 20;

export async function getThread(
  db: Executor,
  groupId: string,
  threadId: string,
): Promise<ThreadRow | null> {
  const [row] = await db
    .select()
    .from(boardThreads)
    .where(and(eq(boardThreads.id, threadId), eq(boardThreads.groupId, groupId)));
  return row ?? null;
}

export async function getPost(
  db: Executor,
  groupId: string,
  postId: string,
): Promise<PostRow | null> {
  const [row] = await db
    .select()
    .from(boardPosts)
    .where(and(eq(boardPosts.id, postId), eq(boardPosts.groupId, groupId)));
  return row ?? null;
}

const opening = alias(boardPosts, "opening");

/** A thread as the board lists it: who started it, how its first post stands, unread or not. */
export type ThreadListRow = Pick<
  ThreadRow,
  "id" | "title" | "announcement" | "pinned" | "lastActivityAt" | "replyCount" | "createdAt"
> & {
  authorId: string | null;
  authorName: string | null;
  /** The opening post, for whether its title may be shown to this viewer. */
  opening: { deletedAt: Date | null; hiddenAt: Date | null; createdAt: Date };
  unread: boolean;
};

/**
 * One page of a group's threads, pinned announcements first, then newest activity first, each
 * marked unread for this person when something was posted since they last read it.
 */
const threadsPage = (db: Executor) =>
  db
    .select({
      id: boardThreads.id,
      title: boardThreads.title,
      announcement: boardThreads.announcement,
      pinned: boardThreads.pinned,
      lastActivityAt: boardThreads.lastActivityAt,
      replyCount: boardThreads.replyCount,
      createdAt: boardThreads.createdAt,
      authorId: boardThreads.authorId,
      authorName: people.displayName,
      openingDeletedAt: opening.deletedAt,
      openingHiddenAt: opening.hiddenAt,
      openingCreatedAt: opening.createdAt,
      readAt: boardReads.readAt,
    })
    .from(boardThreads)
    .innerJoin(opening, and(eq(opening.threadId, boardThreads.id), eq(opening.opening, true)))
    .leftJoin(people, eq(people.id, boardThreads.authorId))
    .leftJoin(
      boardReads,
      and(
        eq(boardReads.threadId, boardThreads.id),
        eq(boardReads.personId, sql.placeholder("personId")),
      ),
    )
    .where(eq(boardThreads.groupId, sql.placeholder("groupId")))
    .orderBy(desc(boardThreads.pinned), desc(boardThreads.lastActivityAt), desc(boardThreads.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare("board_threads_page");

export async function listThreadsFor(
  db: Executor,
  groupId: string,
  personId: string,
  page: number,
): Promise<ThreadListRow[]> {
  // Prepared once: the board's page is read far more than it is written (a bench of 1,000
  // threads showed the query's building and planning costing more than running it).
  const rows = await preparedQuery(db, "board_threads_page", threadsPage).execute({
    groupId,
    personId,
    limit: THREADS_PER_PAGE,
    offset: (page - 1) * THREADS_PER_PAGE,
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    announcement: r.announcement,
    pinned: r.pinned,
    lastActivityAt: r.lastActivityAt,
    replyCount: r.replyCount,
    createdAt: r.createdAt,
    authorId: r.authorId,
    authorName: r.authorName,
    opening: {
      deletedAt: r.openingDeletedAt,
      hiddenAt: r.openingHiddenAt,
      createdAt: r.openingCreatedAt,
    },
    unread: r.readAt === null || r.readAt < r.lastActivityAt,
  }));
}

const threadCount = (db: Executor) =>
  db
    .select({ n: count() })
    .from(boardThreads)
    .where(eq(boardThreads.groupId, sql.placeholder("groupId")))
    .prepare("board_thread_count");

export async function countThreads(db: Executor, groupId: string): Promise<number> {
  const [row] = await preparedQuery(db, "board_thread_count", threadCount).execute({ groupId });
  return row?.n ?? 0;
}

/** The threads this person has not read since their last post, for the group's page. */
export async function countUnread(db: Executor, groupId: string, personId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(boardThreads)
    .leftJoin(
      boardReads,
      and(eq(boardReads.threadId, boardThreads.id), eq(boardReads.personId, personId)),
    )
    .where(
      and(
        eq(boardThreads.groupId, groupId),
        sql`(${boardReads.readAt} is null or ${boardReads.readAt} < ${boardThreads.lastActivityAt})`,
      ),
    );
  return row?.n ?? 0;
}

/** A reaction's count, whether the viewer gave it, and who did (members see each other). */
export type ReactionTally = { kind: ReactionKind; count: number; mine: boolean; names: string[] };

export type PostListRow = PostRow & { authorName: string | null; reactions: ReactionTally[] };

/** A thread's posts in the order they were written, each with its reactions. */
export async function listPostsFor(
  db: Executor,
  threadId: string,
  personId: string,
): Promise<PostListRow[]> {
  const [posts, reactions] = await Promise.all([
    db
      .select({ post: boardPosts, authorName: people.displayName })
      .from(boardPosts)
      .leftJoin(people, eq(people.id, boardPosts.authorId))
      .where(eq(boardPosts.threadId, threadId))
      .orderBy(asc(boardPosts.createdAt), asc(boardPosts.id)),
    db
      .select({
        postId: boardReactions.postId,
        kind: boardReactions.kind,
        personId: boardReactions.personId,
        name: people.displayName,
      })
      .from(boardReactions)
      .innerJoin(boardPosts, eq(boardPosts.id, boardReactions.postId))
      .innerJoin(people, eq(people.id, boardReactions.personId))
      .where(eq(boardPosts.threadId, threadId))
      .orderBy(asc(boardReactions.createdAt)),
  ]);
  const byPost = new Map<string, Map<ReactionKind, ReactionTally>>();
  for (const r of reactions) {
    const tallies = byPost.get(r.postId) ?? new Map<ReactionKind, ReactionTally>();
    byPost.set(r.postId, tallies);
    const tally = tallies.get(r.kind) ?? { kind: r.kind, count: 0, mine: false, names: [] };
    tallies.set(r.kind, tally);
    tally.count += 1;
    tally.mine ||= r.personId === personId;
    tally.names.push(r.name ?? "");
  }
  return posts.map(({ post, authorName }) => ({
    ...post,
    authorName,
    reactions: [...(byPost.get(post.id)?.values() ?? [])],
  }));
}

/**
 * What happened on a board after the event a reconnecting browser last had, oldest first, as the
 * live stream sends it. Without a last event there is nothing to catch up on.
 */
export async function listEventsAfter(
  db: Executor,
  groupId: string,
  afterId: number | null,
  topic: string,
) {
  if (afterId === null) return [];
  const rows = await db
    .select()
    .from(boardEvents)
    .where(and(eq(boardEvents.groupId, groupId), gt(boardEvents.id, afterId)))
    .orderBy(asc(boardEvents.id))
    .limit(500);
  return rows.map((row) => ({
    topic,
    id: row.id,
    kind: row.kind,
    data: { threadId: row.threadId, postId: row.postId },
  }));
}

/** The board's last event: a page rendered now has seen everything up to it. */
const lastEvent = (db: Executor) =>
  db
    .select({ id: sql<number>`coalesce(max(${boardEvents.id}), 0)::int` })
    .from(boardEvents)
    .where(eq(boardEvents.groupId, sql.placeholder("groupId")))
    .prepare("board_last_event");

export async function latestEventId(db: Executor, groupId: string): Promise<number> {
  const [row] = await preparedQuery(db, "board_last_event", lastEvent).execute({ groupId });
  return row?.id ?? 0;
}

/** A person's posts, for their own copy of their data. */
export async function personalBoardData(db: Executor, personId: string) {
  return db
    .select({
      groupId: boardPosts.groupId,
      threadId: boardPosts.threadId,
      body: boardPosts.body,
      createdAt: boardPosts.createdAt,
      editedAt: boardPosts.editedAt,
      deletedAt: boardPosts.deletedAt,
    })
    .from(boardPosts)
    .where(eq(boardPosts.authorId, personId))
    .orderBy(asc(boardPosts.createdAt));
}

import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../infra/db/database.js";
import { people } from "../../accounts/tables.js";
import { participantsOf } from "../../memberships/reads.js";
import { type BoardMailChoice, boardMailPreferences, boardPosts, boardThreads } from "../tables.js";

/** A member's choice of mail about one group's board; the daily digest when they never chose. */
export async function getBoardMailChoice(
  db: Executor,
  groupId: string,
  personId: string,
): Promise<BoardMailChoice> {
  const [row] = await db
    .select({ choice: boardMailPreferences.choice })
    .from(boardMailPreferences)
    .where(
      and(eq(boardMailPreferences.groupId, groupId), eq(boardMailPreferences.personId, personId)),
    )
    .limit(1);
  return row?.choice ?? "digest";
}

const opening = alias(boardPosts, "opening");

/** A post as its e-mail tells it: its words, its thread, and who wrote it. */
export type PostForMail = NonNullable<Awaited<ReturnType<typeof getPostForMail>>>;

export async function getPostForMail(db: Executor, postId: string) {
  const [row] = await db
    .select({
      post: boardPosts,
      thread: boardThreads,
      authorName: people.displayName,
      openingGone: sql<boolean>`(${opening.deletedAt} is not null or ${opening.hiddenAt} is not null)`,
    })
    .from(boardPosts)
    .innerJoin(boardThreads, eq(boardThreads.id, boardPosts.threadId))
    .leftJoin(opening, and(eq(opening.threadId, boardThreads.id), eq(opening.opening, true)))
    .leftJoin(people, eq(people.id, boardPosts.authorId))
    .where(eq(boardPosts.id, postId))
    .limit(1);
  return row ?? null;
}

/**
 * Who is written to about a post: everyone, whatever they chose (an announcement of a cancelled
 * meeting); everyone but those who chose no mail (an announcement); or those who want each post.
 */
export type PostAudience = "everyone" | "all-but-none" | "each";

const wanting: Record<PostAudience, SQL> = {
  everyone: sql`true`,
  "all-but-none": sql`coalesce(p.choice, 'digest') <> 'none'`,
  each: sql`p.choice = 'each'`,
};

/**
 * The members to write to about a post, its author aside: those taking part in the group now
 * (an observer guide no longer reads the board), by what they chose.
 */
export async function listPostMailReaders(
  db: Executor,
  input: { groupId: string; authorId: string | null; audience: PostAudience },
  now: Date,
): Promise<string[]> {
  const { groupId, authorId, audience } = input;
  const rows = await db.execute<{ person_id: string }>(sql`
    select m.person_id from (${participantsOf(groupId, now)}) as m(person_id)
    left join ${boardMailPreferences} p on p.group_id = ${groupId} and p.person_id = m.person_id
    where m.person_id is distinct from ${authorId} and ${wanting[audience]}`);
  return rows.rows.map((r) => r.person_id);
}

/** Of a group's members taking part, those who want the daily digest (the default). */
export async function listDigestReaders(
  db: Executor,
  groupId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db.execute<{ person_id: string }>(sql`
    select m.person_id from (${participantsOf(groupId, now)}) as m(person_id)
    left join ${boardMailPreferences} p on p.group_id = ${groupId} and p.person_id = m.person_id
    where coalesce(p.choice, 'digest') = 'digest'`);
  return rows.rows.map((r) => r.person_id);
}

/** A post written in a digest's day, with its thread as a member may read it. */
export type NewPost = {
  groupId: string;
  threadId: string;
  title: string;
  /** The opening post was deleted or hidden: the thread's title is not shown either. */
  openingGone: boolean;
  authorId: string | null;
  /** An announcement's opening post: e-mailed to everyone who gets a digest already. */
  announced: boolean;
};

/**
 * The posts written between `since` and `until` in groups that are not closed, neither deleted
 * nor hidden by then, oldest thread activity first.
 */
export async function listNewPosts(db: Executor, since: Date, until: Date): Promise<NewPost[]> {
  return db
    .select({
      groupId: boardPosts.groupId,
      threadId: boardPosts.threadId,
      title: boardThreads.title,
      openingGone: sql<boolean>`(${opening.deletedAt} is not null or ${opening.hiddenAt} is not null)`,
      authorId: boardPosts.authorId,
      announced: sql<boolean>`(${boardThreads.announcement} and ${boardPosts.opening})`,
    })
    .from(boardPosts)
    .innerJoin(boardThreads, eq(boardThreads.id, boardPosts.threadId))
    .leftJoin(opening, and(eq(opening.threadId, boardThreads.id), eq(opening.opening, true)))
    .where(
      and(
        sql`${boardPosts.createdAt} > ${since.toISOString()}::timestamptz`,
        sql`${boardPosts.createdAt} <= ${until.toISOString()}::timestamptz`,
        isNull(boardPosts.deletedAt),
        isNull(boardPosts.hiddenAt),
        sql`exists (select 1 from groups g where g.id = ${boardPosts.groupId} and g.status <> 'closed')`,
      ),
    )
    .orderBy(asc(boardPosts.groupId), asc(boardPosts.createdAt), asc(boardPosts.id));
}

/** A person's choices of mail about each board, for their own copy of their data. */
export async function personalBoardMailData(db: Executor, personId: string) {
  return db
    .select({
      group: sql<string>`(select g.name from groups g where g.id = ${boardMailPreferences.groupId})`,
      choice: boardMailPreferences.choice,
      updatedAt: boardMailPreferences.updatedAt,
    })
    .from(boardMailPreferences)
    .where(eq(boardMailPreferences.personId, personId))
    .orderBy(asc(boardMailPreferences.updatedAt));
}

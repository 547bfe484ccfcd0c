import type { AppDeps } from "../../../infra/http/deps.js";
import { isUuid } from "../../../infra/http/ids.js";
import type { JobSet } from "../../../infra/jobs/runner.js";
import { type MailMessage, refusedForGood } from "../../../infra/mail/mailer.js";
import { DAY_MS } from "../../../infra/time/zoned.js";
import { listContacts } from "../../accounts/reads.js";
import { type Group, getGroupById } from "../../groups/reads.js";
import { type DigestThread, digestMessage, type Links, postMessage } from "./mail.js";
import {
  getPostForMail,
  listDigestReaders,
  listNewPosts,
  listPostMailReaders,
  type NewPost,
  type PostAudience,
} from "./reads.js";
import {
  digestDay,
  digestSent,
  forgetOldBoardMail,
  issueBoardUnsubscribeLink,
  postMailSent,
} from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;
type Reader = Awaited<ReturnType<typeof listContacts>>[number];

/** The task the board's writes queue with every new post (board/writes.ts). */
export const POST_MAIL_TASK = "board-post-mail";

async function linksFor(deps: Deps, group: Group, reader: Reader, threadId: string | null) {
  const board = `/groups/${group.slug}/board`;
  const token = await issueBoardUnsubscribeLink(
    deps.db,
    { groupId: group.id, personId: reader.id },
    deps.clock(),
  );
  const url = (path: string) => new URL(path, deps.config.publicUrl).toString();
  return {
    board: url(board),
    thread: url(threadId ? `${board}/threads/${threadId}` : board),
    choice: url(`${board}/mail`),
    unsubscribe: url(`/unsubscribe/board/${token}`),
  } satisfies Links;
}

type Claims<Key> = {
  claim(db: Deps["db"], key: Key, now: Date): Promise<boolean>;
  settle(db: Deps["db"], key: Key, now: Date): Promise<void>;
  release(db: Deps["db"], key: Key): Promise<void>;
};

/**
 * Sends one e-mail claimed first, so it goes once whichever instance or retry gets there: true
 * when it went. An address the mail server refuses for good is settled and skipped; any other
 * failure releases the claim and is thrown, for the queue to try again later.
 */
async function sendOnce<Key>(
  deps: Deps,
  claims: Claims<Key>,
  key: Key,
  message: () => Promise<MailMessage>,
): Promise<boolean> {
  const now = deps.clock();
  if (!(await claims.claim(deps.db, key, now))) return false;
  try {
    await deps.mailer.send(await message());
    await claims.settle(deps.db, key, deps.clock());
    return true;
  } catch (error) {
    if (refusedForGood(error)) {
      await claims.settle(deps.db, key, deps.clock());
      return false;
    }
    await claims.release(deps.db, key);
    throw error;
  }
}

/**
 * A new post's e-mails: an announcement to every member but those who chose no mail (or, of a
 * cancelled meeting, to every member); a conversation or a reply to those who want each post.
 * The author is never written to about their own post, and a post deleted or hidden before its
 * e-mails went is not sent at all. Returns how many went.
 */
export async function sendPostMail(deps: Deps, postId: string): Promise<number> {
  const { db } = deps;
  const found = await getPostForMail(db, postId);
  if (!found || found.post.deletedAt || found.post.hiddenAt) return 0;
  const { post, thread } = found;
  const group = await getGroupById(db, post.groupId);
  if (!group || group.status === "closed") return 0;
  const announcing = thread.announcement && post.opening;
  const audience: PostAudience =
    announcing && thread.toEveryone ? "everyone" : announcing ? "all-but-none" : "each";
  const ids = await listPostMailReaders(
    db,
    { groupId: group.id, authorId: post.authorId, audience },
    deps.clock(),
  );
  let sent = 0;
  for (const reader of await listContacts(db, ids)) {
    const went = await sendOnce(deps, postMailSent, { postId, personId: reader.id }, async () =>
      postMessage(reader, group, found, await linksFor(deps, group, reader, thread.id)),
    );
    if (went) sent += 1;
  }
  return sent;
}

/**
 * Each thread with something new that this person did not write, with how much is new. An
 * announcement itself is left out: it reached them by e-mail when it was posted.
 */
function threadsFor(posts: NewPost[], personId: string): DigestThread[] {
  const threads = new Map<string, DigestThread>();
  for (const post of posts) {
    if (post.authorId === personId || post.announced) continue;
    const thread = threads.get(post.threadId) ?? { ...post, count: 0 };
    thread.count += 1;
    threads.set(post.threadId, thread);
  }
  return [...threads.values()];
}

/**
 * The day's digest of each board, for each member who chose it (the default): the
 * conversations with something new in the last 24 hours, their own posts aside; nothing new,
 * no e-mail. Each is claimed per group, person and day, so a round run again (after the mail
 * server failed half way) sends only what is still to send. Returns how many went.
 */
export async function sendBoardDigests(deps: Deps): Promise<number> {
  const { db } = deps;
  const now = deps.clock();
  const day = digestDay(now);
  const byGroup = new Map<string, NewPost[]>();
  for (const post of await listNewPosts(db, new Date(now.getTime() - DAY_MS), now)) {
    byGroup.set(post.groupId, [...(byGroup.get(post.groupId) ?? []), post]);
  }
  let sent = 0;
  for (const [groupId, posts] of byGroup) {
    const group = await getGroupById(db, groupId);
    if (!group) continue;
    const readers = await listContacts(db, await listDigestReaders(db, groupId, now));
    for (const reader of readers) {
      const threads = threadsFor(posts, reader.id);
      if (threads.length === 0) continue;
      const went = await sendOnce(
        deps,
        digestSent,
        { groupId, personId: reader.id, day },
        async () =>
          digestMessage(reader, group, threads, await linksFor(deps, group, reader, null)),
      );
      if (went) sent += 1;
    }
  }
  return sent;
}

/** A post's e-mails, queued with it, and the boards' daily digest at 07:00 UTC. */
export function boardMailJobs(deps: Deps): JobSet {
  return {
    tasks: {
      [POST_MAIL_TASK]: async (payload) => {
        const { postId } = (payload ?? {}) as { postId?: unknown };
        if (isUuid(postId)) await sendPostMail(deps, postId);
      },
      "board.digest": async () => {
        await sendBoardDigests(deps);
        await forgetOldBoardMail(deps.db, deps.clock());
      },
    },
    schedule: [{ task: "board.digest", match: "0 7 * * *", identifier: "board.digest" }],
  };
}

import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import type { StandingIn } from "../memberships/reads.js";
import { inGroup } from "../memberships/scope.js";
import { isBoardId } from "./inputs.js";
import { readsBoard } from "./policy.js";
import { getPost, getThread, type PostRow, type ThreadRow } from "./reads.js";

export type OnBoard = StandingIn;
export type AtThread = OnBoard & { thread: ThreadRow };
export type AtPost = AtThread & { post: PostRow };

/**
 * The route's group's board, for its active members. To anyone else (an observer guide, someone
 * who left, a stranger) the board does not exist: 404, as for a group that never was.
 */
export const onBoard: ScopeLoader<OnBoard> = async (request, viewer) => {
  const found = await inGroup(request, viewer);
  if (!readsBoard(found.standing)) throw notFound();
  return found;
};

/** One of the board's threads, from `:threadId`; 404 if it is not this group's. */
export const atThread: ScopeLoader<AtThread> = async (request, viewer) => {
  const { threadId } = request.params as { threadId?: unknown };
  if (!isBoardId(threadId)) throw notFound();
  const found = await onBoard(request, viewer);
  const thread = await getThread(request.server.deps.db, found.group.id, threadId);
  if (!thread) throw notFound();
  return { ...found, thread };
};

/** One of the board's posts, from `:postId`, with its thread; 404 if it is not this group's. */
export const atPost: ScopeLoader<AtPost> = async (request, viewer) => {
  const { postId } = request.params as { postId?: unknown };
  if (!isBoardId(postId)) throw notFound();
  const found = await onBoard(request, viewer);
  const { db } = request.server.deps;
  const post = await getPost(db, found.group.id, postId);
  if (!post) throw notFound();
  const thread = await getThread(db, found.group.id, post.threadId);
  if (!thread) throw notFound();
  return { ...found, thread, post };
};

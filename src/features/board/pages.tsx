import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { Executor } from "../../infra/db/database.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { HttpProblem } from "../../infra/http/problem.js";
import {
  announceAction,
  deletePostAction,
  editPostAction,
  reactAction,
  replyAction,
  startThreadAction,
} from "./actions.js";
import { pageNumber } from "./inputs.js";
import { announces, type PostAction, postRefusal } from "./policy.js";
import { boardLinks, postView, threadListView, threadTitle } from "./present.js";
import {
  countThreads,
  latestEventId,
  listPostsFor,
  listThreadsFor,
  THREADS_PER_PAGE,
} from "./reads.js";
import { type AtPost, type AtThread, atPost, atThread, type OnBoard, onBoard } from "./scope.js";
import { BoardPage } from "./views/board-page.js";
import { DeletePostPage, EditPostPage, NewThreadPage } from "./views/forms.js";
import { boardPath, threadPath } from "./views/parts.js";
import { ThreadPage } from "./views/thread-page.js";
import { markRead } from "./writes.js";

/** The live stream's address for a page drawn now: it goes on from the board's last event. */
async function liveFrom(db: Executor, group: { id: string; slug: string }) {
  return boardPath(group, `/live?lastEventId=${await latestEventId(db, group.id)}`);
}

const viewerOf = (at: At<OnBoard>) => ({
  personId: at.viewer.personId,
  standing: at.scope.standing,
  now: at.now,
});

/** The board's pages: the list of threads, a thread, and the forms to write, edit and delete. */
export async function boardPages(app: FastifyInstance) {
  const { db } = app.deps;

  /** A thread's page, with a reply that could not be saved shown again. */
  async function threadPage(
    ctx: PageContext,
    at: At<AtThread>,
    form: { values?: Record<string, string>; errors?: FieldErrors; once?: string | null } = {},
  ) {
    const { group, thread } = at.scope;
    const rows = await listPostsFor(db, thread.id, at.viewer.personId);
    const posts = rows.map((row) => postView(row, viewerOf(at)));
    const opening = rows.find((r) => r.opening);
    const { title } = threadTitle(
      thread,
      opening ?? { deletedAt: at.now, hiddenAt: null, authorId: null },
      viewerOf(at),
    );
    return (
      <ThreadPage
        ctx={ctx}
        group={group}
        thread={{ id: thread.id, title, announcement: thread.announcement }}
        posts={posts}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
        live={await liveFrom(db, group)}
      />
    );
  }

  scopedPage(app, "/groups/:slug/board", onBoard, async (request, reply, at) => {
    const { group, standing } = at.scope;
    const total = await countThreads(db, group.id);
    const pages = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
    const page = Math.min(pageNumber((request.query as { page?: unknown }).page), pages);
    const rows = await listThreadsFor(db, group.id, at.viewer.personId, page);
    return sendHtml(
      reply,
      <BoardPage
        ctx={pageContext(request)}
        group={group}
        threads={rows.map((row) => threadListView(row, viewerOf(at)))}
        page={page}
        pages={pages}
        canAnnounce={announces(standing)}
        links={boardLinks.for(standing)}
        live={await liveFrom(db, group)}
      />,
    );
  });

  scopedPage(app, "/groups/:slug/board/new", onBoard, async (request, reply, at) =>
    sendHtml(
      reply,
      <NewThreadPage ctx={pageContext(request)} group={at.scope.group} announcement={false} />,
    ),
  );

  const pace = {
    TOO_SOON: { body: "board.errors.tooSoon" },
    FIRST_DAY_LIMIT: { body: "board.errors.firstDay" },
  } as const;
  const toPost = (at: At<OnBoard>, threadId: string, postId: string) =>
    `${threadPath(at.scope.group, threadId)}#post-${postId}`;

  htmlDoor(app, startThreadAction, {
    invalid: (ctx, at, form) => (
      <NewThreadPage
        ctx={ctx}
        group={at.scope.group}
        announcement={false}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: pace,
    once: { fallback: (at) => boardPath(at.scope.group), again: "board.new.posted" },
    done: (at, done) => ({
      to: done.landing ?? threadPath(at.scope.group, done.thread.id),
      flash: "board.new.posted",
    }),
  });

  const leading = async (
    request: Parameters<typeof onBoard>[0],
    viewer: Parameters<typeof onBoard>[1],
  ) => {
    const found = await onBoard(request, viewer);
    if (!announces(found.standing)) {
      throw new HttpProblem(403, "forbidden", "Only those who lead the group post announcements.");
    }
    return found;
  };

  scopedPage(app, "/groups/:slug/board/announcements/new", leading, async (request, reply, at) =>
    sendHtml(
      reply,
      <NewThreadPage ctx={pageContext(request)} group={at.scope.group} announcement={true} />,
    ),
  );

  htmlDoor(app, announceAction, {
    invalid: (ctx, at, form) => (
      <NewThreadPage
        ctx={ctx}
        group={at.scope.group}
        announcement={true}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: pace,
    once: { fallback: (at) => boardPath(at.scope.group), again: "board.announce.posted" },
    done: (at, done) => ({
      to: done.landing ?? threadPath(at.scope.group, done.thread.id),
      flash: "board.announce.posted",
    }),
  });

  scopedPage(app, "/groups/:slug/board/threads/:threadId", atThread, async (request, reply, at) => {
    const page = await threadPage(pageContext(request), at);
    await markRead(db, { threadId: at.scope.thread.id, personId: at.viewer.personId }, at.now);
    return sendHtml(reply, page);
  });

  htmlDoor(app, replyAction, {
    invalid: (ctx, at, form) => threadPage(ctx, at, form),
    fields: pace,
    once: {
      fallback: (at) => threadPath(at.scope.group, at.scope.thread.id),
      again: "board.reply.posted",
    },
    done: (at, done) => ({
      to: done.landing ?? toPost(at, done.thread.id, done.post.id),
      flash: "board.reply.posted",
    }),
  });

  /** A post's own form page, shown only while its action is allowed (403 otherwise). */
  const allowedTo =
    (action: PostAction) =>
    async (request: Parameters<typeof atPost>[0], viewer: Parameters<typeof atPost>[1]) => {
      const found = await atPost(request, viewer);
      const now = request.server.deps.clock();
      if (postRefusal(action, found.post, viewer.personId, now) === null) return found;
      throw new HttpProblem(403, "forbidden", "This cannot be done to this post now.");
    };

  const viewOf = (at: At<AtPost>) =>
    postView({ ...at.scope.post, authorName: null, reactions: [] }, viewerOf(at));

  scopedPage(
    app,
    "/groups/:slug/board/posts/:postId/edit",
    allowedTo("post.edit"),
    async (request, reply, at) =>
      sendHtml(
        reply,
        <EditPostPage ctx={pageContext(request)} group={at.scope.group} post={viewOf(at)} />,
      ),
  );

  htmlDoor(app, editPostAction, {
    invalid: (ctx, at, form) => (
      <EditPostPage
        ctx={ctx}
        group={at.scope.group}
        post={viewOf(at)}
        values={form.values}
        errors={form.errors}
      />
    ),
    done: (at, done) => ({
      to: done.landing ?? toPost(at, done.post.threadId, done.post.id),
      flash: "board.edit.saved",
    }),
  });

  scopedPage(
    app,
    "/groups/:slug/board/posts/:postId/delete",
    allowedTo("post.delete"),
    async (request, reply, at) =>
      sendHtml(
        reply,
        <DeletePostPage ctx={pageContext(request)} group={at.scope.group} post={viewOf(at)} />,
      ),
  );

  htmlDoor(app, deletePostAction, {
    done: (at) => ({
      to: toPost(at, at.scope.post.threadId, at.scope.post.id),
      flash: "board.delete.done",
    }),
  });

  htmlDoor(app, reactAction, {
    done: (at) => ({ to: toPost(at, at.scope.post.threadId, at.scope.post.id) }),
  });
}

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import {
  announceAction,
  deletePostAction,
  editPostAction,
  reactAction,
  replyAction,
  startThreadAction,
} from "./actions.js";
import { pageNumber } from "./inputs.js";
import { announces } from "./policy.js";
import {
  boardLinks,
  postJson,
  postView,
  presentPost,
  presentThread,
  threadJson,
  threadListView,
  threadTitle,
} from "./present.js";
import { countThreads, listPostsFor, listThreadsFor, THREADS_PER_PAGE } from "./reads.js";
import { atPost, atThread, onBoard } from "./scope.js";
import { markRead } from "./writes.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
const aThread = aGroup.extend({ threadId: z.uuid() });
const aPost = aGroup.extend({ postId: z.uuid() });
const tags = ["board"];

/**
 * A group's board as JSON, for its active members, and what the pages' forms do, with the same
 * rules. To anyone else the board does not exist: 404.
 */
export async function boardApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/groups/:slug/board",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "One page of the board's threads, newest activity first (active members)",
        security: [{ session: [] }],
        params: aGroup,
        querystring: z.object({ page: z.string().max(8).optional() }).strict(),
        response: {
          200: z.object({
            page: z.number().int(),
            pages: z.number().int(),
            abilities: z
              .record(z.string(), z.boolean())
              .describe("board.post, board.announce, and the pages above it (reports, alerts)"),
            threads: z.array(threadJson),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { group, standing } = await onBoard(request, viewer);
      const total = await countThreads(db, group.id);
      const pages = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
      const page = Math.min(pageNumber(request.query.page), pages);
      const rows = await listThreadsFor(db, group.id, viewer.personId, page);
      const who = { personId: viewer.personId, standing };
      return {
        page,
        pages,
        abilities: {
          "board.post": true,
          "board.announce": announces(standing),
          ...boardLinks.abilities(standing),
        },
        threads: rows.map((row) => presentThread(threadListView(row, who))),
      };
    },
  );

  app.get(
    "/api/v1/groups/:slug/board/threads/:threadId",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "One thread with its posts, each with the viewer's abilities; marks it read",
        security: [{ session: [] }],
        params: aThread,
        querystring: z.object({}).strict(),
        response: {
          200: z.object({ thread: threadJson.omit({ unread: true }), posts: z.array(postJson) }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { thread, standing } = await atThread(request, viewer);
      const now = clock();
      const who = { personId: viewer.personId, standing, now };
      const rows = await listPostsFor(db, thread.id, viewer.personId);
      const opening = rows.find((r) => r.opening);
      const { title } = threadTitle(
        thread,
        opening ?? { deletedAt: now, hiddenAt: null, authorId: null },
        who,
      );
      await markRead(db, { threadId: thread.id, personId: viewer.personId }, now);
      return {
        thread: {
          id: thread.id,
          title,
          announcement: thread.announcement,
          pinned: thread.pinned,
          lastActivityAt: thread.lastActivityAt.toISOString(),
          replyCount: thread.replyCount,
        },
        posts: rows.map((row) => presentPost(postView(row, who))),
      };
    },
  );

  app.get(
    "/api/v1/groups/:slug/board/posts/:postId",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "One post, as the viewer may read it, with their abilities",
        security: [{ session: [] }],
        params: aPost,
        querystring: z.object({}).strict(),
        response: { 200: postJson, 401: problemBody, 404: problemBody },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { post, standing } = await atPost(request, viewer);
      const [row] = (await listPostsFor(db, post.threadId, viewer.personId)).filter(
        (p) => p.id === post.id,
      );
      return presentPost(postView(row!, { personId: viewer.personId, standing, now: clock() }));
    },
  );

  jsonDoor(app, startThreadAction, { params: aGroup, tags });
  jsonDoor(app, announceAction, { params: aGroup, tags });
  jsonDoor(app, replyAction, { params: aThread, tags });
  jsonDoor(app, editPostAction, { params: aPost, tags });
  jsonDoor(app, deletePostAction, { params: aPost, tags });
  jsonDoor(app, reactAction, { params: aPost, tags });
}

import { z } from "zod";
import { declareAction, type Refusal } from "../../infra/actions/action.js";
import {
  announcementInput,
  newThreadInput,
  nothingInput,
  postBodyInput,
  reactionInput,
} from "./inputs.js";
import { announces, type PostRefusal, postRefusal } from "./policy.js";
import { postJson, postView, presentPost } from "./present.js";
import { atPost, atThread, onBoard } from "./scope.js";
import {
  deletePost,
  type Edited,
  editPost,
  type PaceRefusal,
  type Posted,
  react,
  replyTo,
  startThread,
} from "./writes.js";

// A group's board: starting a thread, announcing, replying, putting a post right, deleting it and
// reacting to it, each declared once for its page (pages.tsx) and its JSON (api.ts).

/**
 * A post can be longer than the app's usual form (64 KB): a megabyte is read, so that even 100 KB
 * of accented text (sent as %XX, 6 bytes a letter) is answered by its field, in plain words.
 */
const bodyLimit = 1024 * 1024;

type Refused<R extends string> = { ok: false; reason: R };
type Reacted = { ok: true; reacted: boolean };

const pace: Record<PaceRefusal, Refusal> = {
  TOO_SOON: { status: 429, message: "board.errors.tooSoon" },
  FIRST_DAY_LIMIT: { status: 429, message: "board.errors.firstDay" },
};

const onPost: Record<PostRefusal, Refusal> = {
  NOT_YOURS: { status: 403, message: "board.errors.notYours" },
  DELETED: { status: 409, message: "board.errors.deleted" },
  TOO_LATE: { status: 409, message: "board.errors.tooLate" },
  HIDDEN: { status: 409, message: "board.errors.hidden" },
  OWN_POST: { status: 409, message: "board.errors.ownPost" },
};

const postedJson = z.object({
  threadId: z.string(),
  post: postJson,
  urgentHelp: z
    .string()
    .nullable()
    .describe("Where the author should look now: urgent-help contacts, when the words ask for it"),
});

function presentPosted(
  done: { post: Extract<Posted, { ok: true }>["post"]; landing: string | null },
  at: {
    viewer: { personId: string };
    scope: { standing: Parameters<typeof postView>[1]["standing"] };
    now: Date;
  },
) {
  const view = postView(
    { ...done.post, authorName: null, reactions: [] },
    { personId: at.viewer.personId, standing: at.scope.standing, now: at.now },
  );
  return { threadId: done.post.threadId, post: presentPost(view), urgentHelp: done.landing };
}

/** A member starts a conversation on the board. */
export const startThreadAction = declareAction({
  name: "board.post",
  page: "/groups/:slug/board/threads",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/threads", status: 201 },
  summary: "Start a conversation on the group's board (its active members)",
  input: newThreadInput,
  bodyLimit,
  scope: onBoard,
  run: ({ scope, viewer, db, now }, input): Promise<Posted> =>
    startThread(
      db,
      {
        groupId: scope.group.id,
        authorId: viewer.personId,
        joinedAt: scope.membership?.joinedAt ?? null,
        ...input,
        announcement: false,
        toEveryone: false,
      },
      now,
    ),
  reasons: pace,
  result: postedJson,
  present: (done, at) => presentPosted(done, at),
});

/** Those who lead the group post an announcement: pinned, and e-mailed to every member. */
export const announceAction = declareAction({
  name: "board.announce",
  page: "/groups/:slug/board/announcements",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/announcements", status: 201 },
  summary: "Post an announcement, pinned and e-mailed to every member (those who lead)",
  input: announcementInput,
  bodyLimit,
  scope: onBoard,
  refuse: ({ scope }) => (announces(scope.standing) ? null : "NOT_LEADING"),
  run: ({ scope, viewer, db, now }, input): Promise<Posted | Refused<"NOT_LEADING">> =>
    startThread(
      db,
      {
        groupId: scope.group.id,
        authorId: viewer.personId,
        joinedAt: scope.membership?.joinedAt ?? null,
        ...input,
        announcement: true,
      },
      now,
    ),
  reasons: { ...pace, NOT_LEADING: { status: 403, message: "board.errors.notLeading" } },
  result: postedJson,
  present: (done, at) => presentPosted(done, at),
});

/** A member replies in a thread. */
export const replyAction = declareAction({
  name: "board.reply",
  page: "/groups/:slug/board/threads/:threadId/replies",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/threads/:threadId/replies", status: 201 },
  summary: "Reply in a thread of the group's board",
  input: postBodyInput,
  bodyLimit,
  scope: atThread,
  run: ({ scope, viewer, db, now }, { body }): Promise<Posted> =>
    replyTo(
      db,
      {
        thread: scope.thread,
        authorId: viewer.personId,
        joinedAt: scope.membership?.joinedAt ?? null,
        body,
      },
      now,
    ),
  reasons: pace,
  result: postedJson,
  present: (done, at) => presentPosted(done, at),
});

/** The author puts a post right, within 24 hours (or a hidden one, to ask for it back). */
export const editPostAction = declareAction({
  name: "post.edit",
  page: "/groups/:slug/board/posts/:postId/edit",
  api: { method: "PATCH", url: "/api/v1/groups/:slug/board/posts/:postId" },
  summary: "Put one's own post right (within 24 hours; a hidden one at any time)",
  input: postBodyInput,
  bodyLimit,
  scope: atPost,
  refuse: ({ scope, viewer, now }) => postRefusal("post.edit", scope.post, viewer.personId, now),
  run: ({ scope, db, now }, { body }): Promise<Edited | Refused<PostRefusal>> =>
    editPost(db, { post: scope.post, body }, now),
  reasons: onPost,
  result: postedJson,
  present: (done, at) => presentPosted(done, at),
});

/** The author deletes a post; its place stays. */
export const deletePostAction = declareAction({
  name: "post.delete",
  page: "/groups/:slug/board/posts/:postId/delete",
  api: { method: "DELETE", url: "/api/v1/groups/:slug/board/posts/:postId" },
  summary: "Delete one's own post: its words go, its place stays",
  input: nothingInput,
  scope: atPost,
  refuse: ({ scope, viewer, now }) => postRefusal("post.delete", scope.post, viewer.personId, now),
  run: ({ scope, db, now }): Promise<{ ok: true } | Refused<PostRefusal>> =>
    deletePost(db, scope.post, now),
  reasons: onPost,
  result: z.object({ deleted: z.literal(true) }),
  present: () => ({ deleted: true as const }),
});

/** A member says "Me too", "Thank you" or "This helped me" of someone's post, or takes it back. */
export const reactAction = declareAction({
  name: "post.react",
  page: "/groups/:slug/board/posts/:postId/reactions",
  api: { method: "PUT", url: "/api/v1/groups/:slug/board/posts/:postId/reactions" },
  summary: "Say, or stop saying, Me too / Thank you / This helped me of a post",
  input: reactionInput,
  scope: atPost,
  refuse: ({ scope, viewer, now }) => postRefusal("post.react", scope.post, viewer.personId, now),
  run: ({ scope, viewer, db, now }, input): Promise<Reacted | Refused<PostRefusal>> =>
    react(
      db,
      {
        post: scope.post,
        personId: viewer.personId,
        kind: input.kind,
        reacted: input.reacted === "yes",
      },
      now,
    ),
  reasons: onPost,
  result: z.object({ reacted: z.boolean() }),
  present: (done) => ({ reacted: done.reacted }),
});

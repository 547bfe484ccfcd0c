import { z } from "zod";
import { renderPostMarkdown } from "../../infra/html/markdown.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import type { Standing } from "../memberships/policy.js";
import { type PostAction, type PostShown, postAbilities, postShown } from "./policy.js";
import type { PostListRow, PostRow, ThreadListRow, ThreadRow } from "./reads.js";
import { reactionKinds } from "./tables.js";

/** What a post's tools are decided on: the post, who looks, where they stand, and when. */
export type PostFacts = { post: PostRow; personId: string; standing: Standing; now: Date };

/**
 * A way on from a post that a feature above offers (report it, "I'm worried about this
 * person", ask for a hidden post back): its ability's name, its words and where it leads.
 */
export type PostTool = {
  ability: string;
  label: MessageKey;
  path: (slug: string, postId: string) => string;
  allows: (facts: PostFacts) => boolean;
};

const tools = new Map<string, PostTool>();

/** The features above add their tools to every post; registering again replaces. */
export const postTools = {
  register(owner: string, tool: PostTool) {
    tools.set(owner, tool);
  },
  for(facts: PostFacts): PostTool[] {
    return [...tools.values()].filter((tool) => tool.allows(facts));
  },
  abilities(facts: PostFacts): Record<string, boolean> {
    return Object.fromEntries([...tools.values()].map((t) => [t.ability, t.allows(facts)]));
  },
};

/**
 * A page of a feature above that the board links to (the reports, the alerts), for those its
 * rule allows: the link shows on the board, and its ability in the board's JSON.
 */
export type BoardLink = {
  ability: string;
  label: MessageKey;
  path: (slug: string) => string;
  allows: (standing: Standing) => boolean;
};

const links = new Map<string, BoardLink>();

/** The features above add their pages to the board's links; registering again replaces. */
export const boardLinks = {
  register(owner: string, link: BoardLink) {
    links.set(owner, link);
  },
  for(standing: Standing): BoardLink[] {
    return [...links.values()].filter((link) => link.allows(standing));
  },
  abilities(standing: Standing): Record<string, boolean> {
    return Object.fromEntries([...links.values()].map((l) => [l.ability, l.allows(standing)]));
  },
};

export type PostView = {
  id: string;
  threadId: string;
  opening: boolean;
  authorId: string | null;
  authorName: string | null;
  shown: PostShown;
  /** The words as written, and as safe HTML: only when the viewer may read them. */
  body: string | null;
  html: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** Hidden by the facilitators: why, for the author and those who lead. */
  hidden: { at: Date; reason: string } | null;
  mine: boolean;
  reactions: PostListRow["reactions"];
  abilities: Record<PostAction, boolean>;
  tools: PostTool[];
  toolAbilities: Record<string, boolean>;
};

/** A post as one viewer reads it: words, or the reason they are not there, and what they may do. */
export function postView(
  post: PostListRow,
  viewer: { personId: string; standing: Standing; now: Date },
): PostView {
  const shown = postShown(post, viewer.personId, viewer.standing);
  const facts = { post, ...viewer };
  const seesWhy = shown === "words" && post.hiddenAt !== null;
  return {
    id: post.id,
    threadId: post.threadId,
    opening: post.opening,
    authorId: post.authorId,
    authorName: post.authorName,
    shown,
    body: shown === "words" ? post.body : null,
    html: shown === "words" ? renderPostMarkdown(post.body) : null,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    hidden: seesWhy ? { at: post.hiddenAt!, reason: post.hiddenReason ?? "" } : null,
    mine: post.authorId === viewer.personId,
    reactions: shown === "words" ? post.reactions : [],
    abilities: postAbilities(post, viewer.personId, viewer.now),
    tools: postTools.for(facts),
    toolAbilities: postTools.abilities(facts),
  };
}

/** A thread's title, unless its opening post is deleted, or hidden from this viewer. */
export function threadTitle(
  thread: Pick<ThreadRow, "title" | "authorId">,
  opening: { deletedAt: Date | null; hiddenAt: Date | null; authorId: string | null },
  viewer: { personId: string; standing: Standing },
): { title: string | null; shown: PostShown } {
  const shown = postShown({ ...opening, createdAt: new Date(0) }, viewer.personId, viewer.standing);
  return { title: shown === "words" ? thread.title : null, shown };
}

const person = z
  .object({ id: z.string(), name: z.string().nullable() })
  .nullable()
  .describe("Null once the author's account was erased");

const tally = z.object({
  count: z.number().int(),
  mine: z.boolean(),
  names: z.array(z.string()).describe("Who said it: members see each other's reactions"),
});

export const postJson = z.object({
  id: z.string(),
  threadId: z.string(),
  opening: z.boolean(),
  author: person,
  shown: z.enum(["words", "deleted", "hidden"]),
  body: z.string().nullable().describe("As written (light markdown); null when not shown"),
  html: z.string().nullable().describe("Rendered and sanitised; null when not shown"),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  hidden: z
    .object({ at: z.string(), reason: z.string() })
    .nullable()
    .describe("Why the facilitators hid it: for its author and those who lead"),
  reactions: z.object(
    Object.fromEntries(reactionKinds.map((k) => [k, tally])) as {
      [K in (typeof reactionKinds)[number]]: typeof tally;
    },
  ),
  abilities: z.record(z.string(), z.boolean()),
});

export function presentPost(view: PostView): z.infer<typeof postJson> {
  const reactions = Object.fromEntries(
    reactionKinds.map((kind) => {
      const found = view.reactions.find((r) => r.kind === kind);
      return [
        kind,
        { count: found?.count ?? 0, mine: found?.mine ?? false, names: found?.names ?? [] },
      ];
    }),
  ) as z.infer<typeof postJson>["reactions"];
  return {
    id: view.id,
    threadId: view.threadId,
    opening: view.opening,
    author: view.authorId ? { id: view.authorId, name: view.authorName } : null,
    shown: view.shown,
    body: view.body,
    html: view.html,
    createdAt: view.createdAt.toISOString(),
    editedAt: view.editedAt?.toISOString() ?? null,
    hidden: view.hidden ? { at: view.hidden.at.toISOString(), reason: view.hidden.reason } : null,
    reactions,
    abilities: { ...view.abilities, ...view.toolAbilities },
  };
}

export type ThreadView = {
  id: string;
  title: string | null;
  shown: PostShown;
  announcement: boolean;
  pinned: boolean;
  lastActivityAt: Date;
  replyCount: number;
  authorName: string | null;
  unread: boolean;
};

export function threadListView(
  row: ThreadListRow,
  viewer: { personId: string; standing: Standing },
): ThreadView {
  const { title, shown } = threadTitle(row, { ...row.opening, authorId: row.authorId }, viewer);
  return {
    id: row.id,
    title,
    shown,
    announcement: row.announcement,
    pinned: row.pinned,
    lastActivityAt: row.lastActivityAt,
    replyCount: row.replyCount,
    authorName: row.authorName,
    unread: row.unread,
  };
}

export const threadJson = z.object({
  id: z.string(),
  title: z.string().nullable().describe("Null when its first post was deleted or hidden"),
  announcement: z.boolean(),
  pinned: z.boolean(),
  lastActivityAt: z.string(),
  replyCount: z.number().int(),
  unread: z.boolean(),
});

export function presentThread(view: ThreadView): z.infer<typeof threadJson> {
  return {
    id: view.id,
    title: view.title,
    announcement: view.announcement,
    pinned: view.pinned,
    lastActivityAt: view.lastActivityAt.toISOString(),
    replyCount: view.replyCount,
    unread: view.unread,
  };
}

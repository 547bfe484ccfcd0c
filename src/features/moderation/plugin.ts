import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { accountErasure } from "../accounts/writes.js";
import { readsBoard } from "../board/policy.js";
import { boardLinks, postTools } from "../board/present.js";
import { leads } from "../memberships/policy.js";
import { moderationApi } from "./api.js";
import { moderationPages } from "./pages.js";
import { askBackRefusal, hideRefusal, reportRefusal, restoreRefusal } from "./policy.js";
import { personalModerationData } from "./reads.js";
import { eraseModerationWords } from "./writes.js";

const postPath = (slug: string, postId: string, rest: string) =>
  `/groups/${slug}/board/posts/${postId}${rest}`;

/**
 * Registers moderation: its pages and JSON, and its ways on from each post of the board. Whether
 * the reader reported the post already, or asked for it back already, the board's facts do not
 * say: the tool shows, and its page says so.
 */
export async function moderationPlugin(app: FastifyInstance): Promise<void> {
  // "Download your data" holds the reports the person made.
  personalDataParts.register("moderation", ({ db, personId }) =>
    personalModerationData(db, personId),
  );
  // An erased account's words to the facilitators go; its reports keep their place.
  accountErasure.register("moderation", ({ tx, personId }) => eraseModerationWords(tx, personId));
  boardLinks.register("moderation-reports", {
    ability: "board.reports",
    label: "moderation.reports.link",
    path: (slug) => `/groups/${slug}/board/reports`,
    allows: leads,
  });
  postTools.register("moderation-report", {
    ability: "post.report",
    label: "moderation.tool.report",
    path: (slug, postId) => postPath(slug, postId, "/report"),
    allows: ({ post, personId, standing }) =>
      readsBoard(standing) && reportRefusal(post, personId, false) === null,
  });
  postTools.register("moderation-hide", {
    ability: "post.hide",
    label: "moderation.tool.hide",
    path: (slug, postId) => postPath(slug, postId, "/hide"),
    allows: ({ post, standing }) => hideRefusal(post, standing) === null,
  });
  postTools.register("moderation-restore", {
    ability: "post.restore",
    label: "moderation.tool.restore",
    path: (slug, postId) => postPath(slug, postId, "/restore"),
    allows: ({ post, standing }) => restoreRefusal(post, standing) === null,
  });
  postTools.register("moderation-ask-back", {
    ability: "post.ask_back",
    label: "moderation.tool.askBack",
    path: (slug, postId) => postPath(slug, postId, "/ask-back"),
    allows: ({ post, personId }) => askBackRefusal(post, personId, false) === null,
  });
  await app.register(moderationPages);
  await app.register(moderationApi);
}

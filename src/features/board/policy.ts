import type { Standing } from "../memberships/policy.js";
import { leads } from "../memberships/policy.js";

/** What a person may do on a group's board. */
export type BoardAction = "board.post" | "board.announce";
export type PostAction = "post.edit" | "post.delete" | "post.react";

/** A post as the rules need it. */
export type PostForPolicy = {
  authorId: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
};

/** How long a post may be put right after it was written ("edited" is shown). */
export const EDIT_WINDOW_MS = 24 * 3_600_000;
/** At least this long between two posts by one person. */
export const POST_PACE_MS = 5_000;
/** A member's first day in a group: at most this many posts. */
export const FIRST_DAY_POSTS = 10;
export const FIRST_DAY_MS = 24 * 3_600_000;

/**
 * The board is the active members' own: members, facilitators, and the guide until the
 * handover. To anyone else (an observer guide, someone who left, a stranger) it does not exist.
 */
export const readsBoard = (where: Standing) =>
  where === "member" || where === "facilitator" || where === "guide";

/** Those who lead the group post announcements and see hidden posts to decide on them. */
export const announces = (where: Standing) => leads(where);

const isAuthor = (post: PostForPolicy, personId: string) => post.authorId === personId;
const isGone = (post: PostForPolicy) => post.deletedAt !== null;
const isHidden = (post: PostForPolicy) => post.hiddenAt !== null;
const inEditWindow = (post: PostForPolicy, now: Date) =>
  now.getTime() - post.createdAt.getTime() < EDIT_WINDOW_MS;

export type PostRefusal = "NOT_YOURS" | "DELETED" | "TOO_LATE" | "HIDDEN" | "OWN_POST";

/**
 * Why this person may not do this to the post now; null when they may. An author may put a
 * hidden post right at any time, to ask for it back; otherwise for 24 hours.
 */
export function postRefusal(
  action: PostAction,
  post: PostForPolicy,
  personId: string,
  now: Date,
): PostRefusal | null {
  if (isGone(post)) return "DELETED";
  switch (action) {
    case "post.edit":
      if (!isAuthor(post, personId)) return "NOT_YOURS";
      return isHidden(post) || inEditWindow(post, now) ? null : "TOO_LATE";
    case "post.delete":
      return isAuthor(post, personId) ? null : "NOT_YOURS";
    case "post.react":
      if (isHidden(post)) return "HIDDEN";
      return isAuthor(post, personId) ? "OWN_POST" : null;
  }
}

/** The viewer's abilities on one post: what the page shows, and the API says. */
export function postAbilities(
  post: PostForPolicy,
  personId: string,
  now: Date,
): Record<PostAction, boolean> {
  return {
    "post.edit": postRefusal("post.edit", post, personId, now) === null,
    "post.delete": postRefusal("post.delete", post, personId, now) === null,
    "post.react": postRefusal("post.react", post, personId, now) === null,
  };
}

/** What the viewer reads of a post: its words, or why they are not there. */
export type PostShown = "words" | "deleted" | "hidden";

/**
 * A deleted post's words are gone for everyone. A hidden post's words stay for its author (who
 * is told why) and those who lead the group (who decide on it); the others read that it was
 * hidden, so nothing vanishes without a word.
 */
export function postShown(post: PostForPolicy, personId: string, where: Standing): PostShown {
  if (isGone(post)) return "deleted";
  if (isHidden(post) && !isAuthor(post, personId) && !announces(where)) return "hidden";
  return "words";
}

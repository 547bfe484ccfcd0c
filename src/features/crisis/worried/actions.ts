import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { atPost } from "../../board/scope.js";
import { worriedInput } from "../inputs.js";
import { mayWorryAbout } from "../policy.js";
import { raiseWorry, type Worried } from "./writes.js";

/** Why a member cannot say they are worried about this post's author. */
export type WorryRefusal = "OWN_POST" | "DELETED";

export function worryRefusal(
  post: { authorId: string | null; deletedAt: Date | null },
  personId: string,
): WorryRefusal | null {
  if (mayWorryAbout(post, personId)) return null;
  return post.deletedAt !== null || post.authorId === null ? "DELETED" : "OWN_POST";
}

type Refused = { ok: false; reason: WorryRefusal };

/**
 * "I'm worried about this person", on someone else's post: the same private alert as risk
 * words raise, with the author never told who raised it. Never rate-limited.
 */
export const worriedAction = declareAction({
  name: "crisis.worried",
  page: "/groups/:slug/board/posts/:postId/worried",
  api: { method: "POST", url: "/api/v1/groups/:slug/board/posts/:postId/worried", status: 201 },
  summary:
    "Tell those who look after the group, privately, that you are worried about a post's author",
  input: worriedInput,
  scope: atPost,
  refuse: ({ scope, viewer }) => worryRefusal(scope.post, viewer.personId),
  run: ({ scope, viewer, db, now }, { note }): Promise<Worried | Refused> =>
    raiseWorry(
      db,
      {
        groupId: scope.group.id,
        post: { id: scope.post.id, authorId: scope.post.authorId! },
        personId: viewer.personId,
        note,
      },
      now,
    ),
  reasons: {
    OWN_POST: { status: 403, message: "crisis.worried.own" },
    DELETED: { status: 409, message: "crisis.worried.deleted" },
    ALREADY_TOLD: { status: 409, message: "crisis.worried.already" },
  },
  result: z.object({ told: z.literal(true) }).describe("Those who look after the group were told"),
  present: () => ({ told: true as const }),
});

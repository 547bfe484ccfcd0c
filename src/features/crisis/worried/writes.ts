import { sql } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { hasWorried } from "../reads.js";
import { raiseAlert } from "../writes.js";

export type Worried = { ok: true } | { ok: false; reason: "ALREADY_TOLD" };

/**
 * A member is worried about the author of a post: a private alert goes to those who look after
 * the group, once per member and post (a lock on the pair, so two sendings at once make one).
 * The author is never told who it was; the member's note, if any, is for those who handle it.
 */
export async function raiseWorry(
  db: Executor,
  input: {
    groupId: string;
    post: { id: string; authorId: string };
    personId: string;
    note: string;
  },
  now: Date,
): Promise<Worried> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`crisis-worried:${input.post.id}:${input.personId}`}))`,
    );
    if (await hasWorried(tx, input.post.id, input.personId)) {
      return { ok: false, reason: "ALREADY_TOLD" } as const;
    }
    await raiseAlert(
      tx,
      {
        groupId: input.groupId,
        postId: input.post.id,
        subjectId: input.post.authorId,
        source: "worried",
        raisedBy: input.personId,
        note: input.note,
      },
      now,
    );
    return { ok: true } as const;
  });
}

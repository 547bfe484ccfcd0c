import type { Executor } from "../../../infra/db/database.js";
import { isUuid } from "../../../infra/http/ids.js";
import { getPost } from "../../board/reads.js";

/**
 * The thread of the post named in the address (`?post=`), when it is one of the group's: where
 * the author goes back to. Anything else is no post at all.
 */
export async function threadOfPost(
  db: Executor,
  group: { id: string; slug: string },
  query: unknown,
): Promise<string | null> {
  const { post } = (query ?? {}) as { post?: unknown };
  if (!isUuid(post)) return null;
  const found = await getPost(db, group.id, post);
  return found ? `/groups/${group.slug}/board/threads/${found.threadId}#post-${found.id}` : null;
}

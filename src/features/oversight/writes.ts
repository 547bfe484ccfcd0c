import { sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { NOTICE_AGAIN_DAYS } from "./policy.js";
import { groupNotices } from "./tables.js";

export type NoticeKind = "full" | "waiting" | "quiet";

/**
 * Claims the right to send a notice: true once per group and kind in 4 weeks, whichever
 * instance asks first, so nobody is told twice.
 */
export async function claimNotice(
  db: Executor,
  groupId: string,
  kind: NoticeKind,
  now: Date,
): Promise<boolean> {
  const again = new Date(now.getTime() - NOTICE_AGAIN_DAYS * DAY_MS);
  const claimed = await db
    .insert(groupNotices)
    .values({ groupId, kind, sentAt: now })
    .onConflictDoUpdate({
      target: [groupNotices.groupId, groupNotices.kind],
      set: { sentAt: now },
      setWhere: sql`${groupNotices.sentAt} <= ${again.toISOString()}::timestamptz`,
    })
    .returning({ groupId: groupNotices.groupId });
  return claimed.length === 1;
}

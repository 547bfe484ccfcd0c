import { sql } from "drizzle-orm";
import { claimsOn } from "../../infra/db/claims.js";
import type { Executor } from "../../infra/db/database.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { NOTICE_AGAIN_DAYS } from "./policy.js";
import { groupNotices } from "./tables.js";

export type NoticeKind = "full" | "waiting" | "quiet";

/**
 * The right to send a notice: claimed once per group and kind in 4 weeks, whichever instance
 * asks first, so nobody is told twice. A notice is not settled: the claim lapses after 4 weeks.
 */
const notices = claimsOn<{ groupId: string; kind: NoticeKind }>(
  groupNotices,
  { groupId: groupNotices.groupId, kind: groupNotices.kind },
  (now) =>
    sql`${groupNotices.sentAt} <= ${new Date(now.getTime() - NOTICE_AGAIN_DAYS * DAY_MS).toISOString()}::timestamptz`,
);

export function claimNotice(
  db: Executor,
  groupId: string,
  kind: NoticeKind,
  now: Date,
): Promise<boolean> {
  return notices.claim(db, { groupId, kind }, now);
}

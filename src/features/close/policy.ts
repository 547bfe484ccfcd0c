import { DAY_MS } from "../../infra/time/zoned.js";
import type { GroupStatus } from "../groups/tables.js";
import type { GroupRole } from "../memberships/tables.js";

/** How long a closed group's history stays readable by its former members. */
export const HISTORY_DAYS = 90;

/** Until when a closed group's history can be read; null for a group that has not closed. */
export function historyUntil(group: { status: GroupStatus; closedAt: Date | null }): Date | null {
  if (group.status !== "closed" || group.closedAt === null) return null;
  return new Date(group.closedAt.getTime() + HISTORY_DAYS * DAY_MS);
}

/**
 * A closed group's history is for the people who were members when it closed, for 90 days; then
 * its private content is erased and there is nothing left to read. Someone who was only waiting
 * for a place, or asking to join, was never a member (they have no joining date) and reads nothing;
 * nor does a guide whose handover came before the closing, who was then only observing and
 * could not see the members.
 */
export function canReadHistory(
  group: {
    status: GroupStatus;
    closedAt: Date | null;
    erasedAt: Date | null;
    handoverAt: Date | null;
  },
  membership: { endedAt: Date | null; joinedAt: Date | null; role: GroupRole } | null,
  now: Date,
): boolean {
  const until = historyUntil(group);
  if (!until || group.erasedAt !== null || now >= until) return false;
  if (!membership?.endedAt || !membership.joinedAt) return false;
  const closedAt = group.closedAt!;
  const observing =
    membership.role === "guide" && group.handoverAt !== null && group.handoverAt <= closedAt;
  return !observing && membership.endedAt >= closedAt;
}

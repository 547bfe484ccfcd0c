import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "../../infra/db/database.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groups } from "../groups/tables.js";
import { planMeetingsIn } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { HISTORY_DAYS } from "./policy.js";

export type LifeChange = "pause" | "resume" | "close";

/**
 * A group takes a break (no new members, no meetings planned, its members stay), starts again,
 * or closes: then everyone's place in it ends, the meetings still to come are called off, and
 * its history stays readable by those who were in it for 90 days.
 */
export async function changeGroupLife(
  db: Executor,
  input: { groupId: string; change: LifeChange },
  now: Date,
): Promise<{ ok: true; memberIds: string[] } | { ok: false; reason: "NOT_NOW" }> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ slug: groups.slug, status: groups.status })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    const from = { pause: "active", resume: "paused", close: undefined }[input.change];
    if (!group || group.status === "closed" || (from && group.status !== from)) {
      return { ok: false, reason: "NOT_NOW" } as const;
    }
    const members = await tx
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(and(eq(memberships.groupId, input.groupId), eq(memberships.state, "active")));
    const status = ({ pause: "paused", resume: "active", close: "closed" } as const)[input.change];
    await tx
      .update(groups)
      .set({
        status,
        closedAt: input.change === "close" ? now : null,
        ...(input.change === "close" ? { activeMemberCount: 0, waitlistCount: 0 } : {}),
        updatedAt: now,
      })
      .where(eq(groups.id, input.groupId));
    if (input.change === "close") {
      await tx
        .update(memberships)
        .set({ state: "left", endedAt: now, offeredAt: null, offerExpiresAt: null, updatedAt: now })
        .where(
          and(
            eq(memberships.groupId, input.groupId),
            inArray(memberships.state, ["active", "waitlisted", "requested"]),
          ),
        );
    }
    // Paused or closed, the schedule plans nothing; started again, it plans 12 weeks ahead.
    const after = await getGroupBySlug(tx, group.slug);
    if (after) await planMeetingsIn(tx, after, now);
    return { ok: true, memberIds: members.map((m) => m.personId) } as const;
  });
}

/**
 * 90 days after a group closed, its private content is erased: meetings with their answers,
 * themes and attendance, reminders and digests, the agreement and its changes, roles, the handover, splits,
 * invitations (with the addresses they were sent to) and who the members were. What stays is the public shell (name, lineage), so the groups that
 * grew out of it still say where they came from. Returns how many groups were erased.
 */
export async function eraseClosedGroups(db: Database, now: Date): Promise<number> {
  const due = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.status, "closed"),
        isNull(groups.erasedAt),
        lte(groups.closedAt, new Date(now.getTime() - HISTORY_DAYS * DAY_MS)),
      ),
    )
    .limit(200);
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      for (const table of [
        "meetings",
        "meeting_plans",
        "reminder_preferences",
        "digests_sent",
        "unsubscribe_links",
        "agreement_changes",
        "role_changes",
        "handovers",
        "split_proposals",
        "group_invitations",
        "group_notices",
        "memberships",
      ]) {
        await tx.execute(sql`delete from ${sql.identifier(table)} where group_id = ${id}`);
      }
      await tx
        .update(groups)
        .set({
          agreement: "",
          venueName: null,
          streetAddress: null,
          postalCode: null,
          latitude: null,
          longitude: null,
          videoUrl: null,
          phoneNumber: null,
          phonePin: null,
          accessNotes: "",
          foundedBy: null,
          erasedAt: now,
          updatedAt: now,
        })
        .where(eq(groups.id, id));
    });
  }
  return due.length;
}

import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import type { GroupForm } from "../groups/inputs.js";
import { oneOffDates } from "../groups/inputs.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groupDifficulties, groupOneOffDates, groups } from "../groups/tables.js";
import { formColumns, type Place } from "../groups/writes.js";
import { type PlanChanges, planMeetingsIn } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { type Offer, offerFreePlaces } from "../memberships/writes.js";

export type UpdateResult =
  | { ok: true; plan: PlanChanges; offers: Offer[]; scheduleChanged: boolean }
  | { ok: false; reason: "CAPACITY_BELOW_MEMBERS" | "NOT_ACTIVE" };

const scheduleOf = (g: {
  rrule: string | null;
  startsOn: string | null;
  startTime: string | null;
  durationMinutes: number;
  oneOffs: string[];
}) => JSON.stringify([g.rrule, g.startsOn, g.startTime, g.durationMinutes, g.oneOffs]);

/**
 * The facilitators change the group's page and schedule. The capacity cannot fall below the
 * members the group already has. A new schedule re-plans the meetings at once (the caller tells
 * the members); a larger capacity offers the new places to the people waiting. All or nothing.
 */
export async function updateGroup(
  db: Executor,
  input: { groupId: string; form: GroupForm; place: Place | null },
  now: Date,
): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ slug: groups.slug, status: groups.status, members: groups.activeMemberCount })
      .from(groups)
      .where(eq(groups.id, input.groupId))
      .for("update");
    if (locked?.status !== "active") return { ok: false, reason: "NOT_ACTIVE" } as const;
    // A place offered to someone waiting is theirs for 72 hours: it counts as taken.
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, input.groupId),
          eq(memberships.state, "waitlisted"),
          sql`${memberships.offerExpiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      );
    if (input.form.capacity < locked.members + (held?.n ?? 0)) {
      return { ok: false, reason: "CAPACITY_BELOW_MEMBERS" } as const;
    }
    const before = await getGroupBySlug(tx, locked.slug);
    await tx
      .update(groups)
      .set({ ...formColumns(input.form, input.place), updatedAt: now })
      .where(eq(groups.id, input.groupId));
    await tx.delete(groupDifficulties).where(eq(groupDifficulties.groupId, input.groupId));
    const slugs = [...new Set(input.form.difficulties)];
    if (slugs.length > 0) {
      await tx
        .insert(groupDifficulties)
        .values(slugs.map((difficultySlug) => ({ groupId: input.groupId, difficultySlug })));
    }
    await tx.delete(groupOneOffDates).where(eq(groupOneOffDates.groupId, input.groupId));
    const oneOffs = input.form.scheduleKind === "one_off" ? oneOffDates(input.form) : [];
    if (oneOffs.length > 0) {
      await tx.insert(groupOneOffDates).values(
        oneOffs.map((local) => ({
          groupId: input.groupId,
          startsAtLocal: new Date(`${local}:00Z`),
        })),
      );
    }
    const after = (await getGroupBySlug(tx, locked.slug))!;
    const plan = await planMeetingsIn(tx, after, now);
    const offers = await offerFreePlaces(tx, input.groupId, now);
    return {
      ok: true,
      plan,
      offers,
      scheduleChanged: before !== null && scheduleOf(before) !== scheduleOf(after),
    } as const;
  });
}

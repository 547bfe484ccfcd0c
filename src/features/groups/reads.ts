import { eq } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { groupDifficulties, groupOneOffDates, groups } from "./tables.js";

export type Group = typeof groups.$inferSelect & {
  difficultySlugs: string[];
  /** Chosen meeting dates, local "YYYY-MM-DDTHH:MM" in the group's time zone. */
  oneOffs: string[];
};

/** A group by its address, whatever its visibility (unlisted groups are reachable by link). */
export async function getGroupBySlug(db: Executor, slug: string): Promise<Group | null> {
  const [group] = await db.select().from(groups).where(eq(groups.slug, slug)).limit(1);
  if (!group) return null;
  const [rows, dates] = await Promise.all([
    db
      .select({ slug: groupDifficulties.difficultySlug })
      .from(groupDifficulties)
      .where(eq(groupDifficulties.groupId, group.id)),
    db
      .select({ startsAtLocal: groupOneOffDates.startsAtLocal })
      .from(groupOneOffDates)
      .where(eq(groupOneOffDates.groupId, group.id)),
  ]);
  return {
    ...group,
    difficultySlugs: rows.map((r) => r.slug),
    // Stored as timestamps without a zone: their UTC reading is the local wall-clock time.
    oneOffs: dates.map((d) => d.startsAtLocal.toISOString().slice(0, 16)).sort(),
  };
}

export async function getGroupById(db: Executor, id: string): Promise<Group | null> {
  const [group] = await db
    .select({ slug: groups.slug })
    .from(groups)
    .where(eq(groups.id, id))
    .limit(1);
  return group ? getGroupBySlug(db, group.slug) : null;
}

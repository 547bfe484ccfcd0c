import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import { groupDifficulties, groupOneOffDates, groups } from "./tables.js";

/** Every column but the search vector, which only the directory's queries read. */
const { search: _search, ...groupColumns } = getTableColumns(groups);

export type Group = Omit<typeof groups.$inferSelect, "search"> & {
  difficultySlugs: string[];
  /** Chosen meeting dates, local "YYYY-MM-DDTHH:MM" in the group's time zone. */
  oneOffs: string[];
  /** The group this one was split from, and when it split: its lineage. */
  parentName: string | null;
  parentClosedAt: Date | null;
};

// One statement for the group, its difficulties and its chosen dates: every group page reads it.
const groupBySlug = (db: Executor) =>
  db
    .select({
      ...groupColumns,
      difficultySlugs: sql<string[]>`array(select d.difficulty_slug from ${groupDifficulties} d
        where d.group_id = ${groups.id} order by 1)`,
      // Stored as timestamps without a zone: their reading as such is the local wall-clock time.
      oneOffs: sql<string[]>`array(select to_char(o.starts_at_local, 'YYYY-MM-DD"T"HH24:MI')
        from ${groupOneOffDates} o where o.group_id = ${groups.id} order by 1)`,
      // Qualified by hand: inside the subquery an unqualified column would be the parent's own.
      parentName: sql<string | null>`(select p.name from ${groups} p
        where p.id = "groups"."parent_group_id")`,
      parentClosedAt: sql<Date | null>`(select p.closed_at from ${groups} p
        where p.id = "groups"."parent_group_id")`.mapWith((value) =>
        value === null ? null : new Date(value),
      ),
    })
    .from(groups)
    .where(eq(groups.slug, sql.placeholder("slug")))
    .limit(1)
    .prepare("group_by_slug");

/** A group by its address, whatever its visibility (unlisted groups are reachable by link). */
export async function getGroupBySlug(db: Executor, slug: string): Promise<Group | null> {
  const [group] = await preparedQuery(db, "group_by_slug", groupBySlug).execute({ slug });
  return group ?? null;
}

export async function getGroupById(db: Executor, id: string): Promise<Group | null> {
  const [group] = await db
    .select({ slug: groups.slug })
    .from(groups)
    .where(eq(groups.id, id))
    .limit(1);
  return group ? getGroupBySlug(db, group.slug) : null;
}

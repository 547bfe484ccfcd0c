import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { shownCount } from "../groups/policy.js";
import { groups } from "../groups/tables.js";
import { LONG_WAIT, QUIET_DAYS } from "./policy.js";

const quietSince = (now: Date) => new Date(now.getTime() - QUIET_DAYS * DAY_MS).toISOString();

// Meetings held: not called off, and already begun.
const heldSince = (since: string, now: Date) => sql<number>`(select count(*)::int from meetings m
  where m.group_id = ${groups.id} and m.status = 'scheduled'
    and m.starts_at >= ${since}::timestamptz and m.starts_at <= ${now.toISOString()}::timestamptz)`;

export type OrganisationGroup = {
  slug: string;
  name: string;
  status: string;
  capacity: number;
  /** Null when fewer than 5: too few people to show outside the group. */
  members: number | null;
  waiting: number | null;
  meetingsHeld: number;
  handedOver: boolean;
  /** No meeting held for 90 days, though the group is older than that. */
  quiet: boolean;
};

/**
 * An organisation's groups as its coordinators see them: counts only, never a name or a word
 * from inside a group, and any count of people below 5 held back.
 */
export async function listOrganisationGroups(
  db: Executor,
  organisationId: string,
  now: Date,
): Promise<OrganisationGroup[]> {
  const since = quietSince(now);
  const rows = await db
    .select({
      slug: groups.slug,
      name: groups.name,
      status: groups.status,
      capacity: groups.capacity,
      members: groups.activeMemberCount,
      waiting: groups.waitlistCount,
      handoverAt: groups.handoverAt,
      createdAt: groups.createdAt,
      meetingsHeld: heldSince(since, now),
    })
    .from(groups)
    .where(and(eq(groups.organisationId, organisationId), sql`${groups.status} <> 'closed'`))
    .orderBy(groups.name);
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    status: row.status,
    capacity: row.capacity,
    members: shownCount(row.members),
    waiting: shownCount(row.waiting),
    meetingsHeld: row.meetingsHeld,
    handedOver: row.handoverAt !== null && row.handoverAt <= now,
    quiet: row.status === "active" && row.createdAt.toISOString() < since && row.meetingsHeld === 0,
  }));
}

/** Active groups whose members have reached their capacity. */
export async function listFullGroups(db: Executor): Promise<{ id: string }[]> {
  return db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(eq(groups.status, "active"), sql`${groups.activeMemberCount} >= ${groups.capacity}`),
    );
}

/** Active groups where 3 or more people have been waiting 4 weeks or longer. */
export async function listLongWaitlists(db: Executor, now: Date): Promise<{ id: string }[]> {
  const longAgo = new Date(now.getTime() - LONG_WAIT.days * DAY_MS).toISOString();
  return db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.status, "active"),
        sql`(select count(*) from memberships w where w.group_id = ${groups.id}
          and w.state = 'waitlisted' and w.waitlisted_at <= ${longAgo}::timestamptz) >= ${LONG_WAIT.people}`,
      ),
    );
}

/** Active groups of an organisation, older than 90 days, with no meeting held in 90 days. */
export async function listQuietGroups(
  db: Executor,
  now: Date,
): Promise<{ id: string; organisationId: string }[]> {
  const since = quietSince(now);
  const rows = await db
    .select({ id: groups.id, organisationId: groups.organisationId })
    .from(groups)
    .where(
      and(
        eq(groups.status, "active"),
        sql`${groups.organisationId} is not null`,
        sql`${groups.createdAt} < ${since}::timestamptz`,
        sql`${heldSince(since, now)} = 0`,
      ),
    );
  return rows.map((r) => ({ id: r.id, organisationId: r.organisationId! }));
}

import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import { listContacts } from "../accounts/reads.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { type GroupStatus, groups } from "../groups/tables.js";
import { type Standing, standing } from "./policy.js";
import { type GroupRole, type MembershipState, memberships } from "./tables.js";

export type Membership = typeof memberships.$inferSelect;

/** What a group's member pages show of it, and what their rules read. */
export type GroupForViewer = {
  id: string;
  slug: string;
  name: string;
  status: GroupStatus;
  timeZone: string;
  handoverAt: Date | null;
  videoUrl: string | null;
  phoneNumber: string | null;
  phonePin: string | null;
};

const groupForViewer = (db: Executor) =>
  db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      status: groups.status,
      timeZone: groups.timeZone,
      handoverAt: groups.handoverAt,
      videoUrl: groups.videoUrl,
      phoneNumber: groups.phoneNumber,
      phonePin: groups.phonePin,
      state: memberships.state,
      role: memberships.role,
    })
    .from(groups)
    .leftJoin(
      memberships,
      and(
        eq(memberships.groupId, groups.id),
        eq(memberships.personId, sql.placeholder("personId")),
      ),
    )
    .where(eq(groups.slug, sql.placeholder("slug")))
    .limit(1)
    .prepare("group_for_viewer");

/**
 * A group by its address with the viewer's membership of it (null when signed out or never a
 * member), in one statement: every meetings page, rota and register starts with it.
 */
export async function getGroupForViewer(
  db: Executor,
  slug: string,
  personId: string | null,
): Promise<{
  group: GroupForViewer;
  membership: { state: MembershipState; role: GroupRole } | null;
} | null> {
  const [row] = await preparedQuery(db, "group_for_viewer", groupForViewer).execute({
    slug,
    personId,
  });
  if (!row) return null;
  const { state, role, ...group } = row;
  return { group, membership: state !== null && role !== null ? { state, role } : null };
}

const membershipOf = (db: Executor) =>
  db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, sql.placeholder("groupId")),
        eq(memberships.personId, sql.placeholder("personId")),
      ),
    )
    .limit(1)
    .prepare("membership_of");

export async function getMembership(
  db: Executor,
  groupId: string,
  personId: string,
): Promise<Membership | null> {
  const [row] = await preparedQuery(db, "membership_of", membershipOf).execute({
    groupId,
    personId,
  });
  return row ?? null;
}

/** Requests waiting for the facilitators, oldest first, with the name each person chose. */
export async function listRequests(db: Executor, groupId: string) {
  const requests = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.state, "requested")))
    .orderBy(asc(memberships.requestedAt));
  const names = new Map(
    (
      await listContacts(
        db,
        requests.map((r) => r.personId),
      )
    ).map((c) => [c.id, c.displayName]),
  );
  return requests.map((r) => ({
    id: r.id,
    displayName: names.get(r.personId) ?? "",
    message: r.requestMessage,
    requestedAt: r.requestedAt,
  }));
}

/** 1 for the first person waiting, and so on; null when not waiting. */
export async function waitlistPosition(db: Executor, groupId: string, personId: string) {
  const [row] = await db
    .select({ position: sql<number>`position::int` })
    .from(
      sql`(select person_id, row_number() over (order by waitlisted_at, created_at) as position
           from ${memberships} where group_id = ${groupId} and state = 'waitlisted') as queue`,
    )
    .where(sql`queue.person_id = ${personId}`);
  return row?.position ?? null;
}

/**
 * An active membership that still takes part: everyone active but a guide after the group's
 * handover, who is then an observer (no member list, no private details, no powers).
 */
const takesPart = (now: Date) =>
  sql`${memberships.state} = 'active' and not (${memberships.role} = 'guide' and exists (
    select 1 from ${groups} g where g.id = ${memberships.groupId}
      and g.handover_at is not null and g.handover_at <= ${now.toISOString()}::timestamptz))`;

/**
 * The ids of a group's members taking part now, as a subquery another feature's statement can
 * carry: the same rule as participantIds, in one round trip with that statement.
 */
export function participantsOf(groupId: string, now: Date) {
  return sql`select ${memberships.personId} from ${memberships}
    where ${memberships.groupId} = ${groupId} and ${takesPart(now)}`;
}

/** The people who lead the group now: its active facilitators, and its guide until the handover. */
export async function listFacilitators(
  db: Executor,
  groupId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        takesPart(now),
        sql`${memberships.role} in ('facilitator', 'guide')`,
      ),
    );
  return rows.map((r) => r.personId);
}

/** The ids of the group's active members (facilitators and guide included). */
export async function activeMemberIds(db: Executor, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.state, "active")));
  return rows.map((r) => r.personId);
}

/**
 * Whether a person is an active member of a group, their membership held (FOR SHARE) until the
 * transaction ends. A removal or a leaving at the same moment then either waits, and takes back
 * what the member was doing with the rest of their part in the meetings ahead, or has happened
 * already, and the member's action is refused.
 */
export async function holdActiveMembership(
  tx: Executor,
  groupId: string,
  personId: string,
): Promise<boolean> {
  const held = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        eq(memberships.personId, personId),
        eq(memberships.state, "active"),
      ),
    )
    .for("share");
  return held.length === 1;
}

/**
 * The members who take part now, to write to about the group's meetings: the active members
 * without an observer (a guide after the handover), who is not to have the meetings' private
 * details such as the video link and the dial-in PIN.
 */
export async function participantIds(db: Executor, groupId: string, now: Date): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), takesPart(now)));
  return rows.map((r) => r.personId);
}

export type ActiveMember = { personId: string; displayName: string; role: GroupRole };

/** The group's active members with the names they chose, for its members' eyes only. */
export async function listActiveMembers(db: Executor, groupId: string): Promise<ActiveMember[]> {
  const rows = await db
    .select({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.state, "active")))
    .orderBy(asc(memberships.joinedAt), asc(memberships.createdAt));
  const names = new Map(
    (
      await listContacts(
        db,
        rows.map((r) => r.personId),
      )
    ).map((c) => [c.id, c.displayName]),
  );
  return rows.map((r) => ({ ...r, displayName: names.get(r.personId) ?? "" }));
}

/** The people who were still members of the group when it closed (or split). */
export async function listFormerMembers(
  db: Executor,
  groupId: string,
  closedAt: Date,
): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        sql`${memberships.endedAt} >= ${closedAt.toISOString()}::timestamptz`,
        // Waiting or asking to join when it closed is not having been a member.
        isNotNull(memberships.joinedAt),
      ),
    )
    .orderBy(asc(memberships.joinedAt));
  return rows.map((r) => r.personId);
}

export type StandingIn = { group: Group; membership: Membership | null; standing: Standing };

/**
 * An open (not closed) group by its address, with the person's membership and where they stand
 * in it: what every member-only API route starts from. Null when there is no such group.
 */
export async function standingIn(
  db: Executor,
  slug: string,
  personId: string,
  now: Date,
): Promise<StandingIn | null> {
  const group = await getGroupBySlug(db, slug);
  if (!group || group.status === "closed") return null;
  const membership = await getMembership(db, group.id, personId);
  return { group, membership, standing: standing(membership, group, now) };
}

/**
 * A person's places in groups, for their own copy of their data: every group they joined, waited
 * for or asked to join, with what they wrote when asking, and what became of it.
 */
export async function personalMemberships(db: Executor, personId: string) {
  return db
    .select({
      group: groups.name,
      address: groups.slug,
      state: memberships.state,
      role: memberships.role,
      askedAt: memberships.requestedAt,
      whatYouWrote: memberships.requestMessage,
      answer: memberships.decisionMessage,
      waitingSince: memberships.waitlistedAt,
      placeOfferedUntil: memberships.offerExpiresAt,
      joinedAt: memberships.joinedAt,
      agreementAcceptedAt: memberships.agreementAcceptedAt,
      endedAt: memberships.endedAt,
    })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(memberships.createdAt));
}

/**
 * Whether a request to join this group was decided already (accepted, put on the waiting list
 * or declined): the facilitator's decision sent twice finds it so.
 */
export async function decidedRequest(
  db: Executor,
  groupId: string,
  membershipId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ state: memberships.state, requestedAt: memberships.requestedAt })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.groupId, groupId)));
  return row !== undefined && row.state !== "requested" && row.requestedAt !== null;
}

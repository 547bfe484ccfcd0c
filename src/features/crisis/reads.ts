import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { displayNameOf } from "../accounts/reads.js";
import { boardPosts } from "../board/tables.js";
import { groups } from "../groups/tables.js";
import { listFacilitators } from "../memberships/reads.js";
import { ALERT_LINK_DAYS } from "./policy.js";
import { backupContacts, crisisAlertLinks, crisisAlerts, safeguardingLeads } from "./tables.js";

export type BackupRow = typeof backupContacts.$inferSelect;

export async function getBackupContact(db: Executor, groupId: string): Promise<BackupRow | null> {
  const [row] = await db.select().from(backupContacts).where(eq(backupContacts.groupId, groupId));
  return row ?? null;
}

/** The organisation's safeguarding lead, if it named one. */
export async function getSafeguardingLead(
  db: Executor,
  organisationId: string | null,
): Promise<string | null> {
  if (!organisationId) return null;
  const [row] = await db
    .select({ personId: safeguardingLeads.personId })
    .from(safeguardingLeads)
    .where(eq(safeguardingLeads.organisationId, organisationId));
  return row?.personId ?? null;
}

/**
 * The person who is the group's backup contact now: the facilitator or guide named, or whoever
 * is the organisation's lead today. Null when there is none.
 */
export async function backupPersonOf(
  db: Executor,
  group: { id: string; organisationId: string | null },
): Promise<string | null> {
  const backup = await getBackupContact(db, group.id);
  if (!backup) return null;
  if (backup.kind === "safeguarding_lead") return getSafeguardingLead(db, group.organisationId);
  return backup.personId;
}

/**
 * Who an alert's e-mail goes to in each round: those who lead the group and its backup contact
 * (rounds 0 and 1), then the organisation's lead (round 2). Never the person it is about.
 */
export async function alertRecipients(
  db: Executor,
  alert: { groupId: string; subjectId: string | null },
  round: number,
  now: Date,
): Promise<string[]> {
  const [group] = await db
    .select({ id: groups.id, organisationId: groups.organisationId })
    .from(groups)
    .where(eq(groups.id, alert.groupId));
  if (!group) return [];
  const people =
    round < 2
      ? [...(await listFacilitators(db, group.id, now)), await backupPersonOf(db, group)]
      : [await getSafeguardingLead(db, group.organisationId)];
  const wanted = people.filter((id): id is string => id !== null && id !== alert.subjectId);
  return [...new Set(wanted)];
}

const alertFields = {
  id: crisisAlerts.id,
  groupId: crisisAlerts.groupId,
  postId: crisisAlerts.postId,
  subjectId: crisisAlerts.subjectId,
  source: crisisAlerts.source,
  category: crisisAlerts.category,
  raisedBy: crisisAlerts.raisedBy,
  state: crisisAlerts.state,
  note: crisisAlerts.note,
  createdAt: crisisAlerts.createdAt,
  firstSeenAt: crisisAlerts.firstSeenAt,
  firstSeenBy: crisisAlerts.firstSeenBy,
  actedAt: crisisAlerts.actedAt,
  closedAt: crisisAlerts.closedAt,
  round: crisisAlerts.round,
  subjectName: displayNameOf(crisisAlerts.subjectId),
  raisedByName: displayNameOf(crisisAlerts.raisedBy),
  firstSeenByName: displayNameOf(crisisAlerts.firstSeenBy),
  threadId: sql<string | null>`(select ${boardPosts.threadId} from ${boardPosts}
    where ${boardPosts.id} = ${crisisAlerts.postId})`,
  groupName: groups.name,
  groupSlug: groups.slug,
  groupTimeZone: groups.timeZone,
};

const alerts = (db: Executor) =>
  db.select(alertFields).from(crisisAlerts).innerJoin(groups, eq(groups.id, crisisAlerts.groupId));

/** An alert with the names its handlers read: the person, who raised it, who looked first. */
export type AlertRow = Awaited<ReturnType<typeof alerts>>[number];

/**
 * One of the group's alerts, unless it is about the person asking: nobody handles an alert about
 * themselves, so a facilitator who wrote the words, or whom a member was worried about, never
 * sees that alert, nor who raised it.
 */
export async function getAlert(
  db: Executor,
  groupId: string,
  alertId: string,
  viewerId: string,
): Promise<AlertRow | null> {
  const [row] = await alerts(db).where(
    and(
      eq(crisisAlerts.id, alertId),
      eq(crisisAlerts.groupId, groupId),
      sql`${crisisAlerts.subjectId} is distinct from ${viewerId}`,
    ),
  );
  return row ?? null;
}

/** An alert by its id alone: for one opened through its e-mailed link. */
export async function getAlertById(db: Executor, alertId: string): Promise<AlertRow | null> {
  const [row] = await alerts(db).where(eq(crisisAlerts.id, alertId));
  return row ?? null;
}

/** Alerts shown in a list: every open one, and the latest closed ones. */
const CLOSED_SHOWN = 50;

/** The group's alerts for one of those who handle them: open ones first, newest first. */
export async function listAlerts(
  db: Executor,
  groupId: string,
  viewerId: string,
): Promise<AlertRow[]> {
  const mine = and(
    eq(crisisAlerts.groupId, groupId),
    sql`${crisisAlerts.subjectId} is distinct from ${viewerId}`,
  );
  const open = await alerts(db)
    .where(and(mine, ne(crisisAlerts.state, "closed")))
    .orderBy(desc(crisisAlerts.createdAt), desc(crisisAlerts.id));
  const closed = await alerts(db)
    .where(and(mine, eq(crisisAlerts.state, "closed")))
    .orderBy(desc(crisisAlerts.closedAt))
    .limit(CLOSED_SHOWN);
  return [...open, ...closed];
}

/**
 * The alert an e-mailed link opens, with the person it was sent to; null for a link unknown or
 * older than ALERT_LINK_DAYS.
 */
export async function getAlertByLink(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ alert: AlertRow; personId: string } | null> {
  const [link] = await db
    .select()
    .from(crisisAlertLinks)
    .where(eq(crisisAlertLinks.tokenHash, tokenHash));
  if (!link || link.createdAt.getTime() < now.getTime() - ALERT_LINK_DAYS * 86_400_000) {
    return null;
  }
  const alert = await getAlertById(db, link.alertId);
  return alert ? { alert, personId: link.personId } : null;
}

/** Whether words in this post already raised an alert that is still open. */
export async function hasOpenPhraseAlert(db: Executor, postId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: crisisAlerts.id })
    .from(crisisAlerts)
    .where(
      and(
        eq(crisisAlerts.postId, postId),
        eq(crisisAlerts.source, "phrase"),
        ne(crisisAlerts.state, "closed"),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Alerts a worried member raised about a post: one each. */
export async function hasWorried(db: Executor, postId: string, personId: string) {
  const [row] = await db
    .select({ id: crisisAlerts.id })
    .from(crisisAlerts)
    .where(and(eq(crisisAlerts.postId, postId), eq(crisisAlerts.raisedBy, personId)))
    .limit(1);
  return row !== undefined;
}

import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { hashSecret, newSecret } from "../../../infra/crypto/tokens.js";
import { claimLapsed, claimsOn } from "../../../infra/db/claims.js";
import type { Database, Executor } from "../../../infra/db/database.js";
import { DAY_MS } from "../../../infra/time/zoned.js";
import { participantsOf } from "../../memberships/reads.js";
import { ROTA_WINDOW_MS } from "../policy.js";
import {
  digestsSent,
  meetings,
  type ReminderKind,
  reminderPreferences,
  remindersSent,
  type SentKind,
  unsubscribeLinks,
} from "../tables.js";

export type Preferences = {
  dayBefore: boolean;
  hourBefore: boolean;
  weeklyDigest: boolean;
  rotaRequests: boolean;
};

const HOUR_MS = 3_600_000;

/** A member's choice of e-mails from a group. */
export async function savePreferences(
  db: Executor,
  input: { groupId: string; personId: string } & Preferences,
  now: Date,
): Promise<void> {
  const { groupId, personId, ...choice } = input;
  await db
    .insert(reminderPreferences)
    .values({ groupId, personId, ...choice, updatedAt: now })
    .onConflictDoUpdate({
      target: [reminderPreferences.groupId, reminderPreferences.personId],
      set: { ...choice, updatedAt: now },
    });
}

/** Each person's choice of e-mails from one group, carried to the group they move to (a split). */
export async function carryPreferences(
  db: Executor,
  fromGroupId: string,
  moves: { personId: string; groupId: string }[],
  now: Date,
): Promise<void> {
  if (moves.length === 0) return;
  const chosen = await db
    .select()
    .from(reminderPreferences)
    .where(
      and(
        eq(reminderPreferences.groupId, fromGroupId),
        inArray(
          reminderPreferences.personId,
          moves.map((m) => m.personId),
        ),
      ),
    );
  const to = new Map(moves.map((m) => [m.personId, m.groupId]));
  const rows = chosen.flatMap(({ groupId: _from, personId, updatedAt: _at, ...choice }) => {
    const groupId = to.get(personId);
    return groupId ? [{ groupId, personId, ...choice, updatedAt: now }] : [];
  });
  if (rows.length > 0) await db.insert(reminderPreferences).values(rows).onConflictDoNothing();
}

/** A link that turns off every reminder, digest and request for a facilitator of one group. */
export async function issueUnsubscribeLink(
  db: Executor,
  input: { groupId: string; personId: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  await db
    .insert(unsubscribeLinks)
    .values({ tokenHash: hashSecret(token), ...input, createdAt: now });
  return token;
}

/** How long an unsubscribe link works: longer than anyone keeps a reminder. */
export const UNSUBSCRIBE_LINK_DAYS = 180;

/** Follows an unsubscribe link: the group's reminders, digest and requests for a facilitator stop. */
export async function unsubscribe(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ ok: true; groupId: string } | { ok: false; reason: "UNKNOWN_LINK" }> {
  const [link] = await db
    .select()
    .from(unsubscribeLinks)
    .where(eq(unsubscribeLinks.tokenHash, hashSecret(token)))
    .limit(1);
  if (!link || link.createdAt.getTime() < now.getTime() - UNSUBSCRIBE_LINK_DAYS * DAY_MS)
    return { ok: false, reason: "UNKNOWN_LINK" };
  await savePreferences(
    db,
    {
      groupId: link.groupId,
      personId: link.personId,
      dayBefore: false,
      hourBefore: false,
      weeklyDigest: false,
      rotaRequests: false,
    },
    now,
  );
  return { ok: true, groupId: link.groupId };
}

/** A meeting whose reminder is due now: the day before (up to an hour before), or the hour before. */
export type DueReminder = { meetingId: string; groupId: string; kind: ReminderKind };

export async function listDueReminders(db: Executor, now: Date): Promise<DueReminder[]> {
  const rows = await db
    .select({ meetingId: meetings.id, groupId: meetings.groupId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "scheduled"),
        sql`${meetings.startsAt} > ${now.toISOString()}::timestamptz`,
        lte(meetings.startsAt, new Date(now.getTime() + DAY_MS)),
        sql`exists (select 1 from groups g where g.id = ${meetings.groupId} and g.status = 'active')`,
      ),
    );
  return rows.map((r) => ({
    meetingId: r.meetingId,
    groupId: r.groupId,
    kind: r.startsAt.getTime() - now.getTime() <= HOUR_MS ? "hour" : "day",
  }));
}

/**
 * Claims the reminder for every member taking part who wants it and has not had it: the claim is the
 * row in reminders_sent, made once whichever instance gets there first, or again once it has
 * lapsed unsettled (see infra/db/claims.ts). Returns whom to send to.
 */
export async function claimReminder(db: Executor, due: DueReminder, now: Date): Promise<string[]> {
  const wants =
    due.kind === "day" ? sql`coalesce(p.day_before, true)` : sql`coalesce(p.hour_before, true)`;
  const result = await db.execute<{ person_id: string }>(sql`
    insert into ${remindersSent} (meeting_id, person_id, kind, sent_at)
    select ${due.meetingId}, m.person_id, ${due.kind}, ${now.toISOString()}::timestamptz
    from memberships m
    left join ${reminderPreferences} p on p.group_id = m.group_id and p.person_id = m.person_id
    where m.group_id = ${due.groupId} and ${wants}
      -- Not an observer (a guide after the handover), who is not sent the meeting's link and PIN.
      and m.person_id in (${participantsOf(due.groupId, now)})
    on conflict (meeting_id, person_id, kind) do update set sent_at = excluded.sent_at
      where ${claimLapsed(remindersSent, now)}
    returning person_id`);
  return result.rows.map((r) => r.person_id);
}

type ReminderClaim = { meetingId: string; personId: string; kind: SentKind };

/**
 * A reminder or a request for a facilitator, one per member and meeting: settled once the mail
 * server took it (or refused it for good), so it is not sent again; released when it could not
 * go, so the next round tries again. Reminders are claimed for a whole meeting at once
 * (claimReminder); a request for a facilitator one member at a time (claimRotaRequest).
 */
const sentToMembers = claimsOn<ReminderClaim>(remindersSent, {
  meetingId: remindersSent.meetingId,
  personId: remindersSent.personId,
  kind: remindersSent.kind,
});
export const { settle: settleReminder, release: releaseReminder } = sentToMembers;

/** Claims one member's request for a facilitator of one meeting; false when it already went. */
export function claimRotaRequest(
  db: Executor,
  claim: { meetingId: string; personId: string },
  now: Date,
): Promise<boolean> {
  return sentToMembers.claim(db, { ...claim, kind: "rota" }, now);
}

/**
 * A request for a facilitator that could not be sent: released, with the meeting, so the next
 * round asks again, writing only to the members who have not had it.
 */
export async function releaseRotaRequest(
  db: Database,
  claim: { meetingId: string; personId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await sentToMembers.release(tx, { ...claim, kind: "rota" });
    await tx
      .update(meetings)
      .set({ rotaAskedAt: null, rotaSettledAt: null })
      .where(eq(meetings.id, claim.meetingId));
  });
}

type DigestClaim = { groupId: string; personId: string; weekOf: string };

/**
 * The week a digest belongs to, named by its Monday (UTC): the round sent on Monday morning and
 * a retry of it on Tuesday, after the mail server was away, are the same week's.
 */
export function digestWeek(now: Date): string {
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(now.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One person's digest of one group for a week: claimed before it is sent (false when it is
 * already theirs), settled once the mail server took it (or refused it for good), released when
 * it could not go, so the round run again sends it.
 */
export const {
  claim: claimDigest,
  settle: settleDigest,
  release: releaseDigest,
} = claimsOn<DigestClaim>(digestsSent, {
  groupId: digestsSent.groupId,
  personId: digestsSent.personId,
  weekOf: digestsSent.weekOf,
});

/**
 * The round that claimed the meeting at `claimedAt` has asked every member: settled, unless a
 * member's request is still held by another instance (then the claim lapses and is made again),
 * or the meeting has been released or claimed again since.
 */
export async function settleMeetingRota(
  db: Executor,
  meeting: { id: string; claimedAt: Date },
  now: Date,
) {
  await db
    .update(meetings)
    .set({ rotaSettledAt: now })
    .where(
      and(
        eq(meetings.id, meeting.id),
        eq(meetings.rotaAskedAt, meeting.claimedAt),
        sql`not exists (select 1 from ${remindersSent} r where r.meeting_id = ${meetings.id}
          and r.kind = 'rota' and r.settled_at is null)`,
      ),
    );
}

/**
 * Meetings within a week that nobody has offered to facilitate, each claimed once: the group is
 * asked by e-mail one time, whichever instance claims it. A claim an instance never settled (it
 * stopped half way) is made again once it lapses; the members already written to are not
 * written to again (claimRotaRequest).
 */
export async function claimMeetingsWithoutFacilitator(db: Database, now: Date) {
  return db
    .update(meetings)
    .set({ rotaAskedAt: now, rotaSettledAt: null })
    .where(
      and(
        eq(meetings.status, "scheduled"),
        isNull(meetings.facilitatorId),
        or(
          isNull(meetings.rotaAskedAt),
          claimLapsed({ sentAt: meetings.rotaAskedAt, settledAt: meetings.rotaSettledAt }, now),
        ),
        sql`${meetings.startsAt} > ${now.toISOString()}::timestamptz`,
        lte(meetings.startsAt, new Date(now.getTime() + ROTA_WINDOW_MS)),
        sql`exists (select 1 from groups g where g.id = ${meetings.groupId} and g.status = 'active')`,
      ),
    )
    .returning();
}

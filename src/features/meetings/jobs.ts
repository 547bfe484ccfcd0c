import { and, asc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../infra/db/database.js";
import type { AppDeps } from "../../infra/http/deps.js";
import type { JobSet } from "../../infra/jobs/runner.js";
import { refusedForGood } from "../../infra/mail/mailer.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { listContacts } from "../accounts/reads.js";
import { type Group, getGroupById } from "../groups/reads.js";
import { participantIds } from "../memberships/reads.js";
import { digestMessage, type Links, reminderMessage, rotaMessage } from "./reminders/mail.js";
import { listGroupsWithDigest, wantRotaRequests } from "./reminders/reads.js";
import {
  claimDigest,
  claimMeetingsWithoutFacilitator,
  claimReminder,
  claimRotaRequest,
  digestWeek,
  issueUnsubscribeLink,
  listDueReminders,
  releaseDigest,
  releaseReminder,
  releaseRotaRequest,
  settleDigest,
  settleMeetingRota,
  settleReminder,
} from "./reminders/writes.js";
import { meetingPlans, meetings } from "./tables.js";
import { PLAN_WEEKS, planMeetings } from "./writes.js";

/** Groups planned per round, and the pause between rounds: the nightly planning of a large
 * network (100,000 groups) must leave the database to the people using it. */
const PLAN_BATCH = 200;
const PLAN_PAUSE_MS = 1000;

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;

/**
 * Plans the meetings of every active group whose plan no longer reaches 12 weeks ahead (or that
 * was never planned): the rolling window moves on by a day each day.
 */
export async function planDueGroups(
  db: Database,
  now: Date,
  pauseMs = PLAN_PAUSE_MS,
): Promise<number> {
  const reach = new Date(now.getTime() + PLAN_WEEKS * 7 * DAY_MS - DAY_MS);
  let planned = 0;
  for (;;) {
    const due = await db
      .select({ id: sql<string>`g.id` })
      .from(sql`groups g`)
      .leftJoin(meetingPlans, sql`${meetingPlans.groupId} = g.id`)
      .where(
        and(
          sql`g.status = 'active'`,
          or(isNull(meetingPlans.groupId), lt(meetingPlans.plannedUntil, reach)),
        ),
      )
      .limit(PLAN_BATCH);
    if (due.length === 0) return planned;
    for (const { id } of due) {
      const group = await getGroupById(db, id);
      if (group) await planMeetings(db, group, now);
      planned += 1;
    }
    if (due.length === PLAN_BATCH) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

function linksFor(deps: Deps, group: Group, meetingId: string | null, token: string): Links {
  const base = deps.config.publicUrl;
  return {
    meeting: new URL(
      meetingId ? `/groups/${group.slug}/meetings/${meetingId}` : `/groups/${group.slug}/meetings`,
      base,
    ).toString(),
    preferences: new URL(`/groups/${group.slug}/reminders`, base).toString(),
    unsubscribe: new URL(`/unsubscribe/${token}`, base).toString(),
  };
}

/**
 * Sends the reminders that are due: each claimed per person before it is sent, so two
 * instances running this at once never send the same reminder twice. Returns how many went.
 */
export async function sendDueReminders(deps: Deps, now: Date): Promise<number> {
  const { db, mailer } = deps;
  let sent = 0;
  for (const due of await listDueReminders(db, now)) {
    const recipients = await claimReminder(db, due, now);
    if (recipients.length === 0) continue;
    const group = await getGroupById(db, due.groupId);
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, due.meetingId));
    if (!group || !meeting) continue;
    const readers = await listContacts(db, recipients);
    for (const [index, reader] of readers.entries()) {
      const claim = { meetingId: meeting.id, personId: reader.id, kind: due.kind };
      try {
        const token = await issueUnsubscribeLink(
          db,
          { groupId: group.id, personId: reader.id },
          now,
        );
        await mailer.send(
          reminderMessage(
            reader,
            group,
            meeting,
            due.kind,
            linksFor(deps, group, meeting.id, token),
          ),
        );
        await settleReminder(db, claim, now);
        sent += 1;
      } catch (error) {
        // An address the mail server refuses for good is settled: it is not tried again, and
        // the others are still written to.
        if (refusedForGood(error)) {
          await settleReminder(db, claim, now);
          continue;
        }
        // This reader's reminder and those of everyone after them were claimed but not sent:
        // released, the next round sends them.
        for (const unsent of readers.slice(index)) {
          await releaseReminder(db, { meetingId: meeting.id, personId: unsent.id, kind: due.kind });
        }
        throw error;
      }
    }
  }
  return sent;
}

/**
 * Asks each group, once per meeting, for a volunteer when a meeting a week out has none: the
 * meeting is claimed, then each member before they are written to, so a round that failed half
 * way is finished by the next one without writing to anyone twice.
 */
export async function askForFacilitators(deps: Deps, now: Date): Promise<number> {
  const { db, mailer } = deps;
  let asked = 0;
  for (const meeting of await claimMeetingsWithoutFacilitator(db, now)) {
    const group = await getGroupById(db, meeting.groupId);
    if (!group) continue;
    const askable = await wantRotaRequests(db, group.id, await participantIds(db, group.id, now));
    for (const reader of await listContacts(db, askable)) {
      const claim = { meetingId: meeting.id, personId: reader.id };
      if (!(await claimRotaRequest(db, claim, now))) continue;
      try {
        const token = await issueUnsubscribeLink(
          db,
          { groupId: group.id, personId: reader.id },
          now,
        );
        await mailer.send(
          rotaMessage(reader, group, meeting, linksFor(deps, group, meeting.id, token)),
        );
        await settleReminder(db, { ...claim, kind: "rota" }, now);
        asked += 1;
      } catch (error) {
        if (refusedForGood(error)) {
          await settleReminder(db, { ...claim, kind: "rota" }, now);
          continue;
        }
        await releaseRotaRequest(db, claim);
        throw error;
      }
    }
    await settleMeetingRota(db, { id: meeting.id, claimedAt: meeting.rotaAskedAt ?? now }, now);
  }
  return asked;
}

/**
 * The week ahead, for every member who asked for a weekly digest of a group: each claimed per
 * person and day before it is sent, so a round run again (the job is retried after a failure)
 * sends only what is still to send.
 */
export async function sendDigests(deps: Deps, now: Date): Promise<number> {
  const { db, mailer } = deps;
  const weekEnd = new Date(now.getTime() + 7 * DAY_MS);
  const weekOf = digestWeek(now);
  let sent = 0;
  for (const { groupId, personIds } of await listGroupsWithDigest(db)) {
    const group = await getGroupById(db, groupId);
    if (group?.status !== "active") continue;
    const week = await db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.groupId, groupId),
          gt(meetings.startsAt, now),
          lt(meetings.startsAt, weekEnd),
        ),
      )
      .orderBy(asc(meetings.startsAt));
    // Not to an observer (a guide after the handover), who may have asked for it before.
    const taking = new Set(await participantIds(db, groupId, now));
    const readers = await listContacts(
      db,
      personIds.filter((id) => taking.has(id)),
    );
    for (const reader of readers) {
      const claim = { groupId, personId: reader.id, weekOf };
      if (!(await claimDigest(db, claim, now))) continue;
      try {
        const token = await issueUnsubscribeLink(db, { groupId, personId: reader.id }, now);
        await mailer.send(digestMessage(reader, group, week, linksFor(deps, group, null, token)));
        await settleDigest(db, claim, now);
        sent += 1;
      } catch (error) {
        if (refusedForGood(error)) {
          await settleDigest(db, claim, now);
          continue;
        }
        await releaseDigest(db, claim);
        throw error;
      }
    }
  }
  return sent;
}

/** The meetings' scheduled work, for the job queue. Times are UTC. */
export function meetingJobs(deps: Deps): JobSet {
  return {
    tasks: {
      "meetings.plan": async () => {
        await planDueGroups(deps.db, deps.clock());
      },
      "meetings.reminders": async () => {
        await sendDueReminders(deps, deps.clock());
      },
      "meetings.rota": async () => {
        await askForFacilitators(deps, deps.clock());
      },
      "meetings.digest": async () => {
        await sendDigests(deps, deps.clock());
      },
    },
    schedule: [
      { task: "meetings.plan", match: "17 3 * * *", identifier: "meetings.plan" },
      { task: "meetings.reminders", match: "* * * * *", identifier: "meetings.reminders" },
      { task: "meetings.rota", match: "7 * * * *", identifier: "meetings.rota" },
      { task: "meetings.digest", match: "0 7 * * 1", identifier: "meetings.digest" },
    ],
  };
}

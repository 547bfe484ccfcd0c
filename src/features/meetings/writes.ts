import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../infra/db/database.js";
import { expandSchedule, type Schedule } from "../../infra/time/recurrence.js";
import { DAY_MS, instantFromWall, parseLocalDate, parseLocalTime } from "../../infra/time/zoned.js";
import { meetingUid } from "../groups/calendar/present.js";
import type { Group } from "../groups/reads.js";
import { holdActiveMembership } from "../memberships/reads.js";
import { meetingPlans, meetingResponses, meetings, themeSuggestions } from "./tables.js";

/** How far ahead a group's meetings are planned from its schedule. */
export const PLAN_WEEKS = 12;
const PLAN_MS = PLAN_WEEKS * 7 * DAY_MS;

export type Meeting = typeof meetings.$inferSelect;

/** A schedule-planned meeting that a change of schedule took away, to tell its members. */
export type PlanChanges = { added: number; removed: number; cancelled: Meeting[] };

type SchedulableGroup = Pick<
  Group,
  "id" | "status" | "rrule" | "startsOn" | "startTime" | "timeZone" | "durationMinutes" | "oneOffs"
>;

function scheduleOf(group: SchedulableGroup): Schedule {
  return {
    rrule: group.rrule,
    startsOn: group.startsOn,
    startTime: group.startTime,
    timeZone: group.timeZone,
    durationMinutes: group.durationMinutes,
    oneOffs: group.oneOffs,
  };
}

/**
 * Plans the group's meetings for the next 12 weeks from its schedule, and keeps them true to it:
 * new occurrences are added; a planned meeting the schedule no longer has is removed, or
 * cancelled if anyone had answered, volunteered or chosen a theme for it; a meeting whose time
 * changed with the schedule moves (its SEQUENCE rises). Meetings moved or cancelled by hand, and
 * one-off meetings, are left as the facilitators made them. Safe to run again at any time.
 */
export async function planMeetings(
  db: Database,
  group: SchedulableGroup,
  now: Date,
): Promise<PlanChanges> {
  return db.transaction((tx) => planMeetingsIn(tx, group, now));
}

export async function planMeetingsIn(
  tx: Executor,
  group: SchedulableGroup,
  now: Date,
): Promise<PlanChanges> {
  const until = new Date(now.getTime() + PLAN_MS);
  // One planner per group at a time: the plan row is the lock.
  await tx
    .insert(meetingPlans)
    .values({ groupId: group.id, plannedUntil: now, updatedAt: now })
    .onConflictDoNothing();
  await tx.select().from(meetingPlans).where(eq(meetingPlans.groupId, group.id)).for("update");

  let wanted: ReturnType<typeof expandSchedule> = [];
  if (group.status === "active") {
    try {
      wanted = expandSchedule(scheduleOf(group), { from: now, to: until });
    } catch (error) {
      // A stored schedule that can no longer be read plans nothing, rather than failing.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const byKey = new Map(wanted.map((o) => [o.localDate, o]));

  const planned = await tx
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, group.id),
        isNotNull(meetings.occurrenceKey),
        gt(meetings.startsAt, now),
      ),
    );
  const changes: PlanChanges = { added: 0, removed: 0, cancelled: [] };
  const engaged = await engagedMeetingIds(
    tx,
    planned.map((m) => m.id),
  );
  for (const meeting of planned) {
    const occurrence = byKey.get(meeting.occurrenceKey!);
    if (meeting.moved || meeting.status === "cancelled") continue;
    if (!occurrence) {
      if (engaged.has(meeting.id)) {
        const [cancelled] = await tx
          .update(meetings)
          .set({
            status: "cancelled",
            changeReason: null,
            sequence: sql`${meetings.sequence} + 1`,
            updatedAt: now,
          })
          .where(eq(meetings.id, meeting.id))
          .returning();
        changes.cancelled.push(cancelled!);
      } else {
        await tx.delete(meetings).where(eq(meetings.id, meeting.id));
        changes.removed += 1;
      }
      continue;
    }
    if (
      occurrence.startsAt.getTime() !== meeting.startsAt.getTime() ||
      occurrence.endsAt.getTime() !== meeting.endsAt.getTime()
    ) {
      await tx
        .update(meetings)
        .set({
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          sequence: sql`${meetings.sequence} + 1`,
          updatedAt: now,
        })
        .where(eq(meetings.id, meeting.id));
    }
  }
  if (wanted.length > 0) {
    const added = await tx
      .insert(meetings)
      .values(
        wanted.map((o) => ({
          groupId: group.id,
          occurrenceKey: o.localDate,
          uid: meetingUid(group.id, o.localDate),
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          createdAt: now,
          updatedAt: now,
        })),
      )
      // Already planned (perhaps moved or cancelled by hand), or under way: left as it is.
      .onConflictDoNothing()
      .returning({ id: meetings.id });
    changes.added = added.length;
  }
  await tx
    .update(meetingPlans)
    .set({ plannedUntil: until, updatedAt: now })
    .where(eq(meetingPlans.groupId, group.id));
  return changes;
}

/** Meetings someone has answered, volunteered for or given a theme: not removed silently. */
async function engagedMeetingIds(tx: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        inArray(meetings.id, ids),
        sql`(${meetings.facilitatorId} is not null or ${meetings.theme} is not null
          or exists (select 1 from ${meetingResponses} r where r.meeting_id = ${meetings.id})
          or exists (select 1 from ${themeSuggestions} s where s.meeting_id = ${meetings.id}))`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** A local date and wall-clock time in a zone, as an instant; null if either cannot be read. */
export function instantIn(date: string, time: string, timeZone: string): Date | null {
  const day = parseLocalDate(date);
  const clock = parseLocalTime(time);
  if (day === null || clock === null) return null;
  return instantFromWall(day + clock, timeZone);
}

export type AddResult =
  | { ok: true; meeting: Meeting }
  | { ok: false; reason: "IN_THE_PAST" | "CLOCK_CHANGE" };

/** A one-off meeting the facilitators add, outside the regular schedule. */
export async function addMeeting(
  db: Executor,
  input: {
    group: Pick<Group, "id" | "timeZone">;
    date: string;
    startTime: string;
    endTime: string;
    theme?: string | undefined;
  },
  now: Date,
): Promise<AddResult> {
  const startsAt = instantIn(input.date, input.startTime, input.group.timeZone);
  const endsAt = instantIn(input.date, input.endTime, input.group.timeZone);
  if (!startsAt || !endsAt || startsAt <= now) return { ok: false, reason: "IN_THE_PAST" };
  // A start the clocks skip (02:30 on the night summer time begins) is read as the hour after,
  // which can fall after the end the person typed.
  if (endsAt <= startsAt) return { ok: false, reason: "CLOCK_CHANGE" };
  const id = randomUUID();
  const [meeting] = await db
    .insert(meetings)
    .values({
      id,
      groupId: input.group.id,
      occurrenceKey: null,
      uid: `${id}@mutua`,
      startsAt,
      endsAt,
      theme: input.theme ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { ok: true, meeting: meeting! };
}

/** The meeting, locked for the rest of the transaction; null when it is not the group's. */
export async function lockMeeting(tx: Executor, groupId: string, meetingId: string) {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)))
    .for("update");
  return meeting ?? null;
}

/**
 * A member's answer to "Will you come?"; answering again replaces the answer. Refused when they
 * are no longer a member (removed at the same moment).
 */
export async function respondToMeeting(
  db: Executor,
  input: { groupId: string; meetingId: string; personId: string; answer: "yes" | "no" | "maybe" },
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "NOT_A_MEMBER" }> {
  const { groupId, ...answer } = input;
  return db.transaction(async (tx) => {
    if (!(await holdActiveMembership(tx, groupId, input.personId))) {
      return { ok: false, reason: "NOT_A_MEMBER" } as const;
    }
    await tx
      .insert(meetingResponses)
      .values({ ...answer, updatedAt: now })
      .onConflictDoUpdate({
        target: [meetingResponses.meetingId, meetingResponses.personId],
        set: { answer: input.answer, updatedAt: now },
      });
    return { ok: true } as const;
  });
}

export async function suggestTheme(
  db: Executor,
  input: { meetingId: string; personId: string; text: string },
  now: Date,
): Promise<void> {
  await db.insert(themeSuggestions).values({ ...input, createdAt: now });
}

/** The facilitators choose the meeting's theme (empty: no theme). */
export async function chooseTheme(
  db: Executor,
  input: { meetingId: string; theme: string },
  now: Date,
): Promise<void> {
  await db
    .update(meetings)
    .set({ theme: input.theme === "" ? null : input.theme, updatedAt: now })
    .where(eq(meetings.id, input.meetingId));
}

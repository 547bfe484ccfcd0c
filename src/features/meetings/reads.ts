import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import { displayNameOf, listContacts } from "../accounts/reads.js";
import {
  attendance,
  meetingResponses,
  meetings,
  reminderPreferences,
  themeSuggestions,
} from "./tables.js";

export type MeetingRow = typeof meetings.$inferSelect;

export type MeetingListItem = MeetingRow & {
  myAnswer: string | null;
  coming: number;
  facilitatorName: string | null;
  present: number;
};

async function namesOf(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  return new Map((await listContacts(db, wanted)).map((c) => [c.id, c.displayName ?? ""] as const));
}

/**
 * A group's meetings that have not ended and start before `to`, cancelled ones included, with
 * the viewer's own answer, how many said yes, and the name of who facilitates: one query.
 */
const upcomingMeetings = (db: Executor) =>
  db
    .select({
      // Flat, so that each row is the list item itself: copying a nested row into a new object
      // cost a member's meetings page 3% of its time.
      ...getTableColumns(meetings),
      myAnswer: sql<string | null>`(select r.answer from ${meetingResponses} r
        where r.meeting_id = ${meetings.id} and r.person_id = ${sql.placeholder("viewerId")})`,
      coming: sql<number>`(select count(*)::int from ${meetingResponses} r
        where r.meeting_id = ${meetings.id} and r.answer = 'yes')`,
      facilitatorName: sql<string | null>`case when ${meetings.facilitatorId} is null then null
        else coalesce(${displayNameOf(meetings.facilitatorId)}, '') end`,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, sql.placeholder("groupId")),
        sql`${meetings.endsAt} > ${sql.placeholder("now")}::timestamptz`,
        sql`${meetings.startsAt} < ${sql.placeholder("to")}::timestamptz`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .prepare("upcoming_meetings");

export async function listUpcomingMeetings(
  db: Executor,
  groupId: string,
  viewerId: string,
  window: { now: Date; to: Date },
): Promise<MeetingListItem[]> {
  const rows = await preparedQuery(db, "upcoming_meetings", upcomingMeetings).execute({
    groupId,
    viewerId,
    now: window.now.toISOString(),
    to: window.to.toISOString(),
  });
  // Who was present is counted on the pages of meetings held, not in this list.
  for (const row of rows) (row as MeetingListItem).present = 0;
  return rows as MeetingListItem[];
}

/** Meetings held (not cancelled) that started between `since` and `now`, newest first. */
export async function listPastMeetings(
  db: Executor,
  groupId: string,
  window: { since: Date; now: Date },
): Promise<MeetingListItem[]> {
  const rows = await db
    .select({
      meeting: meetings,
      present: sql<number>`(select count(*)::int from ${attendance} a
        where a.meeting_id = ${meetings.id})`,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.status, "scheduled"),
        gte(meetings.startsAt, window.since),
        lte(meetings.startsAt, window.now),
      ),
    )
    .orderBy(desc(meetings.startsAt));
  const names = await namesOf(
    db,
    rows.map((r) => r.meeting.facilitatorId),
  );
  return rows.map((r) => ({
    ...r.meeting,
    myAnswer: null,
    coming: 0,
    present: r.present,
    facilitatorName: r.meeting.facilitatorId ? (names.get(r.meeting.facilitatorId) ?? "") : null,
  }));
}

export async function getMeeting(
  db: Executor,
  groupId: string,
  meetingId: string,
): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)))
    .limit(1);
  return row ?? null;
}

/** Who answered, and what: for the group's members. */
export async function listResponses(db: Executor, meetingId: string) {
  const rows = await db
    .select({ personId: meetingResponses.personId, answer: meetingResponses.answer })
    .from(meetingResponses)
    .where(eq(meetingResponses.meetingId, meetingId))
    .orderBy(asc(meetingResponses.updatedAt));
  const names = await namesOf(
    db,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ({ ...r, displayName: names.get(r.personId) ?? "" }));
}

export async function listThemeSuggestions(db: Executor, meetingId: string) {
  const rows = await db
    .select()
    .from(themeSuggestions)
    .where(eq(themeSuggestions.meetingId, meetingId))
    .orderBy(asc(themeSuggestions.createdAt));
  const names = await namesOf(
    db,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    displayName: r.personId ? (names.get(r.personId) ?? "") : "",
  }));
}

/** The ids of the people recorded as present. */
export async function listPresent(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: attendance.personId })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId));
  return rows.map((r) => r.personId);
}

/** How many different members facilitated a meeting held between `since` and `now`. */
export async function countRecentFacilitators(
  db: Executor,
  groupId: string,
  window: { since: Date; now: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${meetings.facilitatorId})::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.status, "scheduled"),
        gte(meetings.startsAt, window.since),
        lte(meetings.startsAt, window.now),
      ),
    );
  return row?.n ?? 0;
}

/**
 * What a calendar of the group needs from its planned meetings: those in the window (moved,
 * cancelled and one-off ones included), and any planned for one of `keys` (the schedule's dates
 * in the window) that was moved out of it.
 */
export async function listCalendarMeetings(
  db: Executor,
  groupId: string,
  window: { from: Date; to: Date; keys: string[] },
): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        or(
          and(
            gt(meetings.endsAt, window.from),
            sql`${meetings.startsAt} < ${window.to.toISOString()}::timestamptz`,
          ),
          window.keys.length > 0 ? inArray(meetings.occurrenceKey, window.keys) : sql`false`,
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/**
 * What a person did about meetings, for their own copy of their data: their answers, the
 * meetings they were recorded at and those they led, the themes they suggested, and the e-mails
 * they chose from each group.
 */
export async function personalMeetingData(db: Executor, personId: string) {
  const group = sql<string>`(select g.name from groups g where g.id = ${meetings.groupId})`;
  const [answers, present, led, themes, emails] = await Promise.all([
    db
      .select({ group, startsAt: meetings.startsAt, answer: meetingResponses.answer })
      .from(meetingResponses)
      .innerJoin(meetings, eq(meetings.id, meetingResponses.meetingId))
      .where(eq(meetingResponses.personId, personId))
      .orderBy(asc(meetings.startsAt)),
    db
      .select({ group, startsAt: meetings.startsAt })
      .from(attendance)
      .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
      .where(eq(attendance.personId, personId))
      .orderBy(asc(meetings.startsAt)),
    db
      .select({ group, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.facilitatorId, personId))
      .orderBy(asc(meetings.startsAt)),
    db
      .select({ group, startsAt: meetings.startsAt, theme: themeSuggestions.text })
      .from(themeSuggestions)
      .innerJoin(meetings, eq(meetings.id, themeSuggestions.meetingId))
      .where(eq(themeSuggestions.personId, personId))
      .orderBy(asc(themeSuggestions.createdAt)),
    db
      .select({
        group: sql<string>`(select g.name from groups g where g.id = ${reminderPreferences.groupId})`,
        dayBefore: reminderPreferences.dayBefore,
        hourBefore: reminderPreferences.hourBefore,
        weeklyDigest: reminderPreferences.weeklyDigest,
        rotaRequests: reminderPreferences.rotaRequests,
      })
      .from(reminderPreferences)
      .where(eq(reminderPreferences.personId, personId)),
  ]);
  return { answers, present, led, themes, emails };
}

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

/** A meeting goes ahead or is called off; one list types the column, its check and the inputs. */
export const meetingStatuses = ["scheduled", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
/** A member's answer to "are you coming?". */
export const rsvpAnswers = ["yes", "no", "maybe"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];
/** The reminders a member may have: the day before a meeting, and the hour before. */
export const reminderKinds = ["day", "hour"] as const;
export type ReminderKind = (typeof reminderKinds)[number];
/** What was sent once to a member about a meeting: a reminder, or a request to facilitate it. */
export const sentKinds = [...reminderKinds, "rota"] as const;
export type SentKind = (typeof sentKinds)[number];

/**
 * One meeting of a group: an occurrence of its schedule, planned 12 weeks ahead, or a one-off
 * meeting its facilitators added. Cancelled meetings are kept (with their reason) so calendars
 * and members are told rather than left wondering.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The local date the schedule planned it for; null for a one-off meeting added by hand. */
    occurrenceKey: text("occurrence_key"),
    /** The iCalendar UID it keeps in every feed and e-mail, so calendars update it in place. */
    uid: text("uid").notNull().unique(),
    /** Raised at every change calendars must follow (RFC 5545 SEQUENCE). */
    sequence: integer("sequence").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: meetingStatuses }).notNull().default("scheduled"),
    /** Why it was cancelled or moved, in the facilitator's words, for the members' e-mail. */
    changeReason: text("change_reason"),
    /** Moved by hand: a later change of the schedule leaves it where it was put. */
    moved: boolean("moved").notNull().default(false),
    theme: text("theme"),
    /** The member who volunteered to facilitate it (the rota). */
    facilitatorId: uuid("facilitator_id").references(() => people.id, { onDelete: "set null" }),
    /**
     * When an instance claimed asking the group for a volunteer, and when it had written to every
     * member (so the group is asked once; a claim never settled lapses, see infra/db/claims.ts).
     */
    rotaAskedAt: timestamp("rota_asked_at", { withTimezone: true }),
    rotaSettledAt: timestamp("rota_settled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("meetings_group_occurrence_unique").on(t.groupId, t.occurrenceKey),
    check("meetings_status_known", oneOf(t.status, meetingStatuses)),
    check("meetings_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    index("meetings_group_starts_idx").on(t.groupId, t.startsAt),
    index("meetings_starts_idx").on(t.startsAt),
  ],
);

/** How far ahead each group's meetings have been planned from its schedule. */
export const meetingPlans = pgTable("meeting_plans", {
  groupId: uuid("group_id")
    .primaryKey()
    .references(() => groups.id, { onDelete: "cascade" }),
  plannedUntil: timestamp("planned_until", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A member's answer to "Will you come?": yes, no or maybe. */
export const meetingResponses = pgTable(
  "meeting_responses",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    answer: text("answer", { enum: rsvpAnswers }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    check("meeting_responses_answer_known", oneOf(t.answer, rsvpAnswers)),
  ],
);

/** A theme a member suggests for a meeting; the facilitators choose one. */
export const themeSuggestions = pgTable(
  "theme_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("theme_suggestions_meeting_idx").on(t.meetingId, t.createdAt)],
);

/** Who came to a meeting: recorded by its facilitator, or by members themselves on the day. */
export const attendance = pgTable(
  "attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    recordedBy: uuid("recorded_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index("attendance_person_idx").on(t.personId),
  ],
);

/**
 * Which e-mails a member wants from a group: a reminder the day before, one an hour before, a
 * weekly digest. No row: the defaults (both reminders, no digest).
 */
export const reminderPreferences = pgTable(
  "reminder_preferences",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    dayBefore: boolean("day_before").notNull().default(true),
    hourBefore: boolean("hour_before").notNull().default(true),
    weeklyDigest: boolean("weekly_digest").notNull().default(false),
    /** The e-mail asking for a volunteer when a meeting a week out has nobody to facilitate. */
    rotaRequests: boolean("rota_requests").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] })],
);

/**
 * Each reminder a person was sent, claimed before it is sent: with several app instances, the
 * one whose insert succeeds sends it, so nobody gets the same reminder twice. Kinds: "day" and
 * "hour" before a meeting, and "rota", the request for someone to facilitate it.
 *
 * sent_at is when the claim was made; settled_at when the mail server took the e-mail (or refused
 * the address for good). A claim still unsettled after CLAIM_LEASE_MS (infra/db/claims.ts) belongs
 * to an instance that stopped half way, and the next round may claim it again: no crash loses one.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: sentKinds }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId, t.kind] }),
    check("reminders_sent_kind_known", oneOf(t.kind, sentKinds)),
  ],
);

/**
 * Each e-mail about a moved or cancelled meeting, claimed per member and change (the meeting's
 * SEQUENCE after it) before it is sent: the job that sends them is retried after a failure and
 * writes only to those who have not had it.
 */
export const changeNoticesSent = pgTable(
  "change_notices_sent",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    sequence: integer("sequence").notNull(),
    /** Claimed then, and settled once sent, as reminders_sent's rows are. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId, t.sequence] })],
);

/**
 * Each weekly digest a person was sent, claimed before it is sent, as reminders are: a round
 * that is run again (a retry after the mail server failed) sends nobody the same week twice.
 */
export const digestsSent = pgTable(
  "digests_sent",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The day the round was for (UTC): the week it covers begins then. */
    weekOf: date("week_of").notNull(),
    /** Claimed then, and settled once sent, as reminders_sent's rows are. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId, t.weekOf] })],
);

/** One-click unsubscribe links (RFC 8058) in reminder e-mails; only hashes are kept. */
export const unsubscribeLinks = pgTable(
  "unsubscribe_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("unsubscribe_links_created_idx").on(t.createdAt)],
);

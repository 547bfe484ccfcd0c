import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { difficulties } from "../difficulties/tables.js";
import { organisations } from "../organisations/tables.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Each list below types its column, makes the column's check (oneOf) and the form's choices.
export const audiences = ["living_with", "carers", "both"] as const;
export type Audience = (typeof audiences)[number];
export const formats = ["in_person", "online", "telephone", "hybrid"] as const;
export type Format = (typeof formats)[number];
export const joiningPolicies = ["open", "ask", "closed"] as const;
export type JoiningPolicy = (typeof joiningPolicies)[number];
export const visibilities = ["listed", "unlisted"] as const;
export type Visibility = (typeof visibilities)[number];
export const scheduleKinds = ["weekly", "fortnightly", "monthly", "one_off"] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];
export const groupStatuses = ["active", "paused", "closed"] as const;
export type GroupStatus = (typeof groupStatuses)[number];

/**
 * A mutual support group. What the public directory may show is decided by the presenters:
 * the exact address (unless published), the video link, the phone PIN and the agreement are
 * for members only.
 */
export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** URL-safe and unique, at most 64 characters (the Meeting Guide feed's limit). */
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** What happens at a first meeting, in the group's own words. */
    firstMeeting: text("first_meeting").notNull().default(""),
    audience: text("audience", { enum: audiences }).notNull(),
    openToAnyDifficulty: boolean("open_to_any_difficulty").notNull().default(false),
    /** ISO 639-1 codes, e.g. {it,en}. */
    languages: text("languages").array().notNull(),
    /**
     * The language the group's own words (name, description, notes) are written in, one of its
     * languages, so that they are read out in it. Null for a group that has not said.
     */
    writtenIn: text("written_in"),
    format: text("format", { enum: formats }).notNull(),

    venueName: text("venue_name"),
    streetAddress: text("street_address"),
    town: text("town"),
    postalCode: text("postal_code"),
    /** ISO 3166-1 alpha-2. */
    country: text("country"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** Whether the street address is public; otherwise only the town and a coarse point are. */
    publishAddress: boolean("publish_address").notNull().default(false),
    /** Rounded to about a kilometre: what the directory and feeds show. */
    publicLatitude: doublePrecision("public_latitude"),
    publicLongitude: doublePrecision("public_longitude"),
    stepFree: boolean("step_free").notNull().default(false),
    accessibleToilet: boolean("accessible_toilet").notNull().default(false),
    hearingLoop: boolean("hearing_loop").notNull().default(false),
    parking: boolean("parking").notNull().default(false),
    nearPublicTransport: boolean("near_public_transport").notNull().default(false),
    accessNotes: text("access_notes").notNull().default(""),

    videoUrl: text("video_url"),
    phoneNumber: text("phone_number"),
    phonePin: text("phone_pin"),

    timeZone: text("time_zone").notNull(),
    scheduleKind: text("schedule_kind", { enum: scheduleKinds }).notNull(),
    /** RFC 5545 recurrence rule without DTSTART, e.g. FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2. */
    rrule: text("rrule"),
    /** The first meeting's local date and wall-clock time, in the group's time zone. */
    startsOn: date("starts_on"),
    startTime: time("start_time"),
    durationMinutes: integer("duration_minutes").notNull().default(90),
    /** Sunday = 0 … Saturday = 6, as the Meeting Guide feed counts: for filtering by day. */
    weekday: smallint("weekday"),

    capacity: integer("capacity").notNull().default(12),
    joiningPolicy: text("joining_policy", { enum: joiningPolicies }).notNull().default("ask"),
    visibility: text("visibility", { enum: visibilities }).notNull().default("listed"),
    status: text("status", { enum: groupStatuses }).notNull().default("active"),
    agreement: text("agreement").notNull(),
    /** When the agreement in force last changed: members who accepted it before re-accept. */
    agreementChangedAt: timestamp("agreement_changed_at", { withTimezone: true }),
    /** Kept by the membership writes in the same transaction, so search never counts rows. */
    activeMemberCount: integer("active_member_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),

    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    /** From this instant the group's guide is an observer: the group is led by its members. */
    handoverAt: timestamp("handover_at", { withTimezone: true }),
    /** The group this one was split from: its lineage, shown on its page. */
    parentGroupId: uuid("parent_group_id").references((): AnyPgColumn => groups.id, {
      onDelete: "set null",
    }),
    /** When the group closed (status "closed"): its history stays readable for 90 days. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When a closed group's private content was erased, 90 days after it closed. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    foundedBy: uuid("founded_by").references(() => people.id, { onDelete: "set null" }),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple', immutable_unaccent(coalesce(${groups.name}, '') || ' ' || coalesce(${groups.description}, '') || ' ' || coalesce(${groups.town}, '')))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When what the group publishes last changed: the Meeting Guide feed's `updated` and the
     * sitemap's lastmod. Not touched by people joining or leaving, nor by the agreement or the
     * handover, which would tell anyone watching the feeds when those happened.
     */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("groups_audience_known", oneOf(t.audience, audiences)),
    check(
      "groups_written_in_spoken",
      sql`${t.writtenIn} is null or ${t.writtenIn} = any(${t.languages})`,
    ),
    check("groups_format_known", oneOf(t.format, formats)),
    check("groups_joining_policy_known", oneOf(t.joiningPolicy, joiningPolicies)),
    check("groups_visibility_known", oneOf(t.visibility, visibilities)),
    check("groups_schedule_kind_known", oneOf(t.scheduleKind, scheduleKinds)),
    check("groups_status_known", oneOf(t.status, groupStatuses)),
    check("groups_capacity_range", sql`${t.capacity} between 3 and 30`),
    check(
      "groups_slug_format",
      sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 64`,
    ),
    check("groups_weekday_range", sql`${t.weekday} between 0 and 6`),
    check("groups_counts_positive", sql`${t.activeMemberCount} >= 0 and ${t.waitlistCount} >= 0`),
    index("groups_search_idx").using("gin", t.search),
    index("groups_name_trgm_idx").using(
      "gin",
      sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`,
    ),
    // Only groups that meet somewhere: the search's own condition, so the planner always picks
    // this index for "near a town" (measured at 100,000 groups: p95 18.8 ms → 8.5 ms).
    index("groups_public_point_in_person_idx")
      .using("gist", sql`ll_to_earth(${t.publicLatitude}, ${t.publicLongitude})`)
      .where(
        sql`${t.publicLatitude} is not null and ${t.visibility} = 'listed' and ${t.status} = 'active' and ${t.format} in ('in_person', 'hybrid')`,
      ),
    index("groups_listed_idx").on(t.visibility, t.status),
    index("groups_languages_idx").using("gin", t.languages),
    index("groups_organisation_idx").on(t.organisationId),
  ],
);

export const groupDifficulties = pgTable(
  "group_difficulties",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    difficultySlug: text("difficulty_slug")
      .notNull()
      .references(() => difficulties.slug, { onUpdate: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.difficultySlug] }),
    index("group_difficulties_difficulty_idx").on(t.difficultySlug, t.groupId),
  ],
);

/** Extra dates for groups that meet on chosen days rather than on a rule. */
export const groupOneOffDates = pgTable(
  "group_one_off_dates",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** Local date and wall-clock time in the group's time zone. */
    startsAtLocal: timestamp("starts_at_local", { withTimezone: false }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.startsAtLocal] })],
);

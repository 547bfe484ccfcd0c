import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { boardPosts } from "../board/tables.js";
import { groups } from "../groups/tables.js";

/** Why a member reports a post: a short list, then words of their own. */
export const reportReasons = [
  "unkind",
  "personal_details",
  "advertising",
  "off_topic",
  "other",
] as const;
export type ReportReason = (typeof reportReasons)[number];
/** A report is open until the facilitators hide the post or leave it up. */
export const reportStates = ["open", "acted_on", "left_up"] as const;
export type ReportState = (typeof reportStates)[number];
/** The steps of moderation, each told to the author: hidden, asked back, restored. */
export const moderationSteps = ["hidden", "restore_asked", "restored"] as const;
export type ModerationStep = (typeof moderationSteps)[number];

/**
 * A member's report of a post to the group's facilitators. Who reported it is never shown to
 * the person reported; one report per member and post.
 */
export const postReports = pgTable(
  "post_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => boardPosts.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id").references(() => people.id, { onDelete: "set null" }),
    reason: text("reason", { enum: reportReasons }).notNull(),
    details: text("details").notNull().default(""),
    state: text("state", { enum: reportStates }).notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("post_reports_once_idx").on(t.postId, t.reporterId),
    index("post_reports_group_idx").on(t.groupId, t.state, t.createdAt),
    check("post_reports_reason_known", oneOf(t.reason, reportReasons)),
    check("post_reports_state_known", oneOf(t.state, reportStates)),
  ],
);

/**
 * Each step taken on a post, with its reason: nothing vanishes silently, and the author reads
 * what was hidden and why.
 */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => boardPosts.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    step: text("step", { enum: moderationSteps }).notNull(),
    reason: text("reason").notNull().default(""),
    byId: uuid("by_id").references(() => people.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_post_idx").on(t.postId, t.at),
    check("moderation_log_step_known", oneOf(t.step, moderationSteps)),
  ],
);

import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

/** What a reaction says, in a support group: each is a word of its own, not a "like". */
export const reactionKinds = ["me_too", "thank_you", "helped_me"] as const;
export type ReactionKind = (typeof reactionKinds)[number];
/** How much mail a person wants about one group's board. */
export const boardMailChoices = ["each", "digest", "none"] as const;
export type BoardMailChoice = (typeof boardMailChoices)[number];
/** What happened on a board, as the live stream tells it. */
export const boardEventKinds = ["post", "edit", "delete", "reaction", "hide", "restore"] as const;
export type BoardEventKind = (typeof boardEventKinds)[number];

/**
 * A conversation on a group's private board: its title, and whether it is an announcement (a
 * facilitator's, pinned and e-mailed to every member). Its opening post holds what was said.
 */
export const boardThreads = pgTable(
  "board_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** Null once the author's account is erased: the thread keeps its place. */
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    announcement: boolean("announcement").notNull().default(false),
    /** An announcement of a cancelled meeting reaches every member, whatever their mail choice. */
    toEveryone: boolean("to_everyone").notNull().default(false),
    pinned: boolean("pinned").notNull().default(false),
    /** The last post or reply: the board lists newest activity first. */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull(),
    replyCount: integer("reply_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("board_threads_listing_idx").on(t.groupId, t.pinned, t.lastActivityAt, t.id)],
);

/**
 * What a member wrote: a thread's opening post or a reply. Deleting keeps the row (a reply to it
 * keeps its place) and drops the words; hiding (the facilitators') keeps the words for the
 * author, who is told why and can ask for it back.
 */
export const boardPosts = pgTable(
  "board_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => boardThreads.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    opening: boolean("opening").notNull().default(false),
    /** As written (markdown, rendered with HTML off and then sanitised); empty once deleted. */
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenBy: uuid("hidden_by").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("board_posts_thread_idx").on(t.threadId, t.createdAt, t.id),
    index("board_posts_author_idx").on(t.groupId, t.authorId, t.createdAt),
  ],
);

/** Me too, Thank you, This helped me: one of each per person and post. */
export const boardReactions = pgTable(
  "board_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => boardPosts.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reactionKinds }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.personId, t.kind] }),
    check("board_reactions_kind_known", oneOf(t.kind, reactionKinds)),
  ],
);

/** How far each person has read each thread: what is newer is marked unread. */
export const boardReads = pgTable(
  "board_reads",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => boardThreads.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.personId] })],
);

/** Each person's choice of mail about one group's board; without a row, the daily digest. */
export const boardMailPreferences = pgTable(
  "board_mail_preferences",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    choice: text("choice", { enum: boardMailChoices }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    check("board_mail_preferences_choice_known", oneOf(t.choice, boardMailChoices)),
  ],
);

/** Each e-mail of one post (an announcement, or a post to someone who wants each), claimed once. */
export const boardPostMailSent = pgTable(
  "board_post_mail_sent",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => boardPosts.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] })],
);

/** Each daily digest of a board, claimed once per person, group and day. */
export const boardDigestsSent = pgTable(
  "board_digests_sent",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId, t.day] })],
);

/** One-click unsubscribe links (RFC 8058) in board e-mails; only hashes are kept. */
export const boardUnsubscribeLinks = pgTable(
  "board_unsubscribe_links",
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
  (t) => [index("board_unsubscribe_links_created_idx").on(t.createdAt)],
);

/**
 * What happened on each board, numbered: the live stream's events, which a reconnecting browser
 * resumes from (Last-Event-ID). Ids and kinds only; the words are read through the pages' rules.
 */
export const boardEvents = pgTable(
  "board_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: boardEventKinds }).notNull(),
    threadId: uuid("thread_id").notNull(),
    postId: uuid("post_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("board_events_group_idx").on(t.groupId, t.id),
    check("board_events_kind_known", oneOf(t.kind, boardEventKinds)),
  ],
);

import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { boardPosts } from "../board/tables.js";
import { groups } from "../groups/tables.js";
import { organisations } from "../organisations/tables.js";

/** What a risk phrase points to. */
export const riskCategories = ["suicide", "self_harm", "abuse", "danger"] as const;
export type RiskCategory = (typeof riskCategories)[number];
/** Where an alert came from: a phrase in a post, or a member worried about its author. */
export const alertSources = ["phrase", "worried"] as const;
export type AlertSource = (typeof alertSources)[number];
/** An alert's life: nobody has looked yet, someone has, someone did something, closed. */
export const alertStates = ["new", "seen", "acted_on", "closed"] as const;
export type AlertState = (typeof alertStates)[number];
/** Who a group's backup contact is. */
export const backupKinds = ["facilitator", "guide", "safeguarding_lead"] as const;
export type BackupKind = (typeof backupKinds)[number];

/**
 * Words that may mean someone is at risk, per language, checked against every post and reply.
 * Seeded in English and Italian; administrators edit them. A `*` ends a word that may go on
 * ("overdos*").
 */
export const riskPhrases = pgTable(
  "risk_phrases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    language: text("language").notNull(),
    phrase: text("phrase").notNull(),
    category: text("category", { enum: riskCategories }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("risk_phrases_unique_idx").on(t.language, t.phrase),
    check("risk_phrases_category_known", oneOf(t.category, riskCategories)),
  ],
);

/** The person an organisation names to take safeguarding concerns: one per organisation. */
export const safeguardingLeads = pgTable("safeguarding_leads", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  personId: uuid("person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who a group's alerts go to besides its facilitators: a facilitator, the guide, or the
 * organisation's safeguarding lead. Without a row, the facilitators alone.
 */
export const backupContacts = pgTable(
  "backup_contacts",
  {
    groupId: uuid("group_id")
      .primaryKey()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: backupKinds }).notNull(),
    /** The facilitator or guide named; null for the organisation's lead, whoever it is then. */
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("backup_contacts_kind_known", oneOf(t.kind, backupKinds))],
);

/**
 * A private alert that someone on a board may be at risk. The post stays as written; the alert
 * holds ids and states, never the words, and never says to the person who raised it.
 */
export const crisisAlerts = pgTable(
  "crisis_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    postId: uuid("post_id").references(() => boardPosts.id, { onDelete: "set null" }),
    /** The person the alert is about: the post's author. */
    subjectId: uuid("subject_id").references(() => people.id, { onDelete: "set null" }),
    source: text("source", { enum: alertSources }).notNull(),
    /** For a phrase: its category. */
    category: text("category", { enum: riskCategories }),
    /** The member who was worried: never shown to the person the alert is about. */
    raisedBy: uuid("raised_by").references(() => people.id, { onDelete: "set null" }),
    state: text("state", { enum: alertStates }).notNull().default("new"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }),
    firstSeenBy: uuid("first_seen_by").references(() => people.id, { onDelete: "set null" }),
    actedAt: timestamp("acted_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** 0: sent; 1: sent again, nobody having looked; 2: gone to the organisation's lead. */
    round: integer("round").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("crisis_alerts_group_idx").on(t.groupId, t.state, t.createdAt),
    index("crisis_alerts_unseen_idx").on(t.state, t.createdAt),
    uniqueIndex("crisis_alerts_worried_once_idx").on(t.postId, t.raisedBy),
    check("crisis_alerts_source_known", oneOf(t.source, alertSources)),
    check("crisis_alerts_state_known", oneOf(t.state, alertStates)),
    check("crisis_alerts_category_known", oneOf(t.category, riskCategories)),
  ],
);

/** Each alert e-mail, claimed once per alert, person and round. */
export const crisisAlertMailSent = pgTable(
  "crisis_alert_mail_sent",
  {
    alertId: uuid("alert_id")
      .notNull()
      .references(() => crisisAlerts.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.personId, t.round] })],
);

/**
 * A link in an alert e-mail to someone outside the group (the organisation's lead), which opens
 * that one alert, without the post's words, to say it was seen and what was done. Hashes only.
 */
export const crisisAlertLinks = pgTable(
  "crisis_alert_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => crisisAlerts.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("crisis_alert_links_alert_idx").on(t.alertId)],
);

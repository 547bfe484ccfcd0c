import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

export const agreementChangeStates = ["open", "objected", "adopted"] as const;
export type AgreementChangeState = (typeof agreementChangeStates)[number];

/**
 * A change to a group's agreement, proposed by a facilitator. Members may object until
 * `objectionsCloseAt` (7 days on); one objection stops it, and without any it takes effect then.
 * One change at a time is open in a group.
 */
export const agreementChanges = pgTable(
  "agreement_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The whole agreement as it would read, not a fragment. */
    text: text("text").notNull(),
    /** Why the facilitators propose it, in their words. */
    reason: text("reason").notNull().default(""),
    proposedBy: uuid("proposed_by").references(() => people.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    objectionsCloseAt: timestamp("objections_close_at", { withTimezone: true }).notNull(),
    state: text("state", { enum: agreementChangeStates }).notNull().default("open"),
    /** When it was objected to, or took effect. */
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    check("agreement_changes_state_known", oneOf(t.state, agreementChangeStates)),
    uniqueIndex("agreement_changes_one_open_idx").on(t.groupId).where(sql`${t.state} = 'open'`),
    index("agreement_changes_group_idx").on(t.groupId, t.proposedAt),
    index("agreement_changes_due_idx").on(t.objectionsCloseAt).where(sql`${t.state} = 'open'`),
  ],
);

/** A member's objection to a proposed change: with it, the change does not take effect. */
export const agreementObjections = pgTable(
  "agreement_objections",
  {
    changeId: uuid("change_id")
      .notNull()
      .references(() => agreementChanges.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("agreement_objections_change_idx").on(t.changeId)],
);

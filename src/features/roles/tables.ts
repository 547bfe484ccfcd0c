import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

/**
 * Every change of someone's role in a group (member, facilitator, guide, observer, removed):
 * who, by whom and when, shown to the group's members.
 */
export const roleChanges = pgTable(
  "role_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    changedBy: uuid("changed_by").references(() => people.id, { onDelete: "set null" }),
    fromRole: text("from_role").notNull(),
    toRole: text("to_role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("role_changes_group_idx").on(t.groupId, t.createdAt)],
);

/**
 * The guide's handover: a date the guide proposes and a facilitator agrees to. From that date
 * the guide is an observer and the group is led by its members.
 */
export const handovers = pgTable("handovers", {
  groupId: uuid("group_id")
    .primaryKey()
    .references(() => groups.id, { onDelete: "cascade" }),
  handoverAt: timestamp("handover_at", { withTimezone: true }).notNull(),
  proposedBy: uuid("proposed_by").references(() => people.id, { onDelete: "set null" }),
  proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
  agreedBy: uuid("agreed_by").references(() => people.id, { onDelete: "set null" }),
  agreedAt: timestamp("agreed_at", { withTimezone: true }),
});

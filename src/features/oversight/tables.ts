import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { groups } from "../groups/tables.js";

/**
 * The notices sent about a group's size and life (full, a long waiting list, no meeting held
 * for 90 days), one row per group and kind: a notice is sent again only after 4 weeks.
 */
export const groupNotices = pgTable(
  "group_notices",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.kind] })],
);

import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

/**
 * A facilitator's invitation to someone by e-mail: a link, kept only as a hash, that lets that
 * person join whatever the group's way of joining (a full group puts them on its waiting list).
 */
export const groupInvitations = pgTable(
  "group_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [index("group_invitations_group_idx").on(t.groupId, t.createdAt)],
);

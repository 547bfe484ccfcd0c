import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Each request for help the help contact was sent, by the id its form carried: a form sent twice
 * (a second click while the first was on its way) is one request. Nothing else is kept here.
 */
export const helpRequests = pgTable("help_requests", {
  id: uuid("id").primaryKey(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
});

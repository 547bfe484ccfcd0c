import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters shared by every instance, so limits hold across restarts. */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  /** "<limit name>:<hashed subject>", never a raw address. */
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

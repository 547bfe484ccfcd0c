import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Fixed-window counters shared by every instance, so limits hold across restarts. */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  /** "<limit name>:<hashed subject>", never a raw address. */
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

/**
 * Forms filled in once and sent twice (a double click, a page sent again) do what they do once:
 * each filling-in carries an id, claimed in the transaction of its work (infra/http/once.ts).
 */
export const formSubmissions = pgTable("form_submissions", {
  id: uuid("id").primaryKey(),
  submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  /** Where the first sending led: the second is sent there too. */
  ledTo: text("led_to"),
});

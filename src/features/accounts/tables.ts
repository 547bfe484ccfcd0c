import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; the only way to reach the person. */
    email: text("email").notNull().unique(),
    /** A first name or a pseudonym; empty until the person chooses one. */
    displayName: text("display_name"),
    language: text("language").notNull().default("en"),
    textSize: text("text_size").notNull().default("standard"),
    contrast: text("contrast").notNull().default("standard"),
    isAdmin: boolean("is_admin").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    check("people_language_known", sql`${t.language} in ('en', 'it')`),
    check("people_text_size_known", sql`${t.textSize} in ('standard', 'large', 'largest')`),
    check("people_contrast_known", sql`${t.contrast} in ('standard', 'high')`),
  ],
);

/** An e-mailed link and code; only hashes are kept. */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    linkHash: text("link_hash").notNull().unique(),
    codeHash: text("code_hash").notNull(),
    browserHash: text("browser_hash").notNull(),
    failedCodeAttempts: integer("failed_code_attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_requests_email_idx").on(t.email)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's secret: a database dump cannot be replayed as a cookie. */
    idHash: text("id_hash").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("sessions_person_idx").on(t.personId),
    check("sessions_method_known", sql`${t.method} in ('email', 'passkey')`),
  ],
);

export const passkeys = pgTable(
  "passkeys",
  {
    /** The credential id, base64url. */
    id: text("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default(sql`'{}'::text[]`),
    deviceType: text("device_type").notNull(),
    backedUp: boolean("backed_up").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_person_idx").on(t.personId)],
);

/** A WebAuthn challenge handed to one browser, used once. */
export const passkeyChallenges = pgTable("passkey_challenges", {
  id: uuid("id").primaryKey().defaultRandom(),
  challenge: text("challenge").notNull(),
  purpose: text("purpose").notNull(),
  personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** The one-time link printed at start while the instance has no administrator. */
export const adminSetupTokens = pgTable("admin_setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

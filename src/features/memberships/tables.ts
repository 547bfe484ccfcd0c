import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

/** Where a person stands with a group: one list types the column, its check and the inputs. */
export const membershipStates = ["requested", "waitlisted", "active", "left", "removed"] as const;
export type MembershipState = (typeof membershipStates)[number];
/** A member's role: a peer facilitator, or an organisation's guide until the handover. */
export const groupRoles = ["member", "facilitator", "guide"] as const;
export type GroupRole = (typeof groupRoles)[number];

/** A person's place in a group, with its history: one row per person and group. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    state: text("state", { enum: membershipStates }).notNull(),
    role: text("role", { enum: groupRoles }).notNull().default("member"),
    /** The message sent with a request to join, and the facilitators' answer. */
    requestMessage: text("request_message"),
    decisionMessage: text("decision_message"),
    agreementAcceptedAt: timestamp("agreement_accepted_at", { withTimezone: true }),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    /** A freed place offered to this waiting person, held until the offer expires. */
    offeredAt: timestamp("offered_at", { withTimezone: true }),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("memberships_group_person_unique").on(t.groupId, t.personId),
    check("memberships_state_known", oneOf(t.state, membershipStates)),
    check("memberships_role_known", oneOf(t.role, groupRoles)),
    index("memberships_person_idx").on(t.personId, t.state),
    index("memberships_waitlist_idx").on(t.groupId, t.state, t.waitlistedAt),
    index("memberships_offers_idx")
      .on(t.offerExpiresAt)
      .where(sql`${t.offerExpiresAt} is not null`),
  ],
);

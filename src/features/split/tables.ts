import { sql } from "drizzle-orm";
import {
  check,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf } from "../../infra/db/one-of.js";
import { people } from "../accounts/tables.js";
import { groups } from "../groups/tables.js";

export const splitStates = ["open", "done", "withdrawn"] as const;
export type SplitState = (typeof splitStates)[number];

/**
 * A group grown too big for everyone to be heard, proposed to become two. Each member chooses
 * one of the two (or to leave); when the facilitators complete it, two new groups are made
 * from the parent, which closes.
 */
export const splitProposals = pgTable(
  "split_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    proposedBy: uuid("proposed_by").references(() => people.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    state: text("state", { enum: splitStates }).notNull().default("open"),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    check("split_proposals_state_known", oneOf(t.state, splitStates)),
    uniqueIndex("split_proposals_one_open_idx").on(t.groupId).where(sql`${t.state} = 'open'`),
  ],
);

/** One of the two groups a split makes: its name, when it meets, who facilitates it. */
export const splitParts = pgTable(
  "split_parts",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => splitProposals.id, { onDelete: "cascade" }),
    /** 1 or 2. */
    part: smallint("part").notNull(),
    name: text("name").notNull(),
    /** Sunday = 0 … Saturday = 6. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    facilitatorIds: uuid("facilitator_ids").array().notNull(),
    /** The group made from this part, once the split is done. */
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.part] }),
    check("split_parts_part_known", sql`${t.part} in (1, 2)`),
    check("split_parts_weekday_range", sql`${t.weekday} between 0 and 6`),
  ],
);

/** Each member's choice: the first group, the second, or to leave. */
export const splitChoices = pgTable(
  "split_choices",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => splitProposals.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** 1 or 2, or null to leave. */
    part: smallint("part"),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.personId] }),
    check("split_choices_part_known", sql`${t.part} is null or ${t.part} in (1, 2)`),
  ],
);

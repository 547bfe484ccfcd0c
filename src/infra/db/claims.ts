import { and, eq, isNull, lt, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./database.js";

/**
 * E-mails sent once to each person are claimed first, as a row made by whichever app instance
 * gets there first (sent_at), and settled once the mail server has taken them (settled_at). A
 * claim left unsettled this long belongs to an instance that stopped half way, and may be made
 * again: far longer than one e-mail may take (the mailer gives up on a silent server after 30 s),
 * so an e-mail still on its way is never claimed a second time.
 */
export const CLAIM_LEASE_MS = 30 * 60_000;

type ClaimColumns = { sentAt: PgColumn; settledAt: PgColumn };

/** A claim that may be made again: never settled, and older than the lease. */
export function claimLapsed(table: ClaimColumns, now: Date): SQL {
  return and(
    isNull(table.settledAt),
    lt(table.sentAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
  ) as SQL;
}

/**
 * Work done once per key (a reminder to a person for a meeting, a notice to a group), whichever
 * instance gets there first, on a table whose primary key or unique index is `key`'s columns:
 * - `claim` makes the row (sent_at = now), or takes over one whose claim has lapsed; false when
 *   someone else holds it or it was done;
 * - `settle` marks it done (settled_at), so it is never claimed again;
 * - `release` removes it after the work failed, so the next round tries again.
 * `lapsed` says when a held claim may be taken over: by default, unsettled after the lease.
 */
export function claimsOn<Key extends Record<string, string | number>>(
  table: PgTable & { sentAt: PgColumn; settledAt?: PgColumn },
  key: { [Name in keyof Key]: PgColumn },
  lapsed: (now: Date) => SQL = (now) => claimLapsed(table as ClaimColumns, now),
) {
  const columns = Object.values(key) as PgColumn[];
  const matching = (values: Key) =>
    and(...Object.entries(key).map(([name, column]) => eq(column as PgColumn, values[name])));
  return {
    async claim(db: Executor, values: Key, now: Date): Promise<boolean> {
      const claimed = await db
        .insert(table)
        .values({ ...values, sentAt: now } as never)
        .onConflictDoUpdate({
          target: columns,
          set: { sentAt: now } as never,
          setWhere: lapsed(now),
        })
        .returning({ sentAt: table.sentAt });
      return claimed.length > 0;
    },
    async settle(db: Executor, values: Key, now: Date): Promise<void> {
      await db
        .update(table)
        .set({ settledAt: now } as never)
        .where(matching(values));
    },
    async release(db: Executor, values: Key): Promise<void> {
      await db.delete(table).where(matching(values));
    },
  };
}

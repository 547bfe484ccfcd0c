import { and, isNull, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

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

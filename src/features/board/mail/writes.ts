import { eq, lt } from "drizzle-orm";
import { hashSecret, newSecret } from "../../../infra/crypto/tokens.js";
import { claimsOn } from "../../../infra/db/claims.js";
import type { Executor } from "../../../infra/db/database.js";
import { DAY_MS } from "../../../infra/time/zoned.js";
import {
  type BoardMailChoice,
  boardDigestsSent,
  boardMailPreferences,
  boardPostMailSent,
  boardUnsubscribeLinks,
} from "../tables.js";

/** A member's choice of mail about one group's board. */
export async function saveBoardMailChoice(
  db: Executor,
  input: { groupId: string; personId: string; choice: BoardMailChoice },
  now: Date,
): Promise<void> {
  await db
    .insert(boardMailPreferences)
    .values({ ...input, updatedAt: now })
    .onConflictDoUpdate({
      target: [boardMailPreferences.groupId, boardMailPreferences.personId],
      set: { choice: input.choice, updatedAt: now },
    });
}

/** How long an unsubscribe link works: longer than anyone keeps an e-mail about a post. */
export const UNSUBSCRIBE_LINK_DAYS = 180;

/** A link, for one e-mail, that turns off a person's mail about one group's board. */
export async function issueBoardUnsubscribeLink(
  db: Executor,
  input: { groupId: string; personId: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  await db
    .insert(boardUnsubscribeLinks)
    .values({ tokenHash: hashSecret(token), ...input, createdAt: now });
  return token;
}

/**
 * Follows an unsubscribe link: no more mail about that board. Following it again says the same
 * (a mail program and then its reader may both use it); a link unknown or too old changes nothing.
 */
export async function unsubscribeFromBoard(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ ok: true; groupId: string } | { ok: false; reason: "UNKNOWN_LINK" }> {
  const [link] = await db
    .select()
    .from(boardUnsubscribeLinks)
    .where(eq(boardUnsubscribeLinks.tokenHash, hashSecret(token)))
    .limit(1);
  if (!link || link.createdAt.getTime() < now.getTime() - UNSUBSCRIBE_LINK_DAYS * DAY_MS)
    return { ok: false, reason: "UNKNOWN_LINK" };
  const { groupId, personId } = link;
  await saveBoardMailChoice(db, { groupId, personId, choice: "none" }, now);
  return { ok: true, groupId };
}

/**
 * One e-mail of one post to one person: claimed before it is sent (false when it went, or
 * another instance is sending it), settled once the mail server took it (or refused the address
 * for good), released when it could not go, so the job, retried, sends only what is missing.
 */
export const postMailSent = claimsOn<{ postId: string; personId: string }>(boardPostMailSent, {
  postId: boardPostMailSent.postId,
  personId: boardPostMailSent.personId,
});

/** One person's digest of one group's board for one day (UTC), claimed as a post's e-mail is. */
export const digestSent = claimsOn<{ groupId: string; personId: string; day: string }>(
  boardDigestsSent,
  {
    groupId: boardDigestsSent.groupId,
    personId: boardDigestsSent.personId,
    day: boardDigestsSent.day,
  },
);

/** The day a digest belongs to: a round retried later the same day is the same day's. */
export function digestDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** How long a digest's claim is kept: well past any retry of its day's round. */
const DIGEST_CLAIM_DAYS = 14;

/**
 * Forgets the links too old to work and the claims of digests long sent: neither is needed
 * again, and each names a person. Run with the daily digest.
 */
export async function forgetOldBoardMail(db: Executor, now: Date): Promise<void> {
  await db
    .delete(boardUnsubscribeLinks)
    .where(
      lt(boardUnsubscribeLinks.createdAt, new Date(now.getTime() - UNSUBSCRIBE_LINK_DAYS * DAY_MS)),
    );
  await db
    .delete(boardDigestsSent)
    .where(
      lt(boardDigestsSent.day, digestDay(new Date(now.getTime() - DIGEST_CLAIM_DAYS * DAY_MS))),
    );
}

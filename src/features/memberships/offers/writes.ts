import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { enqueueJob } from "../../../infra/jobs/runner.js";
import { LATER_MAIL_ATTEMPTS } from "../../../infra/mail/later.js";
import { OFFER_HOLD_MS } from "../policy.js";
import { memberships } from "../tables.js";
import type { Offer } from "../writes.js";

// The e-mail that offers a place: queued with the offer, sent at once or by the queue.

/**
 * The job that sends an offer of a place whose e-mail did not go at once (memberships/jobs.ts).
 * Each offer queues it, 10 minutes ahead, in the transaction that makes the offer; the e-mail
 * sent at once takes it off the queue. So an offer is written about even when the server stops
 * between saving the offer and sending its e-mail.
 */
export const OFFER_MAIL_TASK = "memberships.offer-mail";
export type OfferMailPayload = { membershipId: string; heldUntil: string };
export const offerMailKey = (membershipId: string) => `offer-mail:${membershipId}`;
const OFFER_MAIL_SAFETY_SECONDS = 10 * 60;

/** Queues the offer's e-mail, due now (the mail server is away) or as the safety net. */
export async function owedOfferMail(
  tx: Executor,
  offer: Pick<Offer, "membershipId" | "expiresAt">,
  options: { now?: boolean } = {},
): Promise<void> {
  await enqueueJob(
    tx,
    OFFER_MAIL_TASK,
    {
      membershipId: offer.membershipId,
      heldUntil: offer.expiresAt.toISOString(),
    } satisfies OfferMailPayload,
    {
      key: offerMailKey(offer.membershipId),
      maxAttempts: LATER_MAIL_ATTEMPTS,
      delaySeconds: options.now ? 0 : OFFER_MAIL_SAFETY_SECONDS,
    },
  );
}

/**
 * The e-mail offering a place goes now, after waiting for the mail server: the place is held for
 * 72 hours from now. Only while the offer is the one the e-mail was about (still waiting, held
 * until `heldUntil`); null when it was taken, turned down, or passed on meanwhile.
 */
export async function holdOfferFromNow(
  tx: Executor,
  offer: { membershipId: string; heldUntil: Date },
  now: Date,
): Promise<Offer | null> {
  const expiresAt = new Date(now.getTime() + OFFER_HOLD_MS);
  const [row] = await tx
    .update(memberships)
    .set({ offerExpiresAt: expiresAt, updatedAt: now })
    .where(
      and(
        eq(memberships.id, offer.membershipId),
        eq(memberships.state, "waitlisted"),
        eq(memberships.offerExpiresAt, offer.heldUntil),
      ),
    )
    .returning({ groupId: memberships.groupId, personId: memberships.personId });
  return row ? { membershipId: offer.membershipId, ...row, expiresAt } : null;
}

import type { AppDeps } from "../../infra/http/deps.js";
import { type JobSet, jobLog } from "../../infra/jobs/runner.js";
import { skippingRefused } from "../../infra/mail/mailer.js";
import { OFFER_MAIL_TASK, type OfferMailPayload, offerMessage, offerReaders } from "./mail.js";
import { holdOfferFromNow } from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;

/**
 * Sends an offer of a place whose e-mail waited for the mail server, holding the place 72 hours
 * from now, and says so in the e-mail. The hold and the e-mail go together: when the server is
 * still away the transaction is undone and the queue tries again later; once sent, a second run
 * finds the offer changed and sends nothing. An offer taken, turned down or passed on meanwhile
 * is not written about.
 */
export async function sendWaitingOffer(deps: Deps, payload: OfferMailPayload): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const offer = await holdOfferFromNow(
      tx,
      { membershipId: payload.membershipId, heldUntil: new Date(payload.heldUntil) },
      deps.clock(),
    );
    if (!offer) return false;
    const found = (await offerReaders(tx, [offer], deps.config.publicUrl))(offer);
    if (!found) return false;
    await deps.mailer.send(offerMessage(found.reader, found.group, offer.expiresAt));
    return true;
  });
}

export function offerMailJobs(deps: Deps): JobSet {
  return {
    tasks: {
      [OFFER_MAIL_TASK]: async (payload, helpers) => {
        // An address refused for good is noted and skipped; the server still away is tried again.
        await sendWaitingOffer(
          { ...deps, mailer: skippingRefused(deps.mailer, jobLog(helpers)) },
          payload as OfferMailPayload,
        );
      },
    },
    schedule: [],
  };
}

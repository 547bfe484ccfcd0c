import type { FastifyInstance } from "fastify";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { personalDataParts } from "../accounts/reads.js";
import { accountErasure } from "../accounts/writes.js";
import { groupStarted } from "../groups/writes.js";
import { membershipApi } from "./api.js";
import { passOnExpiredOffers } from "./lapsed/writes.js";
import { sendOfferMails } from "./mail.js";
import { membershipPages } from "./pages.js";
import { personalMemberships } from "./reads.js";
import { endMembershipsOf, seatFounder } from "./writes.js";

/** How often lapsed offers of a place are passed on to the next person waiting. */
const OFFER_SWEEP_MS = 5 * 60 * 1000;

/** Joining, waiting, leaving, requests and offers of a place; a founder's first place. */
export async function membershipsPlugin(app: FastifyInstance): Promise<void> {
  groupStarted.register("memberships", ({ tx, group, founderId, now }) =>
    seatFounder(tx, group, founderId, now),
  );
  // A person erased leaves their groups first (the invitations to their address go after).
  accountErasure.register("memberships", ({ tx, personId, now }) =>
    endMembershipsOf(tx, personId, now),
  );
  // "Download your data" holds the person's places in groups.
  personalDataParts.register("groups", ({ db, personId }) => personalMemberships(db, personId));
  await app.register(membershipPages);
  await app.register(membershipApi);

  // Every instance sweeps; SKIP LOCKED makes each lapsed offer handled by one of them only.
  const { db, config, clock } = app.deps;
  // The offers are saved before they are written about: a mail server away queues the e-mails.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    timer = setInterval(() => {
      passOnExpiredOffers(db, clock())
        .then((changes) => sendOfferMails({ db, mailer, publicUrl: config.publicUrl }, changes))
        .catch((error) => app.log.error({ err: error }, "passing on lapsed offers failed"));
    }, OFFER_SWEEP_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}

import type { FastifyInstance } from "fastify";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { personalDataParts } from "../accounts/reads.js";
import { accountErasure } from "../accounts/writes.js";
import { agreementApi } from "./agreement/api.js";
import { agreementPages } from "./agreement/pages.js";
import { personalObjections } from "./agreement/reads.js";
import { groupApi } from "./api.js";
import { closePages } from "./close/pages.js";
import { directoryApi } from "./directory/api.js";
import { directoryPages } from "./directory/pages.js";
import { feedPages } from "./feeds/pages.js";
import { invitationPages } from "./invitations/pages.js";
import { forgetInvitationsTo } from "./invitations/writes.js";
import { matchingPages } from "./matching/pages.js";
import { sendOfferMails } from "./memberships/mail.js";
import { membershipPages } from "./memberships/pages.js";
import { personalMemberships } from "./memberships/reads.js";
import { endMembershipsOf, passOnExpiredOffers } from "./memberships/writes.js";
import { oversightPages } from "./oversight/pages.js";
import { groupPages } from "./pages.js";
import { roleApi } from "./roles/api.js";
import { rolePages } from "./roles/pages.js";
import { personalRoles } from "./roles/reads.js";
import { settingsPages } from "./settings/pages.js";
import { splitApi } from "./split/api.js";
import { splitPages } from "./split/pages.js";
import { personalSplits } from "./split/reads.js";

/** How often lapsed offers of a place are passed on to the next person waiting. */
const OFFER_SWEEP_MS = 5 * 60 * 1000;

/** Registers the groups' pages and API: founding and group pages, joining, directory, feeds. */
export async function groupsPlugin(app: FastifyInstance): Promise<void> {
  // A person erased leaves their groups first, then the invitations to their address go.
  accountErasure.register("memberships", ({ tx, personId, now }) =>
    endMembershipsOf(tx, personId, now),
  );
  accountErasure.register("invitations", ({ tx, email }) => forgetInvitationsTo(tx, email));
  // "Download your data" holds the person's places in groups and what they did there.
  personalDataParts.register("groups", ({ db, personId }) => personalMemberships(db, personId));
  personalDataParts.register("objections", ({ db, personId }) => personalObjections(db, personId));
  personalDataParts.register("roles", ({ db, personId }) => personalRoles(db, personId));
  personalDataParts.register("splits", ({ db, personId }) => personalSplits(db, personId));
  await app.register(groupPages);
  await app.register(groupApi);
  await app.register(membershipPages);
  await app.register(rolePages);
  await app.register(agreementPages);
  await app.register(splitPages);
  await app.register(settingsPages);
  await app.register(closePages);
  await app.register(invitationPages);
  await app.register(roleApi);
  await app.register(agreementApi);
  await app.register(splitApi);
  await app.register(directoryPages);
  await app.register(directoryApi);
  await app.register(feedPages);
  await app.register(matchingPages);
  await app.register(oversightPages);

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

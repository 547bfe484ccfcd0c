import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import type { StandingIn } from "../memberships/reads.js";
import { inGroup } from "../memberships/scope.js";
import { adoptDueAgreements } from "./jobs.js";
import {
  type AgreementAction,
  type AgreementForPolicy,
  abilities,
  changedSinceAccepted,
  mayRead,
} from "./policy.js";
import { getOpenChange } from "./reads.js";

export type AtAgreement = StandingIn & {
  /** The change open for objections, if any, with who proposed it. */
  open: Awaited<ReturnType<typeof getOpenChange>>;
  agreement: AgreementForPolicy;
  can: Record<AgreementAction, boolean>;
};

/**
 * The group's agreement, for its members: an observer and anyone outside find nothing (404),
 * exactly as for a missing group. A change whose week is over takes effect first, so nobody
 * reads, or acts on, an agreement that is no longer the group's.
 */
export const atAgreement: ScopeLoader<AtAgreement> = async (request, viewer) => {
  let found = await inGroup(request, viewer);
  if (!mayRead(found.standing)) throw notFound();
  const { deps } = request.server;
  // Written to once the change is saved: a mail server away queues the e-mails.
  const mailer = deliverNowOrLater(deps.mailer, deps.db, request.log);
  if ((await adoptDueAgreements({ ...deps, mailer }, deps.clock(), found.group.id)) > 0) {
    found = await inGroup(request, viewer);
  }
  const open = await getOpenChange(deps.db, found.group.id);
  const agreement = {
    open: open !== null,
    proposedByViewer: open?.proposedBy === viewer.personId,
    changedSinceAccepted: changedSinceAccepted(found.membership, found.group),
  };
  return { ...found, open, agreement, can: abilities(found.standing, agreement) };
};

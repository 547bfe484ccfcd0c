import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { MessagePage } from "../../infra/html/message-page.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { notFound } from "../../infra/http/problem.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { placesForNewcomers } from "../groups/present.js";
import type { Group } from "../groups/reads.js";
import { answerOfferAction, decideRequestAction, joinAction, leaveAction } from "./actions.js";
import { can, joinRefusal } from "./policy.js";
import { decidedRequest, getMembership, listRequests, type StandingIn } from "./reads.js";
import { inGroup, ledGroup } from "./scope.js";
import { JoinPage, LeavePage, RequestsPage } from "./views/membership.js";

const refusalWords: Record<NonNullable<ReturnType<typeof joinRefusal>>, MessageKey> = {
  REMOVED: "memberships.removed",
  ALREADY_IN_GROUP: "memberships.alreadyIn",
  NOT_TAKING_MEMBERS: "memberships.notTaking",
};

function joinMode(group: Group): "join" | "waitlist" | "request" {
  if (group.joiningPolicy === "ask") return "request";
  return placesForNewcomers(group) > 0 ? "join" : "waitlist";
}

/** The flash for where a person stands after answering (or answering again). */
function standingFlash(state: string | undefined): MessageKey {
  if (state === "active") return "memberships.joined.flash";
  return state === "left" ? "memberships.left.flash" : "memberships.offer.gone";
}

/** Joining, waiting, leaving, and the facilitators' answers to requests. */
export async function membershipPages(app: FastifyInstance) {
  const { db } = app.deps;
  const groupPath = (at: At<StandingIn>) => `/groups/${at.scope.group.slug}`;

  scopedPage(app, "/groups/:slug/join", inGroup, async (request, reply, at) => {
    const { group, membership } = at.scope;
    const ctx = pageContext(request);
    const refused = joinRefusal(at.viewer, group, membership, at.now);
    if (refused) {
      const body = ctx.t(refusalWords[refused]);
      return sendHtml(reply, <MessagePage ctx={ctx} title={group.name} body={body} />, 409);
    }
    return sendHtml(reply, <JoinPage ctx={ctx} group={group} mode={joinMode(group)} />);
  });

  htmlDoor(app, joinAction, {
    refusalTitle: (at) => at.scope.group.name,
    invalid: (ctx, at, form) => (
      <JoinPage
        ctx={ctx}
        group={at.scope.group}
        mode={joinMode(at.scope.group)}
        values={form.values}
        errors={form.errors}
      />
    ),
    done: (at, done) => ({
      to: groupPath(at),
      flash:
        done.state === "active"
          ? "memberships.joined.flash"
          : done.state === "requested"
            ? "memberships.requested.flash"
            : "memberships.waitlisted.flash",
    }),
  });

  scopedPage(app, "/groups/:slug/leave", inGroup, async (request, reply, at) => {
    const { group, membership } = at.scope;
    if (!can(at.viewer, "group.leave", group, membership, at.now)) throw notFound();
    return sendHtml(reply, <LeavePage ctx={pageContext(request)} group={group} />);
  });

  htmlDoor(app, leaveAction, {
    done: (at) => ({ to: groupPath(at), flash: "memberships.left.flash" }),
    // Sent twice (a double click): the first sending ended the place; the second is told so.
    refused: async (at) => {
      const now = await getMembership(db, at.scope.group.id, at.viewer.personId);
      return now?.state === "left" ? { to: groupPath(at), flash: "memberships.left.flash" } : null;
    },
  });

  htmlDoor(app, answerOfferAction, {
    done: (at, done) => ({ to: groupPath(at), flash: standingFlash(done.state) }),
    // Answered already (a double click): the second sending is told what the first did.
    refused: async (at) => {
      const now = await getMembership(db, at.scope.group.id, at.viewer.personId);
      return { to: groupPath(at), flash: standingFlash(now?.state) };
    },
  });

  /** The requests to join, with a reply that could not be sent shown again by its request. */
  const requestsPage = (
    ctx: PageContext,
    group: Group,
    requests: Awaited<ReturnType<typeof listRequests>>,
    failed?: Parameters<typeof RequestsPage>[0]["failed"],
  ) => <RequestsPage ctx={ctx} group={group} requests={requests} failed={failed} />;

  scopedPage(app, "/groups/:slug/requests", ledGroup, async (request, reply, at) => {
    const { group } = at.scope;
    const requests = await listRequests(db, group.id);
    return sendHtml(reply, requestsPage(pageContext(request), group, requests));
  });

  htmlDoor(app, decideRequestAction, {
    // The page again, with what was typed and the reason by the field; nothing is sent.
    invalid: async (ctx, at, form) => {
      const requests = await listRequests(db, at.scope.group.id);
      const id = at.scope.membershipId;
      if (!requests.some((r) => r.id === id)) throw notFound();
      const failed = { id, message: form.values.message ?? "", errors: form.errors };
      return requestsPage(ctx, at.scope.group, requests, failed);
    },
    done: (at) => ({
      to: `${groupPath(at)}/requests`,
      flash: "memberships.requests.decided",
    }),
    // Sent twice (a double click): the first sending decided it; the second is told so.
    refused: async (at) =>
      (await decidedRequest(db, at.scope.group.id, at.scope.membershipId))
        ? { to: `${groupPath(at)}/requests`, flash: "memberships.requests.decided" }
        : null,
  });
}

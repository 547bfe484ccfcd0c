import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../infra/html/form.js";
import { MessagePage } from "../../infra/html/message-page.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import type { Viewer } from "../../infra/http/viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { listContacts } from "../accounts/reads.js";
import { placesForNewcomers } from "../groups/present.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { decisionInput, joinInput, offerAnswerInput } from "./inputs.js";
import { decisionMessage, requestMessage, sendOfferMails } from "./mail.js";
import { can } from "./policy.js";
import { decidedRequest, getMembership, listFacilitators, listRequests } from "./reads.js";
import { JoinPage, LeavePage, RequestsPage } from "./views/membership.js";
import { answerOffer, decideRequest, joinGroup, leaveGroup } from "./writes.js";

type SlugParams = { Params: { slug: string } };

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

async function loadGroup(request: FastifyRequest<SlugParams>): Promise<Group> {
  const group = await getGroupBySlug(request.server.deps.db, request.params.slug);
  if (!group || group.status === "closed") throw notFound();
  return group;
}

async function membershipOf(request: FastifyRequest, group: Group, viewer: Viewer | null) {
  return viewer ? getMembership(request.server.deps.db, group.id, viewer.personId) : null;
}

function joinMode(group: Group): "join" | "waitlist" | "request" {
  if (group.joiningPolicy === "ask") return "request";
  return placesForNewcomers(group) > 0 ? "join" : "waitlist";
}

/** Joining, waiting, leaving, and the facilitators' answers to requests. */
export async function membershipPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;

  /** Why this person cannot join or ask to join the group now, in words; null when they can. */
  const joinRefused = (
    viewer: Viewer,
    group: Group,
    membership: Awaited<ReturnType<typeof membershipOf>>,
  ) => {
    if (
      can(viewer, "group.join", group, membership, clock()) ||
      can(viewer, "group.request", group, membership, clock())
    )
      return null;
    if (membership?.state === "removed") return "memberships.removed";
    return membership && membership.state !== "left"
      ? "memberships.alreadyIn"
      : "memberships.notTaking";
  };
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const notifier = { db, mailer, publicUrl: config.publicUrl };
  const groupUrl = (group: Group) => new URL(`/groups/${group.slug}`, config.publicUrl).toString();

  app.get<SlugParams>("/groups/:slug/join", async (request, reply) => {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const ctx = pageContext(request);
    const refused = joinRefused(viewer, group, await membershipOf(request, group, viewer));
    if (refused) {
      return sendHtml(
        reply,
        <MessagePage ctx={ctx} title={group.name} body={ctx.t(refused)} />,
        409,
      );
    }
    return sendHtml(reply, <JoinPage ctx={ctx} group={group} mode={joinMode(group)} />);
  });

  app.post<SlugParams>("/groups/:slug/join", async (request, reply) => {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    // Before the form is read: the join page, with the agreement, is for those who may join.
    const refused = joinRefused(viewer, group, await membershipOf(request, group, viewer));
    if (refused) {
      const ctx = pageContext(request);
      return sendHtml(
        reply,
        <MessagePage ctx={ctx} title={group.name} body={ctx.t(refused)} />,
        409,
      );
    }
    const form = parseForm(joinInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <JoinPage
          ctx={pageContext(request)}
          group={group}
          mode={joinMode(group)}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    const result = await joinGroup(
      db,
      { groupId: group.id, personId: viewer.personId, message: form.data.message },
      clock(),
    );
    if (!result.ok) {
      const ctx = pageContext(request);
      const body =
        result.reason === "REMOVED"
          ? "memberships.removed"
          : result.reason === "ALREADY_IN_GROUP"
            ? "memberships.alreadyIn"
            : "memberships.notTaking";
      return sendHtml(reply, <MessagePage ctx={ctx} title={group.name} body={ctx.t(body)} />, 409);
    }
    if (result.state === "requested") await tellFacilitators(group, viewer);
    const flash =
      result.state === "active"
        ? "memberships.joined.flash"
        : result.state === "requested"
          ? "memberships.requested.flash"
          : "memberships.waitlisted.flash";
    return redirectAfterPost(reply, `/groups/${group.slug}`, flash);
  });

  async function tellFacilitators(group: Group, asking: Viewer) {
    const facilitators = await listContacts(db, await listFacilitators(db, group.id, clock()));
    const requestsUrl = new URL(`/groups/${group.slug}/requests`, config.publicUrl).toString();
    for (const facilitator of facilitators) {
      await mailer.send(
        requestMessage(
          facilitator,
          { name: group.name, url: groupUrl(group), timeZone: group.timeZone },
          asking.displayName ?? "",
          requestsUrl,
        ),
      );
    }
  }

  app.get<SlugParams>("/groups/:slug/leave", async (request, reply) => {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    if (!can(viewer, "group.leave", group, await membershipOf(request, group, viewer), clock()))
      throw notFound();
    return sendHtml(reply, <LeavePage ctx={pageContext(request)} group={group} />);
  });

  app.post<SlugParams>("/groups/:slug/leave", async (request, reply) => {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const result = await leaveGroup(db, { groupId: group.id, personId: viewer.personId }, clock());
    if (!result.ok) {
      // Sent twice (a double click): the first sending ended the place; the second is told so.
      const left = (await getMembership(db, group.id, viewer.personId))?.state === "left";
      if (left) return redirectAfterPost(reply, `/groups/${group.slug}`, "memberships.left.flash");
      throw notFound();
    }
    await sendOfferMails(notifier, { offers: result.offers });
    return redirectAfterPost(reply, `/groups/${group.slug}`, "memberships.left.flash");
  });

  app.post<SlugParams>("/groups/:slug/offer", async (request, reply) => {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const form = parseForm(offerAnswerInput, request.body);
    if (!form.ok)
      throw new HttpProblem(400, "invalid_input", "Choose to take the place or to let it go.");
    const accept = form.data.answer === "accept";
    const result = await answerOffer(
      db,
      { groupId: group.id, personId: viewer.personId, accept },
      clock(),
    );
    if (!result.ok) {
      // Answered already (a double click): the second sending is told what the first did.
      const now = (await getMembership(db, group.id, viewer.personId))?.state;
      const flash =
        now === "active"
          ? "memberships.joined.flash"
          : now === "left"
            ? "memberships.left.flash"
            : "memberships.offer.gone";
      return redirectAfterPost(reply, `/groups/${group.slug}`, flash);
    }
    await sendOfferMails(notifier, { offers: result.offers });
    return redirectAfterPost(
      reply,
      `/groups/${group.slug}`,
      accept ? "memberships.joined.flash" : "memberships.left.flash",
    );
  });

  /** Member-only: for anyone who does not lead the group, as if it did not exist. */
  async function requireLeader(request: FastifyRequest<SlugParams>, reply: FastifyReply) {
    const group = await loadGroup(request);
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    if (
      !can(
        viewer,
        "group.requests.decide",
        group,
        await membershipOf(request, group, viewer),
        clock(),
      )
    )
      throw notFound();
    return { group, viewer };
  }

  app.get<SlugParams>("/groups/:slug/requests", async (request, reply) => {
    const allowed = await requireLeader(request, reply);
    if (!allowed) return reply;
    const requests = await listRequests(db, allowed.group.id);
    return sendHtml(
      reply,
      <RequestsPage ctx={pageContext(request)} group={allowed.group} requests={requests} />,
    );
  });

  app.post<{ Params: { slug: string; membershipId: string } }>(
    "/groups/:slug/requests/:membershipId",
    async (request, reply) => {
      const allowed = await requireLeader(request, reply);
      if (!allowed) return reply;
      if (!/^[0-9a-f-]{36}$/.test(request.params.membershipId)) throw notFound();
      const form = parseForm(decisionInput, request.body);
      if (!form.ok) {
        // The page again, with what was typed and the reason by the field; nothing is sent.
        const requests = await listRequests(db, allowed.group.id);
        const id = request.params.membershipId;
        if (!requests.some((r) => r.id === id)) throw notFound();
        return sendHtml(
          reply,
          <RequestsPage
            ctx={pageContext(request)}
            group={allowed.group}
            requests={requests}
            failed={{ id, message: form.values.message ?? "", errors: form.errors }}
          />,
          400,
        );
      }
      const result = await decideRequest(
        db,
        {
          groupId: allowed.group.id,
          membershipId: request.params.membershipId,
          accept: form.data.decision === "accept",
          message: form.data.message,
        },
        clock(),
      );
      if (!result.ok) {
        // Sent twice (a double click): the first sending decided it; the second is told so.
        if (await decidedRequest(db, allowed.group.id, request.params.membershipId)) {
          return redirectAfterPost(
            reply,
            `/groups/${allowed.group.slug}/requests`,
            "memberships.requests.decided",
          );
        }
        throw notFound();
      }
      const [person] = await listContacts(db, [result.personId]);
      const group = allowed.group;
      if (person) {
        await mailer.send(
          decisionMessage(
            person,
            { name: group.name, url: groupUrl(group), timeZone: group.timeZone },
            result.state,
            form.data.message,
          ),
        );
      }
      return redirectAfterPost(
        reply,
        `/groups/${group.slug}/requests`,
        "memberships.requests.decided",
      );
    },
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import type { Viewer } from "../../infra/http/viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { sendOfferMails } from "../memberships/mail.js";
import { type Standing, standing } from "../memberships/policy.js";
import { getMembership, listActiveMembers } from "../memberships/reads.js";
import { handoverInput, isPersonId, roleInput } from "./inputs.js";
import { sendRemoved } from "./mail.js";
import { abilities, type RoleAction } from "./policy.js";
import { getHandover, listRoleChanges } from "./reads.js";
import { HandoverPage, MembersPage, RemovePage } from "./views/roles.js";
import { agreeHandover, changeRole, proposeHandover, removeMember } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type PersonParams = { Params: { slug: string; personId: string } };
type InGroup = {
  group: Group;
  viewer: Viewer;
  standing: Standing;
  can: Record<RoleAction, boolean>;
};

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** The member list with its roles, changes of role, and the guide's handover. */
export async function rolePages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const notifier = { db, mailer, publicUrl: config.publicUrl };

  /** The group as the viewer stands in it; anyone the action is not for finds nothing (404). */
  async function inGroup(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
    action: RoleAction,
  ): Promise<InGroup | null> {
    const group = await getGroupBySlug(db, request.params.slug);
    if (!group || group.status === "closed") throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const now = clock();
    const where = standing(await getMembership(db, group.id, viewer.personId), group, now);
    const handover = await getHandover(db, group.id);
    const can = abilities(where, { proposed: handover !== null, agreed: !!handover?.agreedAt });
    if (!can["members.view"] || !can[action]) throw notFound();
    return { group, viewer, standing: where, can };
  }

  async function handoverPage(
    request: FastifyRequest,
    reply: FastifyReply,
    at: InGroup,
    form: { status?: number; values?: Record<string, string>; errors?: FieldErrors } = {},
  ) {
    const handover = await getHandover(db, at.group.id);
    return sendHtml(
      reply,
      <HandoverPage
        ctx={pageContext(request)}
        group={at.group}
        handover={handover ? { at: handover.handoverAt, agreed: handover.agreedAt !== null } : null}
        can={at.can}
        values={form.values}
        errors={form.errors}
      />,
      form.status ?? 200,
    );
  }

  app.get<GroupParams>("/groups/:slug/members", async (request, reply) => {
    const at = await inGroup(request, reply, "members.view");
    if (!at) return reply;
    const now = clock();
    const [members, changes] = await Promise.all([
      listActiveMembers(db, at.group.id),
      listRoleChanges(db, at.group.id, now),
    ]);
    const handedOver = at.group.handoverAt !== null && at.group.handoverAt <= now;
    return sendHtml(
      reply,
      <MembersPage
        ctx={pageContext(request)}
        group={at.group}
        members={members}
        changes={changes}
        can={at.can}
        viewerId={at.viewer.personId}
        observers={
          handedOver ? members.filter((m) => m.role === "guide").map((m) => m.personId) : []
        }
      />,
    );
  });

  app.post<PersonParams>("/groups/:slug/members/:personId/role", async (request, reply) => {
    const at = await inGroup(request, reply, "members.manage");
    if (!at) return reply;
    if (!isPersonId(request.params.personId)) throw notFound();
    const form = parseForm(roleInput, request.body);
    if (!form.ok) throw new HttpProblem(400, "invalid_input", "Choose member or facilitator.");
    const result = await changeRole(
      db,
      {
        groupId: at.group.id,
        personId: request.params.personId,
        role: form.data.role,
        changedBy: at.viewer.personId,
      },
      clock(),
    );
    if (!result.ok && result.reason === "NOT_A_MEMBER") throw notFound();
    return redirectAfterPost(
      reply,
      `/groups/${at.group.slug}/members`,
      result.ok ? "roles.changed" : "roles.unchanged",
    );
  });

  /** The member to remove, asked about first: a removal is not undone with a click. */
  async function toRemove(request: FastifyRequest<PersonParams>, at: InGroup) {
    if (!isPersonId(request.params.personId)) throw notFound();
    const members = await listActiveMembers(db, at.group.id);
    const member = members.find((m) => m.personId === request.params.personId);
    if (!member || member.role === "guide" || member.personId === at.viewer.personId) {
      throw notFound();
    }
    return member;
  }

  app.get<PersonParams>("/groups/:slug/members/:personId/remove", async (request, reply) => {
    const at = await inGroup(request, reply, "members.manage");
    if (!at) return reply;
    const member = await toRemove(request, at);
    return sendHtml(
      reply,
      <RemovePage ctx={pageContext(request)} group={at.group} member={member} />,
    );
  });

  app.post<PersonParams>("/groups/:slug/members/:personId/remove", async (request, reply) => {
    const at = await inGroup(request, reply, "members.manage");
    if (!at) return reply;
    // Sent twice (a double click): the first sending removed them; the second is told so.
    const removedAlready = async () =>
      isPersonId(request.params.personId) &&
      (await getMembership(db, at.group.id, request.params.personId))?.state === "removed";
    const members = `/groups/${at.group.slug}/members`;
    if (await removedAlready()) return redirectAfterPost(reply, members, "roles.removed");
    const member = await toRemove(request, at);
    const result = await removeMember(
      db,
      { groupId: at.group.id, personId: member.personId, removedBy: at.viewer.personId },
      clock(),
    );
    if (!result.ok) {
      if (await removedAlready()) return redirectAfterPost(reply, members, "roles.removed");
      throw notFound();
    }
    await sendRemoved(notifier, at.group, member.personId);
    await sendOfferMails(notifier, { offers: result.offers });
    return redirectAfterPost(reply, members, "roles.removed");
  });

  app.get<GroupParams>("/groups/:slug/handover", async (request, reply) => {
    const at = await inGroup(request, reply, "handover.view");
    if (!at) return reply;
    return handoverPage(request, reply, at);
  });

  app.post<GroupParams>("/groups/:slug/handover", async (request, reply) => {
    const at = await inGroup(request, reply, "handover.view");
    if (!at) return reply;
    if (!at.can["handover.propose"])
      throw new HttpProblem(403, "forbidden", "Only the guide proposes the handover.");
    const form = parseForm(handoverInput, request.body);
    if (!form.ok) return handoverPage(request, reply, at, { status: 400, ...form });
    const result = await proposeHandover(
      db,
      {
        groupId: at.group.id,
        timeZone: at.group.timeZone,
        date: form.data.date,
        proposedBy: at.viewer.personId,
      },
      clock(),
    );
    if (!result.ok) {
      return handoverPage(request, reply, at, {
        status: 400,
        values: form.values,
        errors: { date: "roles.errors.past" },
      });
    }
    return redirectAfterPost(reply, `/groups/${at.group.slug}/handover`, "roles.handover.saved");
  });

  app.post<GroupParams>("/groups/:slug/handover/agree", async (request, reply) => {
    const at = await inGroup(request, reply, "handover.view");
    if (!at) return reply;
    const handover = `/groups/${at.group.slug}/handover`;
    // Agreed already, by a double click or another facilitator a moment before: it stands.
    const agreedAlready = async () =>
      at.standing === "facilitator" && Boolean((await getHandover(db, at.group.id))?.agreedAt);
    if (!at.can["handover.agree"]) {
      if (await agreedAlready()) return redirectAfterPost(reply, handover, "roles.handover.done");
      throw new HttpProblem(403, "forbidden", "A facilitator agrees to the guide's proposal.");
    }
    const result = await agreeHandover(
      db,
      { groupId: at.group.id, agreedBy: at.viewer.personId },
      clock(),
    );
    if (!result.ok) {
      if (await agreedAlready()) return redirectAfterPost(reply, handover, "roles.handover.done");
      throw new HttpProblem(409, "handover_passed", "Ask the guide for a new date.");
    }
    return redirectAfterPost(reply, handover, "roles.handover.done");
  });
}

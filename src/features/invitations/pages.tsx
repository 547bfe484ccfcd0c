import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import type { MailFailure } from "../../infra/mail/mailer.js";
import { type Group, getGroupById } from "../groups/reads.js";
import { groupLedBy } from "../memberships/reads.js";
import { inviteInput } from "./inputs.js";
import { sendInvitation } from "./mail.js";
import { InvitationPage, InvitePage, OtherAddressPage } from "./views/invitations.js";
import { acceptInvitation, createInvitation, findInvitation, invitedAddress } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type TokenParams = { Params: { token: string } };

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Facilitators invite people by e-mail; the person invited joins from the link. */
export async function invitationPages(app: FastifyInstance) {
  const { db, clock, mailer, config } = app.deps;

  /** The group, for the people who lead it; anyone else finds nothing (404). */
  async function leading(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
  ): Promise<Group | null> {
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const group = await groupLedBy(db, request.params.slug, viewer.personId, clock());
    if (!group) throw notFound();
    return group;
  }

  app.get<GroupParams>("/groups/:slug/invitations", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    return sendHtml(reply, <InvitePage ctx={pageContext(request)} group={group} />);
  });

  app.post<GroupParams>("/groups/:slug/invitations", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    const form = parseForm(inviteInput, request.body);
    const submission = submissionIdOf(request.body);
    const again = (errors: FieldErrors, status = 400) =>
      sendHtml(
        reply,
        <InvitePage
          ctx={pageContext(request)}
          group={group}
          once={submission ?? true}
          values={form.values}
          errors={errors}
        />,
        status,
      );
    if (!form.ok) return again(form.errors);
    const { email, message } = form.data;
    const viewer = request.viewer!;
    // Nothing half done: the invitation is kept only once its e-mail has gone. Sent twice (a
    // double click), the second sending waits for the first and sends nothing more.
    const done = await onceOnly(
      db,
      submission,
      clock(),
      async (tx): Promise<{ ok: true } | { ok: false; failed: MailFailure }> => {
        const token = await createInvitation(
          tx,
          { groupId: group.id, email, invitedBy: viewer.personId },
          clock(),
        );
        const failed = await sendInvitation(
          { mailer, publicUrl: config.publicUrl, log: request.log },
          {
            email,
            language: request.lang,
            group,
            from: viewer.displayName || request.t("meetings.someone"),
            message,
            token,
          },
        );
        return failed ? { ok: false, failed } : { ok: true };
      },
      { ledTo: () => `/groups/${group.slug}/members`, fallback: `/groups/${group.slug}/members` },
    );
    if (!done.sentTwice && !done.outcome.ok) {
      return again({ email: done.outcome.failed.error }, done.outcome.failed.status);
    }
    return redirectAfterPost(reply, `/groups/${group.slug}/members`, "invitations.sent");
  });

  /** The invitation and its group, while the link works and the group takes members. */
  async function invited(token: string) {
    if (!tokenShape.test(token)) return null;
    const invitation = await findInvitation(db, token, clock());
    const group = invitation ? await getGroupById(db, invitation.groupId) : null;
    return invitation && group?.status === "active" ? { invitation, group } : null;
  }

  app.get<TokenParams>("/invitations/:token", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const found = await invited(request.params.token);
    const ctx = pageContext(request);
    // Signed in with another address: the group is not shown to whoever holds the link.
    if (found && !invitedAddress(found.invitation, viewer.email))
      return sendHtml(reply, <OtherAddressPage ctx={ctx} email={viewer.email} />, 403);
    return sendHtml(
      reply,
      <InvitationPage ctx={ctx} group={found?.group ?? null} token={request.params.token} />,
      found ? 200 : 404,
    );
  });

  app.post<TokenParams>("/invitations/:token", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    if (!tokenShape.test(request.params.token)) throw notFound();
    const result = await acceptInvitation(
      db,
      { token: request.params.token, personId: viewer.personId, email: viewer.email },
      clock(),
    );
    if (!result.ok) {
      if (result.reason === "OTHER_ADDRESS") {
        const ctx = pageContext(request);
        return sendHtml(reply, <OtherAddressPage ctx={ctx} email={viewer.email} />, 403);
      }
      if (result.reason === "ALREADY_IN_GROUP") {
        const found = await invited(request.params.token);
        if (found) return redirectAfterPost(reply, `/groups/${found.group.slug}`);
      }
      throw notFound();
    }
    const group = await getGroupById(db, result.groupId);
    return redirectAfterPost(
      reply,
      `/groups/${group!.slug}`,
      result.state === "active" ? "invitations.joined" : "invitations.waiting",
    );
  });
}

import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { inviteAction, takeUpAction } from "./actions.js";
import { takeUpRefusal } from "./policy.js";
import { anInvitation, invitingTo } from "./scope.js";
import { InvitationPage, InvitePage, OtherAddressPage } from "./views/invitations.js";

/** Facilitators invite people by e-mail; the person invited joins from the link. */
export async function invitationPages(app: FastifyInstance) {
  scopedPage(app, "/groups/:slug/invitations", invitingTo, async (request, reply, at) =>
    sendHtml(reply, <InvitePage ctx={pageContext(request)} group={at.scope.group} />),
  );

  const members = (slug: string) => `/groups/${slug}/members`;
  htmlDoor(app, inviteAction, {
    invalid: (ctx, at, form) => (
      <InvitePage
        ctx={ctx}
        group={at.scope.group}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: {
      ADDRESS_REFUSED: { email: "errors.email.refused" },
      MAIL_UNAVAILABLE: { email: "errors.email.unavailable" },
    },
    done: (at) => ({ to: members(at.scope.group.slug), flash: "invitations.sent" }),
    // Sent twice (a double click), the second sending waits for the first and sends nothing more.
    once: { fallback: (at) => members(at.scope.group.slug), again: "invitations.sent" },
  });

  scopedPage(app, "/invitations/:token", anInvitation, async (request, reply, at) => {
    const { found, token } = at.scope;
    const ctx = pageContext(request);
    // Signed in with another address: the group is not shown to whoever holds the link.
    if (takeUpRefusal(found?.invitation ?? null, at.viewer.email) === "OTHER_ADDRESS")
      return sendHtml(reply, <OtherAddressPage ctx={ctx} email={at.viewer.email} />, 403);
    return sendHtml(
      reply,
      <InvitationPage ctx={ctx} group={found?.group ?? null} token={token} />,
      found ? 200 : 404,
    );
  });

  htmlDoor(app, takeUpAction, {
    done: (_at, done) => ({
      to: `/groups/${done.slug}`,
      flash: done.state === "active" ? "invitations.joined" : "invitations.waiting",
    }),
    explain: {
      OTHER_ADDRESS: (ctx, at) => <OtherAddressPage ctx={ctx} email={at.viewer.email} />,
    },
    // In the group already, or on its waiting list (joined another way): the group's page.
    refused: (at, reason) =>
      reason === "ALREADY_IN_GROUP" && at.scope.found
        ? { to: `/groups/${at.scope.found.group.slug}` }
        : null,
  });
}

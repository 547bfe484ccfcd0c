import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { notFound } from "../../infra/http/problem.js";
import { getMembership, listActiveMembers } from "../memberships/reads.js";
import {
  agreeHandoverAction,
  changeRoleAction,
  proposeHandoverAction,
  removeAction,
} from "./actions.js";
import { removeRefusal } from "./policy.js";
import { getHandover, listRoleChanges } from "./reads.js";
import { aMember, amongMembers, handingOver, type InRoles } from "./scope.js";
import { HandoverPage, MembersPage, RemovePage } from "./views/roles.js";

/** The member list with its roles, changes of role, and the guide's handover. */
export async function rolePages(app: FastifyInstance) {
  const { db } = app.deps;
  const membersPath = (at: At<InRoles>) => `/groups/${at.scope.group.slug}/members`;
  const handoverPath = (at: At<InRoles>) => `/groups/${at.scope.group.slug}/handover`;

  const handoverPage = (
    ctx: PageContext,
    { scope }: At<InRoles>,
    form: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => (
    <HandoverPage
      ctx={ctx}
      group={scope.group}
      handover={
        scope.handover
          ? { at: scope.handover.handoverAt, agreed: scope.handover.agreedAt !== null }
          : null
      }
      can={scope.can}
      values={form.values}
      errors={form.errors}
    />
  );

  scopedPage(app, "/groups/:slug/members", amongMembers, async (request, reply, at) => {
    const { group, can } = at.scope;
    const [members, changes] = await Promise.all([
      listActiveMembers(db, group.id),
      listRoleChanges(db, group.id, at.now),
    ]);
    const handedOver = group.handoverAt !== null && group.handoverAt <= at.now;
    return sendHtml(
      reply,
      <MembersPage
        ctx={pageContext(request)}
        group={group}
        members={members}
        changes={changes}
        can={can}
        viewerId={at.viewer.personId}
        observers={
          handedOver ? members.filter((m) => m.role === "guide").map((m) => m.personId) : []
        }
      />,
    );
  });

  htmlDoor(app, changeRoleAction, {
    done: (at, done) => ({
      to: membersPath(at),
      flash: done.changed ? "roles.changed" : "roles.unchanged",
    }),
    // The guide's role changes only at the handover: nothing changed.
    refused: (at, reason) =>
      reason === "IS_GUIDE" ? { to: membersPath(at), flash: "roles.unchanged" } : null,
  });

  // The member to remove, asked about first: a removal is not undone with a click.
  scopedPage(app, "/groups/:slug/members/:personId/remove", aMember, async (request, reply, at) => {
    const { group, member } = at.scope;
    if (!member || removeRefusal(at.viewer.personId, member)) throw notFound();
    return sendHtml(reply, <RemovePage ctx={pageContext(request)} group={group} member={member} />);
  });

  htmlDoor(app, removeAction, {
    done: (at) => ({ to: membersPath(at), flash: "roles.removed" }),
    // Sent twice (a double click): the first sending removed them; the second is told so.
    refused: async (at) =>
      (await getMembership(db, at.scope.group.id, at.scope.personId))?.state === "removed"
        ? { to: membersPath(at), flash: "roles.removed" }
        : null,
  });

  scopedPage(app, "/groups/:slug/handover", handingOver, async (request, reply, at) =>
    sendHtml(reply, handoverPage(pageContext(request), at)),
  );

  htmlDoor(app, proposeHandoverAction, {
    invalid: (ctx, at, form) => handoverPage(ctx, at, form),
    fields: {
      IN_THE_PAST: { date: "roles.errors.past" },
      AGREED: { date: "roles.errors.past" },
    },
    done: (at) => ({ to: handoverPath(at), flash: "roles.handover.saved" }),
  });

  htmlDoor(app, agreeHandoverAction, {
    done: (at) => ({ to: handoverPath(at), flash: "roles.handover.done" }),
    // Agreed already, by a double click or another facilitator a moment before: it stands.
    refused: async (at) =>
      at.scope.standing === "facilitator" && (await getHandover(db, at.scope.group.id))?.agreedAt
        ? { to: handoverPath(at), flash: "roles.handover.done" }
        : null,
  });
}

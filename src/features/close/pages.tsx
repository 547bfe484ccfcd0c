import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { listContacts } from "../accounts/reads.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { listPastMeetings } from "../meetings/reads.js";
import { getMembership, groupLedBy, listFormerMembers } from "../memberships/reads.js";
import { sendLifeChange } from "./mail.js";
import { canReadHistory, historyUntil } from "./policy.js";
import { ClosePage, HistoryPage } from "./views/close.js";
import { changeGroupLife } from "./writes.js";

type GroupParams = { Params: { slug: string } };

const changeInput = z.object({
  change: z.enum(["pause", "resume", "close"]),
  agreed: z.string().optional(),
});

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** Pausing, starting again and closing a group, and a closed group's history. */
export async function closePages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);

  /** The group, for the people who lead it while it is open; anyone else finds nothing. */
  async function leading(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
  ): Promise<Group | null> {
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const group = await groupLedBy(db, request.params.slug, viewer.personId, clock(), [
      "active",
      "paused",
    ]);
    if (!group) throw notFound();
    return group;
  }

  app.get<GroupParams>("/groups/:slug/close", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    return sendHtml(reply, <ClosePage ctx={pageContext(request)} group={group} />);
  });

  app.post<GroupParams>("/groups/:slug/close", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    const form = parseForm(changeInput, request.body);
    if (!form.ok) throw new HttpProblem(400, "invalid_input", "Choose to pause, resume or close.");
    const { change } = form.data;
    if (change === "close" && form.data.agreed !== "yes") {
      return sendHtml(
        reply,
        <ClosePage
          ctx={pageContext(request)}
          group={group}
          errors={{ agreed: "close.errors.agreed" }}
        />,
        400,
      );
    }
    const now = clock();
    const result = await changeGroupLife(db, { groupId: group.id, change }, now);
    if (!result.ok) {
      // Done a moment before, by a double click or another facilitator: it stands, and is said.
      const target = { pause: "paused", resume: "active", close: "closed" }[change];
      if ((await getGroupBySlug(db, group.slug))?.status === target) {
        return change === "close"
          ? redirectAfterPost(reply, `/groups/${group.slug}/history`, "close.closed")
          : redirectAfterPost(reply, `/groups/${group.slug}`, `close.${change}d`);
      }
      throw new HttpProblem(409, "not_now", "The group is not in a state to do that.");
    }
    const closed =
      change === "close" ? { ...group, status: "closed" as const, closedAt: now } : null;
    await sendLifeChange(
      { db, mailer, publicUrl: config.publicUrl },
      group,
      change,
      result.memberIds,
      closed ? historyUntil(closed) : null,
    );
    return closed
      ? redirectAfterPost(reply, `/groups/${group.slug}/history`, "close.closed")
      : redirectAfterPost(reply, `/groups/${group.slug}`, `close.${change}d`);
  });

  app.get<GroupParams>("/groups/:slug/history", async (request, reply) => {
    const group = await getGroupBySlug(db, request.params.slug);
    if (!group) throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const now = clock();
    const membership = await getMembership(db, group.id, viewer.personId);
    if (!canReadHistory(group, membership, now)) throw notFound();
    const closedAt = group.closedAt!;
    const [former, meetings] = await Promise.all([
      listFormerMembers(db, group.id, closedAt),
      listPastMeetings(db, group.id, { since: new Date(0), now: closedAt }),
    ]);
    const names = (await listContacts(db, former)).map((c) => c.displayName || "–");
    return sendHtml(
      reply,
      <HistoryPage
        ctx={pageContext(request)}
        group={group}
        closedAt={closedAt}
        until={historyUntil(group)!}
        agreement={group.agreement}
        members={names}
        meetings={meetings}
      />,
    );
  });
}

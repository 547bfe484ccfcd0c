import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { ledToBefore, onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import type { Viewer } from "../../infra/http/viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { standing } from "../memberships/policy.js";
import { getMembership } from "../memberships/reads.js";
import { objectionInput, proposalInput } from "./inputs.js";
import { adoptDueAgreements } from "./jobs.js";
import { sendAgreementNews } from "./mail.js";
import { type AgreementAction, abilities, changedSinceAccepted } from "./policy.js";
import { getOpenChange, listSettledChanges, objectedToLatest } from "./reads.js";
import { AgreementPage } from "./views/agreement.js";
import { acceptAgreement, objectToChange, proposeAgreementChange } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type AtAgreement = {
  group: Group;
  viewer: Viewer;
  can: Record<AgreementAction, boolean>;
  acceptedAt: Date | null;
};
type FormState = {
  status?: number;
  values?: Record<string, string>;
  errors?: FieldErrors;
  once?: string | null;
};

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** The group's agreement: reading it, proposing a change, objecting, accepting it again. */
export async function agreementPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const mailDeps = { db, mailer, publicUrl: config.publicUrl };

  /**
   * The group and what the viewer may do with its agreement. A change whose week is over takes
   * effect first, so nobody reads an agreement that is no longer the group's. Anyone who is not
   * a member finds nothing (404), exactly as for a missing group.
   */
  async function atAgreement(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
  ): Promise<AtAgreement | null> {
    let group = await getGroupBySlug(db, request.params.slug);
    if (!group || group.status === "closed") throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const now = clock();
    const membership = await getMembership(db, group.id, viewer.personId);
    const where = standing(membership, group, now);
    if (where !== "member" && where !== "facilitator" && where !== "guide") throw notFound();
    if ((await adoptDueAgreements({ ...app.deps, mailer }, now, group.id)) > 0) {
      group = (await getGroupBySlug(db, group.slug)) ?? group;
    }
    const open = await getOpenChange(db, group.id);
    const can = abilities(where, {
      open: open !== null,
      proposedByViewer: open?.proposedBy === viewer.personId,
      changedSinceAccepted: changedSinceAccepted(membership, group),
    });
    return { group, viewer, can, acceptedAt: membership?.agreementAcceptedAt ?? null };
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    at: AtAgreement,
    form: FormState = {},
  ) {
    const [open, history] = await Promise.all([
      getOpenChange(db, at.group.id),
      listSettledChanges(db, at.group.id),
    ]);
    return sendHtml(
      reply,
      <AgreementPage
        ctx={pageContext(request)}
        group={at.group}
        open={open}
        history={history}
        can={at.can}
        acceptedAt={at.acceptedAt}
        once={form.once ?? true}
        values={form.values ?? { text: at.group.agreement }}
        errors={form.errors}
      />,
      form.status ?? 200,
    );
  }

  const back = (group: Group) => `/groups/${group.slug}/agreement`;

  app.get<GroupParams>("/groups/:slug/agreement", async (request, reply) => {
    const at = await atAgreement(request, reply);
    if (!at) return reply;
    return page(request, reply, at);
  });

  app.post<GroupParams>("/groups/:slug/agreement", async (request, reply) => {
    const at = await atAgreement(request, reply);
    if (!at) return reply;
    // Sent twice (a double click): the first sending opened the change, which now bars another.
    const once = submissionIdOf(request.body);
    const before = await ledToBefore(db, once);
    if (before) return redirectAfterPost(reply, before, "agreement.proposed");
    if (!at.can["agreement.propose"]) {
      throw new HttpProblem(
        403,
        "forbidden",
        "The facilitators propose changes, one at a time; this one is still open.",
      );
    }
    const form = parseForm(proposalInput, request.body);
    if (!form.ok) return page(request, reply, at, { status: 400, ...form, once });
    const now = clock();
    const done = await onceOnly(
      db,
      once,
      now,
      (tx) =>
        proposeAgreementChange(
          tx,
          { groupId: at.group.id, ...form.data, proposedBy: at.viewer.personId },
          now,
        ),
      { ledTo: () => back(at.group), fallback: back(at.group) },
    );
    if (done.sentTwice) return redirectAfterPost(reply, done.ledTo, "agreement.proposed");
    const result = done.outcome;
    if (!result.ok) {
      return page(request, reply, at, {
        status: 400,
        values: form.values,
        once,
        errors: {
          text:
            result.reason === "UNCHANGED" ? "agreement.errors.unchanged" : "agreement.errors.open",
        },
      });
    }
    await sendAgreementNews(mailDeps, at.group, result.change, "proposed", now);
    return redirectAfterPost(reply, back(at.group), "agreement.proposed");
  });

  app.post<GroupParams>("/groups/:slug/agreement/objection", async (request, reply) => {
    const at = await atAgreement(request, reply);
    if (!at) return reply;
    // Sent twice (a double click): the first objection stopped the change; the second is told so.
    const objectedAlready = () => objectedToLatest(db, at.group.id, at.viewer.personId);
    if (!at.can["agreement.object"]) {
      if (await objectedAlready())
        return redirectAfterPost(reply, back(at.group), "agreement.objected");
      throw new HttpProblem(403, "forbidden", "There is no change open for objections.");
    }
    const form = parseForm(objectionInput, request.body);
    if (!form.ok) return page(request, reply, at, { status: 400, ...form });
    const now = clock();
    const result = await objectToChange(
      db,
      { groupId: at.group.id, personId: at.viewer.personId, reason: form.data.reason },
      now,
    );
    if (!result.ok) {
      if (await objectedAlready())
        return redirectAfterPost(reply, back(at.group), "agreement.objected");
      throw new HttpProblem(409, "not_open", "The change is no longer open.");
    }
    await sendAgreementNews(mailDeps, at.group, result.change, "objected", now);
    return redirectAfterPost(reply, back(at.group), "agreement.objected");
  });

  app.post<GroupParams>("/groups/:slug/agreement/accept", async (request, reply) => {
    const at = await atAgreement(request, reply);
    if (!at) return reply;
    if (!at.can["agreement.accept"]) {
      return redirectAfterPost(reply, `/groups/${at.group.slug}`);
    }
    const { read } = (request.body ?? {}) as { read?: unknown };
    const accepted =
      typeof read === "string" &&
      !Number.isNaN(Date.parse(read)) &&
      (await acceptAgreement(
        db,
        { groupId: at.group.id, personId: at.viewer.personId, read: new Date(read) },
        clock(),
      ));
    // Changed while it was being read: the new text, to read before accepting.
    if (!accepted) return redirectAfterPost(reply, back(at.group), "agreement.changedWhileReading");
    return redirectAfterPost(reply, `/groups/${at.group.slug}`, "agreement.accepted");
  });
}

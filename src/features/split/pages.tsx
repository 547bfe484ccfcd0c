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
import { type Group, getGroupById, getGroupBySlug } from "../groups/reads.js";
import { sendOfferMails } from "../memberships/mail.js";
import { standing } from "../memberships/policy.js";
import { getMembership, listActiveMembers, participantIds } from "../memberships/reads.js";
import { choiceInput, splitInput } from "./inputs.js";
import { sendSplitDone, sendSplitProposed } from "./mail.js";
import { abilities, SPLIT_MINIMUM, type SplitAction } from "./policy.js";
import { getOpenSplit, listSplitOutcome } from "./reads.js";
import { SplitPage } from "./views/split.js";
import { chooseInSplit, completeSplit, proposeSplit, withdrawSplit } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type AtSplit = { group: Group; viewer: Viewer; can: Record<SplitAction, boolean> };
type FormState = {
  status?: number;
  values?: Record<string, string>;
  lists?: Record<string, string[]>;
  errors?: FieldErrors;
  once?: string | null;
};

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** Splitting a group that has grown too big into two, each member choosing where to go. */
export async function splitPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const notifier = { db, mailer, publicUrl: config.publicUrl };

  async function atSplit(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
  ): Promise<AtSplit | null> {
    const group = await getGroupBySlug(db, request.params.slug);
    if (group?.status !== "active") throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const where = standing(await getMembership(db, group.id, viewer.personId), group, clock());
    if (where !== "member" && where !== "facilitator" && where !== "guide") throw notFound();
    const split = await getOpenSplit(db, group.id);
    const can = abilities(where, {
      open: split !== null,
      activeMembers: group.activeMemberCount,
      namedFacilitator:
        split?.parts.some((p) => p.facilitatorIds.includes(viewer.personId)) ?? false,
    });
    return { group, viewer, can };
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    at: AtSplit,
    form: FormState = {},
  ) {
    const [split, members] = await Promise.all([
      getOpenSplit(db, at.group.id),
      listActiveMembers(db, at.group.id),
    ]);
    return sendHtml(
      reply,
      <SplitPage
        ctx={pageContext(request)}
        group={at.group}
        split={split}
        members={members}
        viewerId={at.viewer.personId}
        can={at.can}
        minimum={SPLIT_MINIMUM}
        once={form.once ?? true}
        values={form.values}
        lists={form.lists}
        errors={form.errors}
      />,
      form.status ?? 200,
    );
  }

  const back = (group: Group) => `/groups/${group.slug}/split`;

  /**
   * The group a completed split of this group made for this person: the one they are in, else the
   * first. Null while no split of it was completed.
   */
  async function madeBySplit(group: Group, viewer: Viewer): Promise<Group | null> {
    const outcome = await listSplitOutcome(db, group.id);
    const made = (
      await Promise.all(outcome?.parts.map((p) => p.groupId && getGroupById(db, p.groupId)) ?? [])
    ).filter((g): g is Group => Boolean(g));
    const held = await Promise.all(made.map((g) => getMembership(db, g.id, viewer.personId)));
    return made.find((_, i) => held[i]?.state === "active") ?? made[0] ?? null;
  }

  app.get<GroupParams>("/groups/:slug/split", async (request, reply) => {
    const at = await atSplit(request, reply);
    if (!at) return reply;
    return page(request, reply, at);
  });

  app.post<GroupParams>("/groups/:slug/split", async (request, reply) => {
    const at = await atSplit(request, reply);
    if (!at) return reply;
    // Sent twice (a double click): the first sending opened the split, which now bars another.
    const once = submissionIdOf(request.body);
    const before = await ledToBefore(db, once);
    if (before) return redirectAfterPost(reply, before, "split.proposed");
    if (!at.can["split.propose"]) {
      throw new HttpProblem(
        403,
        "forbidden",
        `The facilitators propose a split, once the group has ${SPLIT_MINIMUM} members or more.`,
      );
    }
    const form = parseForm(splitInput, request.body);
    if (!form.ok) return page(request, reply, at, { status: 400, ...form, once });
    const done = await onceOnly(
      db,
      once,
      clock(),
      (tx) =>
        proposeSplit(
          tx,
          {
            groupId: at.group.id,
            proposedBy: at.viewer.personId,
            form: form.data,
            minimum: SPLIT_MINIMUM,
          },
          clock(),
        ),
      { ledTo: () => back(at.group), fallback: back(at.group) },
    );
    if (done.sentTwice) return redirectAfterPost(reply, done.ledTo, "split.proposed");
    const result = done.outcome;
    if (!result.ok) {
      if (result.reason === "NOT_MEMBERS") {
        return page(request, reply, at, {
          status: 400,
          values: form.values,
          lists: form.lists,
          once,
          errors: { [result.field]: "split.errors.notMember" },
        });
      }
      throw new HttpProblem(409, "split_open", "A split is already proposed.");
    }
    // Everyone who takes part chooses, but those named to facilitate, and not an observer.
    const choosing = await participantIds(db, at.group.id, clock());
    const named = new Set([...form.data.facilitators1, ...form.data.facilitators2]);
    await sendSplitProposed(
      notifier,
      at.group,
      choosing.filter((id) => !named.has(id)),
    );
    return redirectAfterPost(reply, back(at.group), "split.proposed");
  });

  app.post<GroupParams>("/groups/:slug/split/choice", async (request, reply) => {
    const at = await atSplit(request, reply);
    if (!at) return reply;
    if (!at.can["split.choose"]) {
      throw new HttpProblem(403, "forbidden", "There is no choice for you to make here.");
    }
    const form = parseForm(choiceInput, request.body);
    if (!form.ok) return page(request, reply, at, { status: 400, ...form });
    const part = form.data.part === "leave" ? null : (Number(form.data.part) as 1 | 2);
    await chooseInSplit(db, { groupId: at.group.id, personId: at.viewer.personId, part }, clock());
    return redirectAfterPost(reply, back(at.group), "split.chosen");
  });

  app.post<GroupParams>("/groups/:slug/split/withdraw", async (request, reply) => {
    const at = await atSplit(request, reply);
    if (!at) return reply;
    if (!at.can["split.complete"]) {
      throw new HttpProblem(403, "forbidden", "There is no split to withdraw.");
    }
    // Completed a moment before by another facilitator: there is nothing left to withdraw. (Sent
    // twice, a withdrawal finds it withdrawn already, and says so once more.)
    if (!(await withdrawSplit(db, at.group.id, clock()))) {
      const made = await madeBySplit(at.group, at.viewer);
      if (made) return redirectAfterPost(reply, `/groups/${made.slug}`, "split.doneMeanwhile");
    }
    return redirectAfterPost(reply, back(at.group), "split.withdrawn");
  });

  app.post<GroupParams>("/groups/:slug/split/complete", async (request, reply) => {
    const at = await atSplit(request, reply);
    if (!at) return reply;
    if (!at.can["split.complete"]) {
      throw new HttpProblem(403, "forbidden", "There is no split to complete.");
    }
    const now = clock();
    const result = await completeSplit(db, { groupId: at.group.id }, now);
    if (!result.ok && result.reason === "NO_SPLIT") {
      // Completed by a first click, or by another facilitator a moment before: where it led.
      const made = await madeBySplit(at.group, at.viewer);
      if (made) return redirectAfterPost(reply, `/groups/${made.slug}`, "split.done");
      // Withdrawn a moment before by another facilitator.
      return redirectAfterPost(reply, back(at.group), "split.withdrawnMeanwhile");
    }
    // A facilitator named for one of the groups has left since: the way on is to withdraw it.
    if (!result.ok) {
      return page(request, reply, at, {
        status: 409,
        errors: { withdraw: "split.errors.facilitatorLeft" },
      });
    }
    await sendSplitDone(notifier, at.group, result.groups, result.placed);
    await sendOfferMails(notifier, { offers: result.offers });
    const mine = result.placed.find((p) => p.personId === at.viewer.personId);
    const landing = result.groups.find((g) => g.id === mine?.groupId) ?? result.groups[0]!;
    return redirectAfterPost(reply, `/groups/${landing.slug}`, "split.done");
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { findPlace } from "../../infra/places/find-place.js";
import { listDifficulties } from "../difficulties/reads.js";
import { checkGroupDraft, groupForm } from "../groups/inputs.js";
import { type Group, getGroupBySlug } from "../groups/reads.js";
import { FoundGroupPage } from "../groups/views/found.js";
import { sendOfferMails } from "../memberships/mail.js";
import { groupLedBy } from "../memberships/reads.js";
import { sendScheduleChanged } from "./mail.js";
import { formOfGroup } from "./present.js";
import { updateGroup } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type FormState = {
  status?: number;
  values: Record<string, string>;
  lists: Record<string, string[]>;
  errors?: FieldErrors;
};

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** The group's page and schedule, changed by the people who lead it. */
export async function settingsPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const notifier = { db, mailer, publicUrl: config.publicUrl };

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

  async function page(request: FastifyRequest, reply: FastifyReply, group: Group, form: FormState) {
    const difficulties = await listDifficulties(db, request.lang);
    return sendHtml(
      reply,
      <FoundGroupPage
        ctx={pageContext(request)}
        difficulties={difficulties}
        organisations={[]}
        editing={{ slug: group.slug, name: group.name }}
        values={form.values}
        lists={form.lists}
        errors={form.errors}
      />,
      form.status ?? 200,
    );
  }

  app.get<GroupParams>("/groups/:slug/settings", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    return page(request, reply, group, formOfGroup(group));
  });

  app.post<GroupParams>("/groups/:slug/settings", async (request, reply) => {
    const group = await leading(request, reply);
    if (!group) return reply;
    const form = parseForm(groupForm, request.body);
    if (!form.ok) return page(request, reply, group, { status: 400, ...form });
    const now = clock();
    const difficulties = await listDifficulties(db, request.lang);
    const checked = await checkGroupDraft(form.data, {
      // A difficulty since retired stays as the group had it.
      offeredDifficulties: [...difficulties.map((d) => d.slug), ...group.difficultySlugs],
      // The group keeps its clock: its meetings stay where they are.
      timeZoneOf: () => group.timeZone,
      now,
      findTown: (typed) => findPlace(db, typed, { language: request.lang }),
    });
    if (!checked.ok)
      return page(request, reply, group, { status: 400, ...form, errors: checked.errors });
    const result = await updateGroup(
      db,
      { groupId: group.id, form: form.data, place: checked.place },
      now,
    );
    if (!result.ok) {
      if (result.reason === "NOT_ACTIVE") throw notFound();
      return page(request, reply, group, {
        status: 400,
        ...form,
        errors: { capacity: "settings.errors.capacityBelowMembers" },
      });
    }
    if (result.scheduleChanged || result.plan.cancelled.length > 0) {
      const changed = await getGroupBySlug(db, group.slug);
      if (changed) await sendScheduleChanged(notifier, changed, result.plan);
    }
    await sendOfferMails(notifier, { offers: result.offers });
    return redirectAfterPost(reply, `/groups/${group.slug}`, "settings.saved");
  });
}

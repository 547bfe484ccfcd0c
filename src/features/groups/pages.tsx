import type { FastifyInstance } from "fastify";
import { parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import { findPlace } from "../../infra/places/find-place.js";
import { timeZoneAt } from "../../infra/places/time-zone.js";
import { listDifficulties } from "../difficulties/reads.js";
import { listOrganisationsCoordinatedBy } from "../organisations/reads.js";
import { checkGroupDraft, groupForm } from "./inputs.js";
import { FoundGroupPage } from "./views/found.js";
import { foundGroup } from "./writes.js";

/** Three months: how far back the group page counts the members who led a meeting. */
const _LEADERS_LOOKBACK_MS = 91 * 86_400_000;

/** Starting a group, and a group's own page. */
export async function groupPages(app: FastifyInstance) {
  const { db, clock, config } = app.deps;

  app.get("/groups/new", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const [difficulties, organisations] = await Promise.all([
      listDifficulties(db, request.lang),
      listOrganisationsCoordinatedBy(db, viewer.personId),
    ]);
    return sendHtml(
      reply,
      <FoundGroupPage
        ctx={pageContext(request)}
        difficulties={difficulties}
        organisations={organisations}
      />,
    );
  });

  app.post("/groups", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const [difficulties, organisations] = await Promise.all([
      listDifficulties(db, request.lang),
      listOrganisationsCoordinatedBy(db, viewer.personId),
    ]);
    const form = parseForm(groupForm, request.body);
    const submission = submissionIdOf(request.body);
    const again = (
      values: Record<string, string>,
      lists: Record<string, string[]>,
      errors: Parameters<typeof FoundGroupPage>[0]["errors"],
    ) =>
      sendHtml(
        reply,
        <FoundGroupPage
          ctx={pageContext(request)}
          difficulties={difficulties}
          organisations={organisations}
          once={submission ?? true}
          values={values}
          lists={lists}
          errors={errors}
        />,
        400,
      );
    if (!form.ok) return again(form.values, form.lists, form.errors);
    const draft = form.data;
    const { values, lists } = form;
    if (draft.organisationId && !organisations.some((o) => o.id === draft.organisationId)) {
      return again(values, lists, { organisationId: "groups.errors.organisation" });
    }
    const checked = await checkGroupDraft(draft, {
      offeredDifficulties: difficulties.map((d) => d.slug),
      // A group that meets in a town keeps that town's clock; one that meets online or by
      // telephone, the instance's.
      timeZoneOf: (place) => (place ? timeZoneAt(place) : config.timeZone),
      now: clock(),
      findTown: (typed) => findPlace(db, typed, { language: request.lang }),
    });
    if (!checked.ok) return again(values, lists, checked.errors);
    const { place, timeZone } = checked;
    const done = await onceOnly(
      db,
      submission,
      clock(),
      (tx) =>
        foundGroup(
          tx,
          {
            form: draft,
            place,
            founderId: viewer.personId,
            organisationId: draft.organisationId ?? null,
            timeZone,
          },
          clock(),
        ),
      {
        ledTo: (founded) => (founded.ok ? `/groups/${founded.slug}` : "/groups"),
        fallback: "/groups",
      },
    );
    // Sent twice (a double click): the group the first sending started.
    if (done.sentTwice) return redirectAfterPost(reply, done.ledTo, "groups.new.created");
    const result = done.outcome;
    if (!result.ok) throw new HttpProblem(409, "slug_taken", "Please try again.");
    return redirectAfterPost(reply, `/groups/${result.slug}`, "groups.new.created");
  });
}

import type { FastifyInstance } from "fastify";
import { parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import { formatDate } from "../../infra/i18n/i18n.js";
import { findPlace } from "../../infra/places/find-place.js";
import { timeZoneAt } from "../../infra/places/time-zone.js";
import { listDifficulties } from "../difficulties/reads.js";
import { countRecentFacilitators } from "../meetings/reads.js";
import { listOrganisationsCoordinatedBy } from "../organisations/reads.js";
import { changedSinceAccepted } from "./agreement/policy.js";
import { checkGroupDraft, groupForm } from "./inputs.js";
import { abilities, standing } from "./memberships/policy.js";
import { getMembership, listRequests, waitlistPosition } from "./memberships/reads.js";
import { groupPageView } from "./present.js";
import { getGroupBySlug } from "./reads.js";
import { FoundGroupPage } from "./views/found.js";
import { GroupPage } from "./views/group.js";
import { foundGroup } from "./writes.js";

/** Three months: how far back the group page counts the members who led a meeting. */
const LEADERS_LOOKBACK_MS = 91 * 86_400_000;

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

  app.get<{ Params: { slug: string } }>("/groups/:slug", async (request, reply) => {
    const group = await getGroupBySlug(db, request.params.slug);
    if (!group || group.status === "closed")
      throw new HttpProblem(404, "not_found", "There is nothing at this address.");
    const viewer = request.viewer;
    const now = clock();
    const membership = viewer ? await getMembership(db, group.id, viewer.personId) : null;
    const can = abilities(viewer, group, membership, now);
    const where = standing(membership, group, now);
    const inGroup = where === "member" || where === "facilitator" || where === "guide";
    const [view, position, requests, leaders] = await Promise.all([
      groupPageView(db, group, {
        language: request.lang,
        now,
        publicUrl: config.publicUrl,
        // Not an observer (the guide after the handover): the link, PIN and address are the
        // members' only.
        isMember: inGroup,
      }),
      membership?.state === "waitlisted"
        ? waitlistPosition(db, group.id, membership.personId)
        : Promise.resolve(null),
      can["group.requests.decide"] ? listRequests(db, group.id) : Promise.resolve([]),
      inGroup
        ? countRecentFacilitators(db, group.id, {
            since: new Date(now.getTime() - LEADERS_LOOKBACK_MS),
            now,
          })
        : Promise.resolve(null),
    ]);
    // An unlisted group is reachable by its link only: a link posted somewhere public must not
    // bring it into search engines.
    if (group.visibility === "unlisted") reply.header("x-robots-tag", "noindex");
    return sendHtml(
      reply,
      <GroupPage
        ctx={pageContext(request)}
        view={view}
        membership={{
          state: membership?.state ?? null,
          offerExpiresAt: membership?.offerExpiresAt ?? null,
          waitlistPosition: position,
          abilities: can,
          requestCount: requests.length,
        }}
        life={
          inGroup || where === "observer"
            ? {
                rota: inGroup,
                members: inGroup,
                recentFacilitators: leaders,
                agreementChanged: inGroup && changedSinceAccepted(membership, group),
                leads: where === "facilitator" || where === "guide",
              }
            : null
        }
        ledByMembers={group.handoverAt !== null && group.handoverAt <= now}
        paused={group.status === "paused"}
        lineage={
          group.parentName && group.parentClosedAt
            ? {
                parent: group.parentName,
                date: formatDate(group.parentClosedAt, request.lang, group.timeZone),
              }
            : null
        }
      />,
    );
  });
}

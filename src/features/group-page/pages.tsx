import type { FastifyInstance } from "fastify";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { formatDate } from "../../infra/i18n/i18n.js";
import { changedSinceAccepted } from "../agreement/policy.js";
import { readsBoard } from "../board/policy.js";
import { countUnread } from "../board/reads.js";
import { getGroupBySlug } from "../groups/reads.js";
import { countRecentFacilitators } from "../meetings/reads.js";
import { abilities, standing } from "../memberships/policy.js";
import { getMembership, listRequests, waitlistPosition } from "../memberships/reads.js";
import { groupPageView } from "./present.js";
import { GroupPage } from "./views/group.js";

/** Three months: how far back the group page counts the members who led a meeting. */
const LEADERS_LOOKBACK_MS = 91 * 86_400_000;

/** A group's own page: what it published for everyone, and its life for its members. */
export async function groupPage(app: FastifyInstance) {
  const { db, clock, config } = app.deps;

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
    const [view, position, requests, leaders, unread] = await Promise.all([
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
      viewer && readsBoard(where)
        ? countUnread(db, group.id, viewer.personId)
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
                boardUnread: unread,
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

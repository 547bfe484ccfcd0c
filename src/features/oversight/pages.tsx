import type { FastifyInstance } from "fastify";
import { MessagePage } from "../../infra/html/message-page.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { isUuid } from "../../infra/http/ids.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requireViewer } from "../../infra/http/require-viewer.js";
import { can } from "../accounts/policy.js";
import { getOrganisation, listCoordinators } from "../organisations/reads.js";
import { listOrganisationGroups } from "./reads.js";
import { OverviewPage } from "./views/overview.js";

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** An organisation's groups, in numbers: for its coordinators and the administrators only. */
export async function oversightPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  app.get<{ Params: { id: string } }>("/organisations/:id", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const organisation = isUuid(request.params.id)
      ? await getOrganisation(db, request.params.id)
      : null;
    if (!organisation) throw notFound();
    const admin = can(viewer, "admin.tools");
    const coordinators = await listCoordinators(db, organisation.id);
    if (!admin && !coordinators.some((c) => c.personId === viewer.personId)) {
      throw notFound();
    }
    // Coordinators, like administrators, see the groups' figures after signing in with a passkey.
    if (!admin && viewer.signInMethod !== "passkey") {
      const ctx = pageContext(request);
      return sendHtml(
        reply,
        <MessagePage
          ctx={ctx}
          title={ctx.t("oversight.passkey.title")}
          body={ctx.t("oversight.passkey.body")}
        />,
        403,
      );
    }
    const groups = await listOrganisationGroups(db, organisation.id, clock());
    return sendHtml(
      reply,
      <OverviewPage ctx={pageContext(request)} organisation={organisation} groups={groups} />,
    );
  });
}

import type { FastifyInstance } from "fastify";
import { scopedPage } from "../../infra/actions/html-door.js";
import { MessagePage } from "../../infra/html/message-page.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { listOrganisationGroups } from "./reads.js";
import { overseenOrganisation } from "./scope.js";
import { OverviewPage } from "./views/overview.js";

/** An organisation's groups, in numbers: for its coordinators and the administrators only. */
export async function oversightPages(app: FastifyInstance) {
  scopedPage(app, "/organisations/:id", overseenOrganisation, async (request, reply, at) => {
    const { organisation, admin } = at.scope;
    // Coordinators, like administrators, see the groups' figures after signing in with a passkey.
    if (!admin && at.viewer.signInMethod !== "passkey") {
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
    const groups = await listOrganisationGroups(at.db, organisation.id, at.now);
    return sendHtml(
      reply,
      <OverviewPage ctx={pageContext(request)} organisation={organisation} groups={groups} />,
    );
  });
}

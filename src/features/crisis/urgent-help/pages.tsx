import type { FastifyInstance } from "fastify";
import { scopedPage } from "../../../infra/actions/html-door.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { onBoard } from "../../board/scope.js";
import { urgentHelpFor } from "./present.js";
import { threadOfPost } from "./reads.js";
import { UrgentHelpPage } from "./views/urgent-help-page.js";

/**
 * A group's urgent help, for its members: where the author of words that may mean they are at
 * risk goes at once. Never rate-limited: someone in crisis is never asked to wait.
 */
export async function urgentHelpPages(app: FastifyInstance) {
  scopedPage(app, "/groups/:slug/urgent-help", onBoard, async (request, reply, at) => {
    const thread = await threadOfPost(at.db, at.scope.group, request.query);
    const help = urgentHelpFor(app.deps.config, at.scope.group, thread);
    return sendHtml(
      reply,
      <UrgentHelpPage
        ctx={pageContext(request)}
        group={at.scope.group}
        help={help}
        fromPost={thread !== null}
      />,
    );
  });
}

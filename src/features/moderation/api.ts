import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { onBoard } from "../board/scope.js";
import {
  askBackAction,
  hideAction,
  leaveUpAction,
  reportAction,
  restoreAction,
} from "./actions.js";
import { moderates } from "./policy.js";
import { presentReports, reportsJson, reportsView } from "./present.js";
import { readReportsOf } from "./reads.js";
import { notLeading } from "./scope.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
const aPost = aGroup.extend({ postId: z.uuid() });
const aReport = aGroup.extend({ reportId: z.uuid() });
const tags = ["moderation"];

/**
 * Moderation as JSON, with the pages' rules: reports for any member, the reports list and the
 * decisions for those who lead, asking back for the author. Off the board, 404.
 */
export async function moderationApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  app.get(
    "/api/v1/groups/:slug/board/reports",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The group's open and decided reports, and its hidden posts (those who lead)",
        security: [{ session: [] }],
        params: aGroup,
        querystring: z.object({}).strict(),
        response: { 200: reportsJson, 401: problemBody, 403: problemBody, 404: problemBody },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const { group, standing } = await onBoard(request, viewer);
      if (!moderates(standing)) throw notLeading();
      const who = { personId: viewer.personId, standing, now: clock() };
      return presentReports(reportsView(await readReportsOf(db, group.id), who));
    },
  );

  jsonDoor(app, reportAction, { params: aPost, tags });
  jsonDoor(app, hideAction, { params: aPost, tags });
  jsonDoor(app, restoreAction, { params: aPost, tags });
  jsonDoor(app, askBackAction, { params: aPost, tags });
  jsonDoor(app, leaveUpAction, { params: aReport, tags });
}

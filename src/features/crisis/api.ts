import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { enter } from "../../infra/actions/action.js";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { leads } from "../memberships/policy.js";
import { stepAlertAction, stepLinkedAlertAction } from "./actions.js";
import { alertJson, alertView, presentAlert } from "./present.js";
import { listAlerts } from "./reads.js";
import { atAlert, handledAlerts, linkedAlert } from "./scope.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
const anAlert = aGroup.extend({ alertId: z.string().max(64) });
const aLink = z.object({ token: z.string().max(64) }).strict();
const tags = ["crisis"];
const session = [{ session: [] }];

/** A group's alerts as JSON, for those who handle them, and one alert through its link. */
export async function alertApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  app.get(
    "/api/v1/groups/:slug/alerts",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "A group's alerts, open ones first (its facilitators and backup contact)",
        security: session,
        params: aGroup,
        response: {
          200: z.object({
            abilities: z.object({ "crisis.backup.choose": z.boolean() }),
            alerts: z.array(alertJson),
          }),
          401: problemBody,
          403: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const scope = await handledAlerts(request, viewer);
      const rows = await listAlerts(db, scope.group.id, viewer.personId);
      return {
        abilities: { "crisis.backup.choose": leads(scope.standing) },
        alerts: rows.map((row) => presentAlert(alertView(row, { withPost: true }))),
      };
    },
  );

  app.get(
    "/api/v1/groups/:slug/alerts/:alertId",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "One of a group's alerts (its facilitators and backup contact)",
        security: session,
        params: anAlert,
        response: { 200: alertJson, 401: problemBody, 403: problemBody, 404: problemBody },
      },
    },
    async (request) => {
      const scope = await atAlert(request, request.viewer!);
      return presentAlert(alertView(scope.alert, { withPost: true }));
    },
  );

  app.get(
    "/api/v1/alerts/:token",
    {
      schema: {
        tags,
        summary:
          "The alert an e-mailed link opens, without the post (no sign-in: the link is the key)",
        params: aLink,
        response: { 200: alertJson, 404: problemBody },
      },
    },
    async (request) => {
      const { at } = await enter({ scope: linkedAlert, reasons: {} }, request, null);
      return presentAlert(alertView(at.scope.alert, { withPost: false }));
    },
  );

  jsonDoor(app, stepAlertAction, { params: anAlert, tags });
  jsonDoor(app, stepLinkedAlertAction, { params: aLink, tags });
}

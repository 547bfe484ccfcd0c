import type { FastifyInstance } from "fastify";
import { enter } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { leads } from "../memberships/policy.js";
import { stepAlertAction, stepLinkedAlertAction } from "./actions.js";
import type { AlertStep } from "./inputs.js";
import { alertView } from "./present.js";
import { listAlerts } from "./reads.js";
import { atAlert, handledAlerts, linkedAlert } from "./scope.js";
import { AlertPage } from "./views/alert-page.js";
import { AlertsPage } from "./views/alerts-page.js";
import { alertsPath } from "./views/parts.js";

const stepped: Record<AlertStep, MessageKey> = {
  seen: "crisis.step.seen",
  acted_on: "crisis.step.acted_on",
  closed: "crisis.step.closed",
};

/**
 * A group's alerts for those who handle them, and one alert through its e-mailed link. Opening
 * an alert is not seeing it: only its button says so, as a mail program opening the link, or a
 * glance at the list, is not someone looking after the person.
 */
export async function alertPages(app: FastifyInstance) {
  const { db } = app.deps;

  scopedPage(app, "/groups/:slug/alerts", handledAlerts, async (request, reply, at) => {
    const rows = await listAlerts(db, at.scope.group.id, at.viewer.personId);
    return sendHtml(
      reply,
      <AlertsPage
        ctx={pageContext(request)}
        group={at.scope.group}
        alerts={rows.map((row) => alertView(row, { withPost: true }))}
        canChooseBackup={leads(at.scope.standing)}
      />,
    );
  });

  scopedPage(app, "/groups/:slug/alerts/:alertId", atAlert, async (request, reply, at) =>
    sendHtml(
      reply,
      <AlertPage
        ctx={pageContext(request)}
        alert={alertView(at.scope.alert, { withPost: true })}
        action={alertsPath(at.scope.group, `/${at.scope.alert.id}`)}
        back={alertsPath(at.scope.group)}
      />,
    ),
  );

  htmlDoor(app, stepAlertAction, {
    invalid: (ctx, at, form) => (
      <AlertPage
        ctx={ctx}
        alert={alertView(at.scope.alert, { withPost: true })}
        action={alertsPath(at.scope.group, `/${at.scope.alert.id}`)}
        back={alertsPath(at.scope.group)}
        form={form}
      />
    ),
    done: (at, _done, input) => ({
      to: alertsPath(at.scope.group, `/${at.scope.alert.id}`),
      flash: stepped[input.state],
    }),
  });

  // The link in an alert's e-mail: no sign-in, the token is the authority.
  app.get<{ Params: { token: string } }>("/alerts/:token", async (request, reply) => {
    const { at } = await enter({ scope: linkedAlert, reasons: {} }, request, null);
    return sendHtml(
      reply,
      <AlertPage
        ctx={pageContext(request)}
        alert={alertView(at.scope.alert, { withPost: false })}
        action={`/alerts/${request.params.token}`}
        back={null}
      />,
    );
  });

  htmlDoor(app, stepLinkedAlertAction, {
    invalid: (ctx, at, form) => (
      <AlertPage
        ctx={ctx}
        alert={alertView(at.scope.alert, { withPost: false })}
        action={ctx.path}
        back={null}
        form={form}
      />
    ),
    done: (_at, _done, input, { request }) => ({
      to: request.url.split("?")[0]!,
      flash: stepped[input.state],
    }),
  });
}

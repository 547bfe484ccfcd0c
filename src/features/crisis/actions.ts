import { type At, declareAction, type Someone } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { alertStepInput } from "./inputs.js";
import type { StepRefusal } from "./policy.js";
import { alertJson, alertView, presentAlert } from "./present.js";
import { getAlert, getAlertById } from "./reads.js";
import { type AtAlert, atAlert, type LinkedAlert, linkedAlert } from "./scope.js";
import { type Stepped, takeStep } from "./writes.js";

// An alert's steps (seen, acted on, closed), declared once for the group's pages and through an
// e-mailed link, each with its JSON twin. Never rate-limited: nobody handling a crisis waits.

const stepReasons: Record<
  StepRefusal,
  { status: 409; message: "crisis.errors.closed" | "crisis.errors.acted" }
> = {
  CLOSED: { status: 409, message: "crisis.errors.closed" },
  ACTED_ALREADY: { status: 409, message: "crisis.errors.acted" },
};

/** Someone who handles the group's alerts takes a step on one. */
export const stepAlertAction = declareAction({
  name: "crisis.alert.step",
  page: "/groups/:slug/alerts/:alertId",
  api: { method: "PATCH", url: "/api/v1/groups/:slug/alerts/:alertId" },
  summary: "Say an alert was seen, acted on (with a note) or closed (with a note): its handlers",
  input: alertStepInput,
  scope: atAlert,
  run: ({ scope, viewer, db, now }, input): Promise<Stepped> =>
    takeStep(
      db,
      { alertId: scope.alert.id, personId: viewer.personId, step: input.state, note: input.note },
      now,
    ),
  reasons: stepReasons,
  result: alertJson,
  async present(_done, at: At<AtAlert>) {
    const row = await getAlert(at.db, at.scope.group.id, at.scope.alert.id, at.viewer.personId);
    if (!row) throw notFound();
    return presentAlert(alertView(row, { withPost: true }));
  },
});

/**
 * The same steps through the link in an alert's e-mail, for someone who handles it from outside
 * the group. The link is the authority; the form still carries its CSRF token.
 */
export const stepLinkedAlertAction = declareAction({
  name: "crisis.alert.link.step",
  page: "/alerts/:token",
  api: { method: "PATCH", url: "/api/v1/alerts/:token" },
  summary: "Say an alert was seen, acted on or closed, through the link in its e-mail",
  input: alertStepInput,
  anyone: true,
  scope: linkedAlert,
  run: ({ scope, db, now }, input): Promise<Stepped> =>
    takeStep(
      db,
      { alertId: scope.alert.id, personId: scope.personId, step: input.state, note: input.note },
      now,
    ),
  reasons: stepReasons,
  result: alertJson,
  async present(_done, at: At<LinkedAlert, Someone>) {
    const row = await getAlertById(at.db, at.scope.alert.id);
    if (!row) throw notFound();
    return presentAlert(alertView(row, { withPost: false }));
  },
});

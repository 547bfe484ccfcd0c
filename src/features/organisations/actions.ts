import { z } from "zod";
import { type At, declareAction } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { administration } from "../accounts/scope.js";
import { coordinatorInput, organisationInput } from "./inputs.js";
import { organisationShown, presentOrganisation } from "./present.js";
import { getOrganisation, listCoordinators } from "./reads.js";
import { aCoordinator, anOrganisation } from "./scope.js";
import {
  appointCoordinator,
  createOrganisation,
  removeCoordinator,
  updateOrganisation,
} from "./writes.js";

// The administrators' record of the organisations and their coordinators, each change declared
// once for its page (pages.tsx) and its JSON (api.ts).

/** Done: the organisation changed. */
type Saved = { ok: true; id: string };

/** The organisation as the change left it, with its coordinators. */
async function shown(done: Saved, at: At<unknown>) {
  const organisation = await getOrganisation(at.db, done.id);
  if (!organisation) throw notFound();
  return presentOrganisation(organisation, await listCoordinators(at.db, done.id));
}

/** Records an organisation that supports groups. */
export const addOrganisationAction = declareAction({
  name: "admin.organisations.add",
  page: "/admin/organisations",
  api: { method: "POST", url: "/api/v1/admin/organisations", status: 201 },
  summary: "Record an organisation that supports groups (administrators)",
  input: organisationInput,
  scope: administration,
  run: async ({ db, now }, input): Promise<Saved> => ({
    ok: true,
    id: await createOrganisation(db, input, now),
  }),
  reasons: {},
  result: organisationShown,
  present: shown,
});

/** Its name and how to reach it. */
export const editOrganisationAction = declareAction({
  name: "admin.organisations.edit",
  page: "/admin/organisations/:id",
  api: { method: "PUT", url: "/api/v1/admin/organisations/:id" },
  summary: "Change an organisation's name or contacts (administrators)",
  input: organisationInput,
  scope: anOrganisation,
  async run({ db, scope, now }, input): Promise<Saved> {
    await updateOrganisation(db, scope.id, input, now);
    return { ok: true, id: scope.id };
  },
  reasons: {},
  result: organisationShown,
  present: shown,
});

/** Names someone with an account a coordinator: they may then start groups for it. */
export const appointCoordinatorAction = declareAction({
  name: "admin.organisations.coordinators.add",
  page: "/admin/organisations/:id/coordinators",
  api: { method: "POST", url: "/api/v1/admin/organisations/:id/coordinators" },
  summary: "Name a coordinator of an organisation, by e-mail address (administrators)",
  input: coordinatorInput,
  scope: anOrganisation,
  async run({ db, scope, now }, input): Promise<Saved | { ok: false; reason: "NO_SUCH_PERSON" }> {
    const appointed = await appointCoordinator(db, scope.id, input.email, now);
    return appointed.ok ? { ok: true, id: scope.id } : appointed;
  },
  reasons: { NO_SUCH_PERSON: { status: 422, message: "organisations.errors.noSuchPerson" } },
  result: organisationShown,
  present: shown,
});

/** Someone is no longer one of its coordinators. */
export const removeCoordinatorAction = declareAction({
  name: "admin.organisations.coordinators.remove",
  page: "/admin/organisations/:id/coordinators/:personId/remove",
  api: { method: "DELETE", url: "/api/v1/admin/organisations/:id/coordinators/:personId" },
  summary: "Take someone off an organisation's coordinators (administrators)",
  input: z.object({}),
  scope: aCoordinator,
  async run({ db, scope }): Promise<Saved> {
    await removeCoordinator(db, scope.organisation.id, scope.personId);
    return { ok: true, id: scope.organisation.id };
  },
  reasons: {},
  result: organisationShown,
  present: shown,
});

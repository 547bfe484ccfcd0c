import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { isUuid } from "../../infra/http/ids.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requirePermission } from "../../infra/http/require-viewer.js";
import { can } from "../accounts/policy.js";
import { getPersonIdByEmail } from "../accounts/reads.js";
import { coordinatorInput, organisationInput } from "./inputs.js";
import { getOrganisation, listCoordinators, listOrganisations } from "./reads.js";
import { OrganisationPage, OrganisationsPage } from "./views/admin.js";
import {
  addCoordinator,
  createOrganisation,
  removeCoordinator,
  updateOrganisation,
} from "./writes.js";

type IdParams = { Params: { id: string } };
const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** Administrators record the organisations that support groups, and name their coordinators. */
export async function organisationPages(app: FastifyInstance) {
  const { db, clock } = app.deps;
  const admin = (viewer: Parameters<typeof can>[0]) => can(viewer, "admin.tools");

  async function load(request: FastifyRequest<IdParams>) {
    const organisation = isUuid(request.params.id)
      ? await getOrganisation(db, request.params.id)
      : null;
    if (!organisation) throw notFound();
    return organisation;
  }
  const valuesOf = (o: {
    name: string;
    contactEmail: string | null;
    contactPhone: string | null;
  }) => ({
    name: o.name,
    contactEmail: o.contactEmail ?? "",
    contactPhone: o.contactPhone ?? "",
  });

  app.get("/admin/organisations", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    return sendHtml(
      reply,
      <OrganisationsPage ctx={pageContext(request)} organisations={await listOrganisations(db)} />,
    );
  });

  app.get("/admin/organisations/new", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    return sendHtml(
      reply,
      <OrganisationPage
        ctx={pageContext(request)}
        organisation={null}
        coordinators={[]}
        values={{}}
      />,
    );
  });

  app.post("/admin/organisations", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const form = parseForm(organisationInput, request.body);
    const submission = submissionIdOf(request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <OrganisationPage
          ctx={pageContext(request)}
          organisation={null}
          coordinators={[]}
          once={submission ?? true}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    // Sent twice (a double click), it is recorded once; both go to it.
    const done = await onceOnly(
      db,
      submission,
      clock(),
      async (tx) => ({ ok: true, id: await createOrganisation(tx, form.data, clock()) }),
      { ledTo: ({ id }) => `/admin/organisations/${id}`, fallback: "/admin/organisations" },
    );
    const to = done.sentTwice ? done.ledTo : `/admin/organisations/${done.outcome.id}`;
    return redirectAfterPost(reply, to, "organisations.admin.saved");
  });

  app.get<IdParams>("/admin/organisations/:id", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const organisation = await load(request);
    const coordinators = await listCoordinators(db, organisation.id);
    return sendHtml(
      reply,
      <OrganisationPage
        ctx={pageContext(request)}
        organisation={organisation}
        coordinators={coordinators}
        values={valuesOf(organisation)}
      />,
    );
  });

  app.post<IdParams>("/admin/organisations/:id", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const organisation = await load(request);
    const form = parseForm(organisationInput, request.body);
    if (!form.ok) {
      const coordinators = await listCoordinators(db, organisation.id);
      return sendHtml(
        reply,
        <OrganisationPage
          ctx={pageContext(request)}
          organisation={organisation}
          coordinators={coordinators}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    await updateOrganisation(db, organisation.id, form.data, clock());
    return redirectAfterPost(
      reply,
      `/admin/organisations/${organisation.id}`,
      "organisations.admin.saved",
    );
  });

  app.post<IdParams>("/admin/organisations/:id/coordinators", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const organisation = await load(request);
    const form = parseForm(coordinatorInput, request.body);
    const personId = form.ok ? await getPersonIdByEmail(db, form.data.email) : null;
    if (!personId) {
      const coordinators = await listCoordinators(db, organisation.id);
      return sendHtml(
        reply,
        <OrganisationPage
          ctx={pageContext(request)}
          organisation={organisation}
          coordinators={coordinators}
          values={valuesOf(organisation)}
          coordinatorValues={form.values}
          coordinatorErrors={form.ok ? { email: "organisations.errors.noSuchPerson" } : form.errors}
        />,
        400,
      );
    }
    await addCoordinator(db, organisation.id, personId, clock());
    return redirectAfterPost(
      reply,
      `/admin/organisations/${organisation.id}`,
      "organisations.admin.saved",
    );
  });

  app.post<{ Params: { id: string; personId: string } }>(
    "/admin/organisations/:id/coordinators/:personId/remove",
    async (request, reply) => {
      if (!requirePermission(request, reply, admin)) return reply;
      const organisation = await load(request);
      if (!isUuid(request.params.personId)) throw notFound();
      await removeCoordinator(db, organisation.id, request.params.personId);
      return redirectAfterPost(
        reply,
        `/admin/organisations/${organisation.id}`,
        "organisations.admin.saved",
      );
    },
  );
}

import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { administration } from "../accounts/scope.js";
import {
  addOrganisationAction,
  appointCoordinatorAction,
  editOrganisationAction,
  removeCoordinatorAction,
} from "./actions.js";
import { listCoordinators, listOrganisations } from "./reads.js";
import { anOrganisation, type Organisation } from "./scope.js";
import { OrganisationPage, OrganisationsPage } from "./views/admin.js";

const valuesOf = (o: Organisation) => ({
  name: o.name,
  contactEmail: o.contactEmail ?? "",
  contactPhone: o.contactPhone ?? "",
});

const flash: MessageKey = "organisations.admin.saved";

/** Administrators record the organisations that support groups, and name their coordinators. */
export async function organisationPages(app: FastifyInstance) {
  const { db } = app.deps;
  const savedAt = (id: string) => ({ to: `/admin/organisations/${id}`, flash });

  scopedPage(app, "/admin/organisations", administration, async (request, reply) =>
    sendHtml(
      reply,
      <OrganisationsPage ctx={pageContext(request)} organisations={await listOrganisations(db)} />,
    ),
  );

  scopedPage(app, "/admin/organisations/new", administration, async (request, reply) =>
    sendHtml(
      reply,
      <OrganisationPage
        ctx={pageContext(request)}
        organisation={null}
        coordinators={[]}
        values={{}}
      />,
    ),
  );

  htmlDoor(app, addOrganisationAction, {
    invalid: (ctx, _at, form) => (
      <OrganisationPage
        ctx={ctx}
        organisation={null}
        coordinators={[]}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    done: (_at, done) => savedAt(done.id),
    // Sent twice (a double click), it is recorded once; both go to it.
    once: { fallback: () => "/admin/organisations", again: flash },
  });

  scopedPage(app, "/admin/organisations/:id", anOrganisation, async (request, reply, at) =>
    sendHtml(
      reply,
      <OrganisationPage
        ctx={pageContext(request)}
        organisation={at.scope}
        coordinators={await listCoordinators(db, at.scope.id)}
        values={valuesOf(at.scope)}
      />,
    ),
  );

  htmlDoor(app, editOrganisationAction, {
    invalid: async (ctx, at, form) => (
      <OrganisationPage
        ctx={ctx}
        organisation={at.scope}
        coordinators={await listCoordinators(db, at.scope.id)}
        values={form.values}
        errors={form.errors}
      />
    ),
    done: (at) => savedAt(at.scope.id),
  });

  htmlDoor(app, appointCoordinatorAction, {
    invalid: async (ctx, at, form) => (
      <OrganisationPage
        ctx={ctx}
        organisation={at.scope}
        coordinators={await listCoordinators(db, at.scope.id)}
        values={valuesOf(at.scope)}
        coordinatorValues={form.values}
        coordinatorErrors={form.errors}
      />
    ),
    fields: { NO_SUCH_PERSON: { email: "organisations.errors.noSuchPerson" } },
    done: (at) => savedAt(at.scope.id),
  });

  htmlDoor(app, removeCoordinatorAction, {
    done: (at) => savedAt(at.scope.organisation.id),
  });
}

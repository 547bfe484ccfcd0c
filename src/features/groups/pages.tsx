import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { foundGroupAction } from "./actions.js";
import { draftFields } from "./inputs.js";
import { founding } from "./scope.js";
import { FoundGroupPage } from "./views/found.js";

/** Starting a group: its form, and the form sent. */
export async function groupPages(app: FastifyInstance) {
  scopedPage(app, "/groups/new", founding, async (request, reply, { scope }) =>
    sendHtml(
      reply,
      <FoundGroupPage
        ctx={pageContext(request)}
        difficulties={scope.difficulties}
        organisations={scope.organisations}
      />,
    ),
  );

  htmlDoor(app, foundGroupAction, {
    // The form again, keeping its once-only id: a mistake put right uses nothing up.
    invalid: (ctx, { scope }, form) => (
      <FoundGroupPage
        ctx={ctx}
        difficulties={scope.difficulties}
        organisations={scope.organisations}
        once={form.once ?? true}
        values={form.values}
        lists={form.lists}
        errors={form.errors}
      />
    ),
    fields: {
      NOT_YOUR_ORGANISATION: { organisationId: "groups.errors.organisation" },
      ...draftFields,
    },
    // Sent twice (a double click): the group the first sending started.
    once: { fallback: () => "/groups", again: "groups.new.created" },
    done: (_at, done) => ({ to: `/groups/${done.slug}`, flash: "groups.new.created" }),
  });
}

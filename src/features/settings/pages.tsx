import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { draftFields } from "../groups/inputs.js";
import { FoundGroupPage } from "../groups/views/found.js";
import { changeSettingsAction } from "./actions.js";
import { formOfGroup } from "./present.js";
import { type AtSettings, ledActiveGroup } from "./scope.js";

type FormState = {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  errors?: FieldErrors;
};

/** The form the group started with, filled in as the group stands or as it was sent. */
function settingsPage(ctx: PageContext, { scope }: At<AtSettings>, form: FormState) {
  const { group } = scope;
  return (
    <FoundGroupPage
      ctx={ctx}
      difficulties={scope.difficulties}
      organisations={[]}
      editing={{ slug: group.slug, name: group.name }}
      values={form.values}
      lists={form.lists}
      errors={form.errors}
    />
  );
}

/** The group's page and schedule, changed by the people who lead it. */
export async function settingsPages(app: FastifyInstance) {
  scopedPage(app, "/groups/:slug/settings", ledActiveGroup, async (request, reply, at) =>
    sendHtml(reply, settingsPage(pageContext(request), at, formOfGroup(at.scope.group))),
  );

  htmlDoor(app, changeSettingsAction, {
    invalid: (ctx, at, form) => settingsPage(ctx, at, form),
    fields: {
      ...draftFields,
      CAPACITY_BELOW_MEMBERS: { capacity: "settings.errors.capacityBelowMembers" },
    },
    done: (at) => ({ to: `/groups/${at.scope.group.slug}`, flash: "settings.saved" }),
  });
}

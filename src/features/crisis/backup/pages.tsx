import type { FastifyInstance } from "fastify";
import type { At } from "../../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import type { FieldErrors } from "../../../infra/html/form.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import type { OnBoard } from "../../board/scope.js";
import { chooseBackupAction, nameLeadAction, removeLeadAction } from "./actions.js";
import { currentBackup, leadOf, listBackupChoices } from "./reads.js";
import { backupOfGroup, type LeadScope, leadOfOrganisation } from "./scope.js";
import { BackupPage } from "./views/backup-page.js";
import { LeadPage } from "./views/lead-page.js";

/** A group's backup contact, and an organisation's safeguarding lead. */
export async function backupPages(app: FastifyInstance) {
  const backupPage = async (ctx: PageContext, at: At<OnBoard>, errors?: FieldErrors) => {
    const choices = await listBackupChoices(at.db, at.scope.group);
    const current = await currentBackup(at.db, at.scope.group, choices);
    return (
      <BackupPage
        ctx={ctx}
        group={at.scope.group}
        choices={choices}
        current={current}
        errors={errors}
      />
    );
  };

  scopedPage(app, "/groups/:slug/backup-contact", backupOfGroup, async (request, reply, at) =>
    sendHtml(reply, await backupPage(pageContext(request), at)),
  );

  htmlDoor(app, chooseBackupAction, {
    invalid: (ctx, at, form) => backupPage(ctx, at, form.errors),
    fields: { NOT_A_CHOICE: { contact: "crisis.backup.errors.choice" } },
    done: (at) => ({
      to: `/groups/${at.scope.group.slug}/backup-contact`,
      flash: "crisis.backup.saved",
    }),
  });

  const leadPage = async (
    ctx: PageContext,
    at: At<LeadScope>,
    form: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => (
    <LeadPage
      ctx={ctx}
      organisation={at.scope.organisation}
      lead={await leadOf(at.db, at.scope.organisation.id)}
      values={form.values}
      errors={form.errors}
    />
  );
  const leadPath = (at: At<LeadScope>) =>
    `/organisations/${at.scope.organisation.id}/safeguarding-lead`;

  scopedPage(
    app,
    "/organisations/:id/safeguarding-lead",
    leadOfOrganisation,
    async (request, reply, at) => sendHtml(reply, await leadPage(pageContext(request), at)),
  );

  htmlDoor(app, nameLeadAction, {
    invalid: (ctx, at, form) => leadPage(ctx, at, form),
    fields: { NO_SUCH_PERSON: { email: "crisis.lead.errors.noSuchPerson" } },
    done: (at) => ({ to: leadPath(at), flash: "crisis.lead.saved" }),
  });

  htmlDoor(app, removeLeadAction, {
    done: (at) => ({ to: leadPath(at), flash: "crisis.lead.removed" }),
  });
}

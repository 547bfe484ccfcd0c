import { type At, declareAction } from "../../../infra/actions/action.js";
import type { OnBoard } from "../../board/scope.js";
import { nothingInput } from "../inputs.js";
import { backupInput, leadInput } from "./inputs.js";
import { backupJson, leadJson, presentBackup, presentLead } from "./present.js";
import { currentBackup, leadOf, listBackupChoices } from "./reads.js";
import { backupOfGroup, type LeadScope, leadOfOrganisation } from "./scope.js";
import { chooseBackup, nameSafeguardingLead, removeSafeguardingLead } from "./writes.js";

// Who receives a group's alerts besides its facilitators, and an organisation's safeguarding
// lead, each declared once for its page and its JSON.

type NotAChoice = { ok: false; reason: "NOT_A_CHOICE" };

async function backupShown(at: At<OnBoard>) {
  const choices = await listBackupChoices(at.db, at.scope.group);
  return presentBackup(await currentBackup(at.db, at.scope.group, choices), choices);
}

/** Those who lead the group choose its backup contact among those it may be. */
export const chooseBackupAction = declareAction({
  name: "crisis.backup.choose",
  page: "/groups/:slug/backup-contact",
  api: { method: "PUT", url: "/api/v1/groups/:slug/backup-contact" },
  summary: "Choose who receives the group's alerts besides its facilitators (those who lead)",
  input: backupInput,
  scope: backupOfGroup,
  async run({ scope, db, now }, { contact }): Promise<{ ok: true } | NotAChoice> {
    if (contact === "none") {
      await chooseBackup(db, scope.group.id, null, now);
      return { ok: true };
    }
    const chosen = (await listBackupChoices(db, scope.group)).find((c) => c.value === contact);
    if (!chosen) return { ok: false, reason: "NOT_A_CHOICE" };
    const personId = chosen.kind === "safeguarding_lead" ? null : chosen.personId;
    await chooseBackup(db, scope.group.id, { kind: chosen.kind, personId }, now);
    return { ok: true };
  },
  reasons: { NOT_A_CHOICE: { status: 422, message: "crisis.backup.errors.choice" } },
  result: backupJson,
  present: (_done, at) => backupShown(at),
});

async function leadShown(at: At<LeadScope>) {
  return presentLead(at.scope.organisation, await leadOf(at.db, at.scope.organisation.id));
}

/** The organisation's coordinators name its safeguarding lead, by e-mail address. */
export const nameLeadAction = declareAction({
  name: "crisis.lead.name",
  page: "/organisations/:id/safeguarding-lead",
  api: { method: "PUT", url: "/api/v1/organisations/:id/safeguarding-lead" },
  summary: "Name the organisation's safeguarding lead, by e-mail address (its coordinators)",
  input: leadInput,
  scope: leadOfOrganisation,
  run: ({ scope, db, now }, { email }) =>
    nameSafeguardingLead(db, scope.organisation.id, email, now),
  reasons: { NO_SUCH_PERSON: { status: 422, message: "crisis.lead.errors.noSuchPerson" } },
  result: leadJson,
  present: (_done, at) => leadShown(at),
});

/** The organisation has no safeguarding lead for now. */
export const removeLeadAction = declareAction({
  name: "crisis.lead.remove",
  page: "/organisations/:id/safeguarding-lead/remove",
  api: { method: "DELETE", url: "/api/v1/organisations/:id/safeguarding-lead" },
  summary: "Take the organisation's safeguarding lead off (its coordinators)",
  input: nothingInput,
  scope: leadOfOrganisation,
  async run({ scope, db }): Promise<{ ok: true }> {
    await removeSafeguardingLead(db, scope.organisation.id);
    return { ok: true };
  },
  reasons: {},
  result: leadJson,
  present: (_done, at) => leadShown(at),
});

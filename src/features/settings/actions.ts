import { z } from "zod";
import { declareAction, notifierOf } from "../../infra/actions/action.js";
import { findPlace } from "../../infra/places/find-place.js";
import { checkGroupDraft, draftRefusals, groupForm } from "../groups/inputs.js";
import { groupPageUrl } from "../groups/present.js";
import { getGroupBySlug } from "../groups/reads.js";
import { sendOfferMails } from "../memberships/mail.js";
import { sendScheduleChanged } from "./mail.js";
import { ledActiveGroup } from "./scope.js";
import { updateGroup } from "./writes.js";

/** The people who lead change the group's page and schedule: for its form and its JSON. */
export const changeSettingsAction = declareAction({
  name: "group.settings.change",
  page: "/groups/:slug/settings",
  api: { method: "PUT", url: "/api/v1/groups/:slug/settings" },
  summary: "Change a group's page and schedule, as its form has them (those who lead it)",
  input: groupForm,
  scope: ledActiveGroup,
  async run({ scope, db, now, deps }, draft) {
    const { group } = scope;
    const checked = await checkGroupDraft(draft, {
      // A difficulty since retired stays as the group had it.
      offeredDifficulties: [...scope.difficulties.map((d) => d.slug), ...group.difficultySlugs],
      // The group keeps its clock: its meetings stay where they are.
      timeZoneOf: () => group.timeZone,
      now,
      findTown: (typed) => findPlace(deps.db, typed, { language: scope.language }),
    });
    if (!checked.ok) return checked;
    return updateGroup(db, { groupId: group.id, form: draft, place: checked.place }, now);
  },
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error.
  async after(at, _input, done) {
    const notifier = notifierOf(at);
    const { db } = at.deps;
    if (done.scheduleChanged || done.plan.cancelled.length > 0) {
      const changed = await getGroupBySlug(db, at.scope.group.slug);
      if (changed) await sendScheduleChanged(notifier, changed, done.plan);
    }
    await sendOfferMails(notifier, { offers: done.offers });
  },
  reasons: {
    ...draftRefusals,
    CAPACITY_BELOW_MEMBERS: { status: 422, message: "settings.errors.capacityBelowMembers" },
    // Paused or closed a moment before: its settings are not there to change.
    NOT_ACTIVE: { status: 404, message: "error.notFound.body" },
  },
  result: z
    .object({
      url: z.string(),
      scheduleChanged: z.boolean().describe("It meets at other times now: the members are told"),
      cancelledMeetings: z.number().int().describe("Meetings that no longer happen"),
    })
    .describe("The group's page, and what the change did to its meetings"),
  present: (done, at) => ({
    url: groupPageUrl(at.scope.group.slug, at.deps.config.publicUrl),
    scheduleChanged: done.scheduleChanged,
    cancelledMeetings: done.plan.cancelled.length,
  }),
});

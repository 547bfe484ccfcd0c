import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { amongMembers } from "../scope.js";
import { preferencesInput } from "./inputs.js";
import { type Preferences, savePreferences } from "./writes.js";

const chosen = z
  .object({
    dayBefore: z.boolean(),
    hourBefore: z.boolean(),
    weeklyDigest: z.boolean(),
    rotaRequests: z.boolean(),
  })
  .describe("The e-mails the member now gets from the group");

/** A member chooses the e-mails the group sends them: reminders, the digest, requests. */
export const choosePreferencesAction = declareAction({
  name: "meeting.reminders.choose",
  page: "/groups/:slug/reminders",
  api: { method: "PUT", url: "/api/v1/groups/:slug/reminders" },
  summary: "Choose the e-mails a group sends you: reminders, the weekly digest, requests to lead",
  input: preferencesInput,
  scope: amongMembers,
  async run({ scope, viewer, db, now }, { emails }): Promise<{ ok: true } & Preferences> {
    const wanted = new Set(emails);
    const choice: Preferences = {
      dayBefore: wanted.has("dayBefore"),
      hourBefore: wanted.has("hourBefore"),
      weeklyDigest: wanted.has("weeklyDigest"),
      rotaRequests: wanted.has("rotaRequests"),
    };
    const who = { groupId: scope.group.id, personId: viewer.personId };
    await savePreferences(db, { ...who, ...choice }, now);
    return { ok: true, ...choice };
  },
  reasons: {},
  result: chosen,
  present: ({ ok: _ok, ...choice }) => choice,
});

import { z } from "zod";
import { declareAction } from "../../infra/actions/action.js";
import { findPlace } from "../../infra/places/find-place.js";
import { timeZoneAt } from "../../infra/places/time-zone.js";
import { checkGroupDraft, draftRefusals, groupForm } from "./inputs.js";
import { groupPageUrl } from "./present.js";
import { founding } from "./scope.js";
import { foundGroup } from "./writes.js";

/** Starts a group: declared once, for its form (pages.tsx) and its JSON (api.ts). */
export const foundGroupAction = declareAction({
  name: "group.found",
  page: "/groups",
  api: { method: "POST", url: "/api/v1/groups", status: 201 },
  summary: "Start a group, with the person starting it in its first place",
  input: groupForm,
  scope: founding,
  async run({ scope, viewer, db, now, deps }, draft) {
    const organisationId = draft.organisationId ?? null;
    if (organisationId && !scope.organisations.some((o) => o.id === organisationId)) {
      return { ok: false, reason: "NOT_YOUR_ORGANISATION" } as const;
    }
    const checked = await checkGroupDraft(draft, {
      offeredDifficulties: scope.difficulties.map((d) => d.slug),
      // A group that meets in a town keeps that town's clock; one that meets online or by
      // telephone, the instance's.
      timeZoneOf: (place) => (place ? timeZoneAt(place) : deps.config.timeZone),
      now,
      findTown: (typed) => findPlace(deps.db, typed, { language: scope.language }),
    });
    if (!checked.ok) return checked;
    const { place, timeZone } = checked;
    const founder = { founderId: viewer.personId, organisationId, timeZone };
    return foundGroup(db, { form: draft, place, ...founder }, now);
  },
  reasons: {
    NOT_YOUR_ORGANISATION: { status: 422, message: "groups.errors.organisation" },
    ...draftRefusals,
    // Two groups given the same address at the same moment: the second tries again.
    SLUG_TAKEN: { status: 409, message: "error.conflict.body" },
  },
  result: z
    .object({ slug: z.string(), url: z.string() })
    .describe("The group started, and the address of its page"),
  present: (done, at) => ({
    slug: done.slug,
    url: groupPageUrl(done.slug, at.deps.config.publicUrl),
  }),
});

import { z } from "zod";
import { declareAction, notifierOf } from "../../infra/actions/action.js";
import { sendOfferMails } from "../memberships/mail.js";
import { handoverInput, roleInput } from "./inputs.js";
import { sendRemoved } from "./mail.js";
import { agreeRefusal, proposeRefusal, removeRefusal } from "./policy.js";
import { aMember, aPerson, handingOver } from "./scope.js";
import {
  type AgreeResult,
  agreeHandover,
  changeRole,
  type HandoverResult,
  proposeHandover,
  removeMember,
} from "./writes.js";

// Changes of role, removals and the guide's handover: each declared once, for its page
// (pages.tsx) and its JSON (api.ts).

const notThere = { status: 404, message: "error.notFound.body" } as const;

/** A refusal by the rule, before the write: one of the action's reasons all the same. */
type Refused<R extends string> = { ok: false; reason: R };

const handover = z
  .object({ at: z.string(), agreed: z.boolean() })
  .describe("The handover date: from it the group is led by its members");

/** Make a member a facilitator, or a facilitator a member again. */
export const changeRoleAction = declareAction({
  name: "members.role",
  page: "/groups/:slug/members/:personId/role",
  api: { method: "PUT", url: "/api/v1/groups/:slug/members/:personId/role" },
  summary: "Make a member a facilitator, or a facilitator a member (those who lead the group)",
  input: roleInput,
  scope: aPerson,
  async run({ scope, viewer, db, now }, input) {
    const changed = await changeRole(
      db,
      {
        groupId: scope.group.id,
        personId: scope.personId,
        role: input.role,
        changedBy: viewer.personId,
      },
      now,
    );
    if (changed.ok) return { ok: true, role: input.role, changed: true } as const;
    // In that role already: nothing to change, and nothing wrong either.
    if (changed.reason === "UNCHANGED")
      return { ok: true, role: input.role, changed: false } as const;
    return { ok: false, reason: changed.reason } as const;
  },
  reasons: {
    NOT_A_MEMBER: notThere,
    IS_GUIDE: { status: 409, message: "roles.errors.isGuide" },
  },
  result: z
    .object({ personId: z.string(), role: z.enum(["member", "facilitator"]), changed: z.boolean() })
    .describe("The person's role now, and whether it changed"),
  present: (done, at) => ({ personId: at.scope.personId, role: done.role, changed: done.changed }),
});

/** Remove someone from the group: they are told, and their place goes to the next waiting. */
export const removeAction = declareAction({
  name: "members.remove",
  page: "/groups/:slug/members/:personId/remove",
  api: { method: "DELETE", url: "/api/v1/groups/:slug/members/:personId" },
  summary: "Remove a member from the group (those who lead it); they cannot join again by themself",
  input: z.object({}),
  scope: aMember,
  refuse: ({ scope, viewer }) => removeRefusal(viewer.personId, scope.member),
  run: ({ scope, viewer, db, now }) =>
    removeMember(
      db,
      { groupId: scope.group.id, personId: scope.personId, removedBy: viewer.personId },
      now,
    ),
  async after(at, _input, done) {
    const notifier = notifierOf(at);
    await sendRemoved(notifier, at.scope.group, at.scope.personId);
    await sendOfferMails(notifier, { offers: done.offers });
  },
  reasons: { NOT_A_MEMBER: notThere, IS_GUIDE: notThere, IS_SELF: notThere },
  result: z
    .object({ personId: z.string(), state: z.literal("removed") })
    .describe("The person is no longer a member"),
  present: (_done, at) => ({ personId: at.scope.personId, state: "removed" as const }),
});

/** The guide proposes the date they step back (a new date replaces the one proposed). */
export const proposeHandoverAction = declareAction({
  name: "handover.propose",
  page: "/groups/:slug/handover",
  api: { method: "PUT", url: "/api/v1/groups/:slug/handover" },
  summary: "Propose the date the guide steps back (the guide, until a facilitator agrees)",
  input: handoverInput,
  scope: handingOver,
  refuse: ({ scope }) => proposeRefusal(scope.standing, scope.handoverState),
  run: ({ scope, viewer, db, now }, input): Promise<HandoverResult | Refused<"ONLY_THE_GUIDE">> =>
    proposeHandover(
      db,
      {
        groupId: scope.group.id,
        timeZone: scope.group.timeZone,
        date: input.date,
        proposedBy: viewer.personId,
      },
      now,
    ),
  reasons: {
    ONLY_THE_GUIDE: { status: 403, message: "roles.errors.onlyTheGuide" },
    IN_THE_PAST: { status: 422, message: "roles.errors.past" },
    AGREED: { status: 409, message: "roles.errors.agreed" },
  },
  result: handover,
  present: (done) => ({ at: done.at.toISOString(), agreed: false }),
});

/** A facilitator agrees to the guide's date: from then on the guide only observes. */
export const agreeHandoverAction = declareAction({
  name: "handover.agree",
  page: "/groups/:slug/handover/agree",
  api: { method: "POST", url: "/api/v1/groups/:slug/handover/agreement" },
  summary: "Agree to the date the guide proposed (a facilitator)",
  input: z.object({}),
  scope: handingOver,
  refuse: ({ scope }) => agreeRefusal(scope.standing, scope.handoverState),
  async run({
    scope,
    viewer,
    db,
    now,
  }): Promise<
    | Extract<AgreeResult, { ok: true }>
    | Refused<"FACILITATORS_AGREE" | "NOTHING_PROPOSED" | "AGREED" | "HANDOVER_PASSED">
  > {
    const agreed = await agreeHandover(
      db,
      { groupId: scope.group.id, agreedBy: viewer.personId },
      now,
    );
    if (agreed.ok) return agreed;
    // The proposal was there a moment ago: only another facilitator's agreement takes it away.
    if (agreed.reason === "NO_PROPOSAL") return { ok: false, reason: "AGREED" };
    return { ok: false, reason: "HANDOVER_PASSED" };
  },
  reasons: {
    FACILITATORS_AGREE: { status: 403, message: "roles.errors.facilitatorsAgree" },
    NOTHING_PROPOSED: { status: 403, message: "roles.errors.nothingProposed" },
    AGREED: { status: 409, message: "roles.errors.agreed" },
    HANDOVER_PASSED: { status: 409, message: "roles.errors.handoverPassed" },
  },
  result: handover,
  present: (done) => ({ at: done.at.toISOString(), agreed: true }),
});

import { z } from "zod";
import { declareAction, notifierOf } from "../../infra/actions/action.js";
import { acceptInput, objectionInput, proposalInput } from "./inputs.js";
import { sendAgreementNews } from "./mail.js";
import { objectRefusal, proposeRefusal } from "./policy.js";
import { changeSchema, presentChange } from "./present.js";
import { atAgreement } from "./scope.js";
import {
  acceptAgreement,
  type ObjectionResult,
  objectToChange,
  type ProposalResult,
  proposeAgreementChange,
} from "./writes.js";

// Proposing a change to the agreement, objecting to it, and accepting the agreement again:
// each declared once, for its page (pages.tsx) and its JSON (api.ts).

/** A refusal by the rule, before the write: one of the action's reasons all the same. */
type Refused<R extends string> = { ok: false; reason: R };

/** A facilitator proposes the agreement as it would read; members have 7 days to object. */
export const proposeChangeAction = declareAction({
  name: "agreement.propose",
  page: "/groups/:slug/agreement",
  api: { method: "POST", url: "/api/v1/groups/:slug/agreement/changes", status: 201 },
  summary: "Propose a change to the agreement (facilitators): members may object for 7 days",
  input: proposalInput.strict(),
  scope: atAgreement,
  refuse: ({ scope }) => proposeRefusal(scope.standing, scope.agreement),
  run: ({ scope, viewer, db, now }, input): Promise<ProposalResult | Refused<"FORBIDDEN">> =>
    proposeAgreementChange(
      db,
      { groupId: scope.group.id, ...input, proposedBy: viewer.personId },
      now,
    ),
  async after(at, _input, done) {
    await sendAgreementNews(notifierOf(at), at.scope.group, done.change, "proposed", at.now);
  },
  reasons: {
    FORBIDDEN: { status: 403, message: "agreement.errors.onlyLeaders" },
    UNCHANGED: { status: 400, message: "agreement.errors.unchanged" },
    // Another facilitator's proposal opened between the rule and the write.
    CHANGE_OPEN: { status: 409, message: "agreement.errors.open" },
  },
  result: changeSchema,
  present: (done, at) => presentChange({ ...done.change, proposer: at.viewer.displayName ?? "" }),
});

/** One objection is enough: the change does not take effect, and the facilitators are told. */
export const objectAction = declareAction({
  name: "agreement.object",
  page: "/groups/:slug/agreement/objection",
  api: { method: "POST", url: "/api/v1/groups/:slug/agreement/objections", status: 201 },
  summary: "Object to the change open for objections: it will not take effect",
  input: objectionInput.strict(),
  scope: atAgreement,
  refuse: ({ scope }) => objectRefusal(scope.standing, scope.agreement),
  run: ({ scope, viewer, db, now }, input): Promise<ObjectionResult | Refused<"FORBIDDEN">> =>
    objectToChange(
      db,
      { groupId: scope.group.id, personId: viewer.personId, reason: input.reason },
      now,
    ),
  async after(at, _input, done) {
    await sendAgreementNews(notifierOf(at), at.scope.group, done.change, "objected", at.now);
  },
  reasons: {
    FORBIDDEN: { status: 403, message: "agreement.errors.nothingToObject" },
    // Its week ended, or another member objected, a moment before.
    NOT_OPEN: { status: 409, message: "agreement.errors.notOpen" },
  },
  result: z.object({ state: z.literal("objected") }),
  present: () => ({ state: "objected" as const }),
});

/** A member accepts the agreement as they read it. */
export const acceptAction = declareAction({
  name: "agreement.accept",
  page: "/groups/:slug/agreement/accept",
  api: { method: "POST", url: "/api/v1/groups/:slug/agreement/acceptance" },
  summary: "Accept the agreement as it now reads",
  input: acceptInput,
  scope: atAgreement,
  async run({ scope, viewer, db, now }, input) {
    const read = input?.read;
    const accepted = await acceptAgreement(
      db,
      {
        groupId: scope.group.id,
        personId: viewer.personId,
        read: read === undefined ? scope.group.agreementChangedAt : new Date(read),
      },
      now,
    );
    if (!accepted) return { ok: false, reason: "AGREEMENT_CHANGED" } as const;
    // Whether the member was being asked to accept it: the page thanks them only then.
    return { ok: true, asked: scope.can["agreement.accept"] } as const;
  },
  reasons: { AGREEMENT_CHANGED: { status: 409, message: "agreement.changedWhileReading" } },
  result: z.object({ acceptedAt: z.string() }),
  present: (_done, at) => ({ acceptedAt: at.now.toISOString() }),
});

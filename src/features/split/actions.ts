import { z } from "zod";
import { type At, declareAction, notifierOf } from "../../infra/actions/action.js";
import { groupPageUrl } from "../groups/present.js";
import { sendOfferMails } from "../memberships/mail.js";
import { participantIds } from "../memberships/reads.js";
import { choiceInput, splitInput } from "./inputs.js";
import { sendSplitDone, sendSplitProposed } from "./mail.js";
import { SPLIT_MINIMUM, type SplitAction, splitRefusal } from "./policy.js";
import { type AtSplit, atSplit } from "./scope.js";
import {
  type CompleteSplitResult,
  chooseInSplit,
  completeSplit,
  proposeSplit,
  withdrawSplit,
} from "./writes.js";

// Proposing a split, choosing where to go, and completing or withdrawing it: each declared
// once, for the split page's forms (pages.tsx) and the JSON (api.ts).

/** The rule of each action, asked by both doors before anything is read. */
const ruleOf =
  (action: SplitAction) =>
  ({ scope }: At<AtSplit>) =>
    splitRefusal(scope.standing, action, scope.state);

/** What the rule answers when it refuses: in each action's outcomes, for its reasons. */
type Forbidden = { ok: false; reason: "FORBIDDEN" };

const forbidden = { status: 403, message: "error.forbidden.body" } as const;
const conflict = { status: 409, message: "error.conflict.body" } as const;
const notMember = { status: 422, message: "split.errors.notMember" } as const;

type Proposed =
  | { ok: true; proposalId: string }
  | {
      ok: false;
      reason: "ALREADY_OPEN" | "TOO_SMALL" | "NOT_MEMBERS_FIRST" | "NOT_MEMBERS_SECOND";
    };
type Chosen = { ok: true; part: "1" | "2" | "leave" };
type Withdrawn = { ok: true } | { ok: false; reason: "NO_SPLIT" };

/** The people who lead propose two groups: names, when each meets, who facilitates each. */
export const proposeSplitAction = declareAction({
  name: "split.propose",
  page: "/groups/:slug/split",
  api: { method: "POST", url: "/api/v1/groups/:slug/split", status: 201 },
  summary: "Propose to split a group in two (those who lead it, once it has six members)",
  input: splitInput,
  scope: atSplit,
  refuse: ruleOf("split.propose"),
  async run({ scope, viewer, db, now }, form): Promise<Proposed | Forbidden> {
    const input = { groupId: scope.group.id, proposedBy: viewer.personId, form };
    const proposed = await proposeSplit(db, { ...input, minimum: SPLIT_MINIMUM }, now);
    if (proposed.ok || proposed.reason !== "NOT_MEMBERS") return proposed;
    // Someone named who is not a member (or is the guide): said by the list it was chosen in.
    const which = proposed.field === "facilitators1" ? "FIRST" : "SECOND";
    return { ok: false, reason: `NOT_MEMBERS_${which}` };
  },
  async after(at, form) {
    // Everyone who takes part chooses, but those named to facilitate, and not an observer.
    const choosing = await participantIds(at.deps.db, at.scope.group.id, at.now);
    const named = new Set([...form.facilitators1, ...form.facilitators2]);
    const asked = choosing.filter((id) => !named.has(id));
    await sendSplitProposed(notifierOf(at), at.scope.group, asked);
  },
  reasons: {
    FORBIDDEN: forbidden,
    // Proposed, or left too small, a moment before by someone else.
    ALREADY_OPEN: conflict,
    TOO_SMALL: conflict,
    NOT_MEMBERS_FIRST: notMember,
    NOT_MEMBERS_SECOND: notMember,
  },
  result: z.object({ proposalId: z.string() }).describe("The split proposed"),
  present: (done) => ({ proposalId: done.proposalId }),
});

/** A member chooses the first group, the second, or to leave; they may change it. */
export const chooseInSplitAction = declareAction({
  name: "split.choose",
  page: "/groups/:slug/split/choice",
  api: { method: "PUT", url: "/api/v1/groups/:slug/split/choice" },
  summary: "Choose one of the two groups, or to leave, while a split is open",
  input: choiceInput.strict(),
  scope: atSplit,
  refuse: ruleOf("split.choose"),
  async run({ scope, viewer, db, now }, { part }): Promise<Chosen | Forbidden> {
    const chosen = part === "leave" ? null : (Number(part) as 1 | 2);
    await chooseInSplit(
      db,
      { groupId: scope.group.id, personId: viewer.personId, part: chosen },
      now,
    );
    return { ok: true, part };
  },
  reasons: { FORBIDDEN: forbidden },
  result: z.object({ part: z.enum(["1", "2", "leave"]) }),
  present: (done) => ({ part: done.part }),
});

/** The people who lead make the two groups: everyone goes where they chose; the group closes. */
export const completeSplitAction = declareAction({
  name: "split.complete",
  page: "/groups/:slug/split/complete",
  api: { method: "POST", url: "/api/v1/groups/:slug/split/complete" },
  summary: "Make the two groups of the split proposed (those who lead the group)",
  input: z.object({}),
  scope: atSplit,
  refuse: ruleOf("split.complete"),
  run: ({ scope, db, now }): Promise<CompleteSplitResult | Forbidden> =>
    completeSplit(db, { groupId: scope.group.id }, now),
  async after(at, _input, done) {
    const notifier = notifierOf(at);
    await sendSplitDone(notifier, at.scope.group, done.groups, done.placed);
    await sendOfferMails(notifier, { offers: done.offers });
  },
  reasons: {
    FORBIDDEN: forbidden,
    // Completed or withdrawn a moment before, by a first click or another facilitator.
    NO_SPLIT: conflict,
    FACILITATOR_LEFT: { status: 409, message: "split.errors.facilitatorLeft" },
  },
  result: z
    .object({
      groups: z.array(
        z.object({ part: z.number().int(), slug: z.string(), name: z.string(), url: z.string() }),
      ),
      yours: z.string().nullable().describe("The slug of the group the person is in now"),
    })
    .describe("The two groups made"),
  present: (done, at) => ({
    groups: done.groups.map((g) => ({
      part: g.part,
      slug: g.slug,
      name: g.name,
      url: groupPageUrl(g.slug, at.deps.config.publicUrl),
    })),
    yours: yoursOf(done, at.viewer.personId)?.slug ?? null,
  }),
});

/** The group of the two the person is in now; none when they chose to leave. */
export function yoursOf(
  done: { groups: { id: string; slug: string }[]; placed: { personId: string; groupId: string }[] },
  personId: string,
) {
  const mine = done.placed.find((p) => p.personId === personId);
  return done.groups.find((g) => g.id === mine?.groupId) ?? null;
}

/** The people who lead call a proposed split off; the group carries on as it is. */
export const withdrawSplitAction = declareAction({
  name: "split.withdraw",
  page: "/groups/:slug/split/withdraw",
  api: { method: "POST", url: "/api/v1/groups/:slug/split/withdraw" },
  summary: "Withdraw the split proposed (those who lead the group)",
  input: z.object({}),
  scope: atSplit,
  refuse: ruleOf("split.complete"),
  run: async ({ scope, db, now }): Promise<Withdrawn | Forbidden> =>
    (await withdrawSplit(db, scope.group.id, now))
      ? { ok: true }
      : { ok: false, reason: "NO_SPLIT" },
  reasons: { FORBIDDEN: forbidden, NO_SPLIT: conflict },
  result: z.object({ withdrawn: z.literal(true) }),
  present: () => ({ withdrawn: true as const }),
});

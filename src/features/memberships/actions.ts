import { z } from "zod";
import { declareAction, notifierOf } from "../../infra/actions/action.js";
import { isUuid } from "../../infra/http/ids.js";
import { notFound } from "../../infra/http/problem.js";
import { listContacts } from "../accounts/reads.js";
import { decisionInput, joinInput, offerAnswerInput } from "./inputs.js";
import { decisionMessage, requestMessage, sendOfferMails } from "./mail.js";
import { joinRefusal } from "./policy.js";
import { listFacilitators, type StandingIn } from "./reads.js";
import { inGroup, ledGroup } from "./scope.js";
import { answerOffer, decideRequest, joinGroup, leaveGroup } from "./writes.js";

// Joining, waiting, leaving, and the facilitators' answers to requests: each declared once, for
// its page (pages.tsx) and its JSON (api.ts).

const memberState = z
  .object({ state: z.enum(["active", "requested", "waitlisted", "left"]) })
  .describe("Where the person now stands in the group");

const notTaking = { status: 409, message: "memberships.notTaking" } as const;

const groupRef = (group: StandingIn["group"], publicUrl: URL) => ({
  name: group.name,
  url: new URL(`/groups/${group.slug}`, publicUrl).toString(),
  timeZone: group.timeZone,
});

/** Join an open group (or its waiting list when it is full), or ask to join one that asks. */
export const joinAction = declareAction({
  name: "group.join",
  page: "/groups/:slug/join",
  api: { method: "POST", url: "/api/v1/groups/:slug/membership", status: 201 },
  summary: "Join a group, join its waiting list when it is full, or ask to join when it asks",
  input: joinInput,
  scope: inGroup,
  refuse: ({ scope, viewer, now }) => joinRefusal(viewer, scope.group, scope.membership, now),
  run: ({ scope, viewer, db, now }, input) =>
    joinGroup(db, { groupId: scope.group.id, personId: viewer.personId, ...input }, now),
  async after(at, _input, done) {
    if (done.state !== "requested") return;
    const { db, config } = at.deps;
    const { group } = at.scope;
    const facilitators = await listContacts(db, await listFacilitators(db, group.id, at.now));
    const requestsUrl = new URL(`/groups/${group.slug}/requests`, config.publicUrl).toString();
    const { mailer } = notifierOf(at);
    for (const facilitator of facilitators) {
      await mailer.send(
        requestMessage(
          facilitator,
          groupRef(group, config.publicUrl),
          at.viewer.displayName ?? "",
          requestsUrl,
        ),
      );
    }
  },
  reasons: {
    REMOVED: { status: 409, message: "memberships.removed" },
    ALREADY_IN_GROUP: { status: 409, message: "memberships.alreadyIn" },
    NOT_TAKING_MEMBERS: notTaking,
    GROUP_NOT_FOUND: notTaking,
  },
  result: memberState,
  present: (done) => ({ state: done.state }),
});

/** Leave the group, or its waiting list, or take back a request: one step, no reason asked. */
export const leaveAction = declareAction({
  name: "group.leave",
  page: "/groups/:slug/leave",
  api: { method: "DELETE", url: "/api/v1/groups/:slug/membership" },
  summary: "Leave a group, its waiting list, or take back a request to join",
  input: z.object({}),
  scope: inGroup,
  run: ({ scope, viewer, db, now }) =>
    leaveGroup(db, { groupId: scope.group.id, personId: viewer.personId }, now),
  after: (at, _input, done) => sendOfferMails(notifierOf(at), { offers: done.offers }),
  reasons: { NOT_IN_GROUP: { status: 404, message: "error.notFound.body" } },
  result: memberState,
  present: () => ({ state: "left" as const }),
});

/** Take the place held for the person waiting, or let it go to the next. */
export const answerOfferAction = declareAction({
  name: "group.offer.answer",
  page: "/groups/:slug/offer",
  api: { method: "POST", url: "/api/v1/groups/:slug/membership/offer" },
  summary: "Take the place offered from the waiting list, or let it go to the next person",
  input: offerAnswerInput,
  scope: inGroup,
  async run({ scope, viewer, db, now }, input) {
    const accept = input.answer === "accept";
    const answered = await answerOffer(
      db,
      { groupId: scope.group.id, personId: viewer.personId, accept },
      now,
    );
    return answered.ok
      ? { ...answered, state: accept ? ("active" as const) : ("left" as const) }
      : answered;
  },
  after: (at, _input, done) => sendOfferMails(notifierOf(at), { offers: done.offers }),
  reasons: { NO_OFFER: { status: 409, message: "memberships.offer.gone" } },
  result: memberState,
  present: (done) => ({ state: done.state }),
});

/** A request to join, in a group the viewer leads: its id from the route, 404 if not one. */
const requestIn = async (...args: Parameters<typeof ledGroup>) => {
  const found = await ledGroup(...args);
  const { membershipId } = args[0].params as { membershipId?: unknown };
  if (typeof membershipId !== "string" || !isUuid(membershipId)) throw notFound();
  return { ...found, membershipId };
};

/** A facilitator accepts or declines a request to join, with a message if they wish. */
export const decideRequestAction = declareAction({
  name: "group.requests.decide",
  page: "/groups/:slug/requests/:membershipId",
  api: { method: "POST", url: "/api/v1/groups/:slug/requests/:membershipId" },
  summary: "Accept or decline a request to join (those who lead the group)",
  input: decisionInput,
  scope: requestIn,
  run: ({ scope, db, now }, input) =>
    decideRequest(
      db,
      {
        groupId: scope.group.id,
        membershipId: scope.membershipId,
        accept: input.decision === "accept",
        message: input.message,
      },
      now,
    ),
  async after(at, input, done) {
    const [person] = await listContacts(at.deps.db, [done.personId]);
    if (!person) return;
    const group = groupRef(at.scope.group, at.deps.config.publicUrl);
    await notifierOf(at).mailer.send(decisionMessage(person, group, done.state, input.message));
  },
  reasons: { NO_SUCH_REQUEST: { status: 404, message: "error.notFound.body" } },
  result: memberState,
  present: (done) => ({ state: done.state }),
});

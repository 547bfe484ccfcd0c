import { z } from "zod";
import { declareAction } from "../../infra/actions/action.js";
import { translator } from "../../infra/i18n/i18n.js";
import { inviteInput } from "./inputs.js";
import { sendInvitation } from "./mail.js";
import { takeUpRefusal } from "./policy.js";
import { anInvitation, invitingTo } from "./scope.js";
import { acceptInvitation, invite } from "./writes.js";

// Inviting someone by e-mail, and taking up an invitation: each declared once, for its page
// (pages.tsx) and its JSON (api.ts).

const notThere = { status: 404, message: "error.notFound.body" } as const;

/** Those who lead a group invite someone by e-mail: the link lets them join, whatever the way in. */
export const inviteAction = declareAction({
  name: "group.invite",
  page: "/groups/:slug/invitations",
  api: { method: "POST", url: "/api/v1/groups/:slug/invitations", status: 201 },
  summary: "Invite someone to the group by e-mail (those who lead it); the link works for 14 days",
  input: inviteInput,
  scope: invitingTo,
  async run({ scope, viewer, db, now, deps, log }, input) {
    const { group, language } = scope;
    const sent = await invite(
      db,
      { groupId: group.id, email: input.email, invitedBy: viewer.personId },
      now,
      (token) =>
        sendInvitation(
          { mailer: deps.mailer, publicUrl: deps.config.publicUrl, log },
          {
            email: input.email,
            language,
            group,
            from: viewer.displayName || translator(language)("meetings.someone"),
            message: input.message,
            token,
          },
        ),
    );
    return sent.ok ? { ...sent, email: input.email } : sent;
  },
  reasons: {
    ADDRESS_REFUSED: { status: 422, message: "errors.email.refused" },
    MAIL_UNAVAILABLE: { status: 503, message: "errors.email.unavailable" },
  },
  result: z
    .object({ email: z.string(), expiresAt: z.string() })
    .describe("The invitation is sent; its link works until then"),
  present: (done) => ({ email: done.email, expiresAt: done.expiresAt.toISOString() }),
});

/** The person invited joins, having read the agreement: at once, or on the waiting list. */
export const takeUpAction = declareAction({
  name: "group.invitation.takeUp",
  page: "/invitations/:token",
  api: { method: "POST", url: "/api/v1/invitations/:token" },
  summary: "Take up an invitation: join the group, or its waiting list when it is full",
  input: z.object({}),
  scope: anInvitation,
  refuse: ({ scope, viewer }) => takeUpRefusal(scope.found?.invitation ?? null, viewer.email),
  async run({ scope, viewer, db, now }) {
    const taken = await acceptInvitation(
      db,
      { token: scope.token, personId: viewer.personId, email: viewer.email },
      now,
    );
    return taken.ok ? { ...taken, slug: scope.found?.group.slug ?? "" } : taken;
  },
  reasons: {
    NO_INVITATION: notThere,
    NOT_TAKING_MEMBERS: notThere,
    OTHER_ADDRESS: { status: 403, message: "invitations.otherAddress.title" },
    ALREADY_IN_GROUP: { status: 409, message: "memberships.alreadyIn" },
  },
  result: z
    .object({ group: z.string(), state: z.enum(["active", "waitlisted"]) })
    .describe("The group's address, and where the person now stands in it"),
  present: (done) => ({ group: done.slug, state: done.state }),
});

import type { FastifyInstance } from "fastify";
import { accountErasure } from "../accounts/writes.js";
import { invitationApi } from "./api.js";
import { invitationPages } from "./pages.js";
import { forgetInvitationsTo } from "./writes.js";

/** Inviting someone to a group by e-mail, and taking up an invitation. */
export async function invitationsPlugin(app: FastifyInstance): Promise<void> {
  // An erased person's address is forgotten by the groups that invited it.
  accountErasure.register("invitations", ({ tx, email }) => forgetInvitationsTo(tx, email));
  await app.register(invitationPages);
  await app.register(invitationApi);
}

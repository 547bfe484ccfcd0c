import type { FastifyInstance } from "fastify";
import { readsBoard } from "../board/policy.js";
import { boardLinks, postTools } from "../board/present.js";
import { postPublished } from "../board/writes.js";
import { leads } from "../memberships/policy.js";
import { alertApi } from "./api.js";
import { backupApi } from "./backup/api.js";
import { backupPages } from "./backup/pages.js";
import { alertPages } from "./pages.js";
import { phraseApi } from "./phrases/api.js";
import { phrasePages } from "./phrases/pages.js";
import { checkPublished } from "./phrases/writes.js";
import { mayWorryAbout } from "./policy.js";
import { urgentHelpApi } from "./urgent-help/api.js";
import { urgentHelpPages } from "./urgent-help/pages.js";
import { worriedApi } from "./worried/api.js";
import { worriedPages } from "./worried/pages.js";

/**
 * The crisis protocol of a peer-led group: every post checked for words that may mean someone is
 * at risk, "I'm worried about this person" on every post, alerts with a state for those who look
 * after the group, its backup contact, the urgent-help page, and the administrators' phrases.
 * None of its routes is rate-limited: someone in crisis, or looking after them, never waits.
 */
export async function crisisPlugin(app: FastifyInstance): Promise<void> {
  // Every post, reply and edit, in its transaction: the post is saved as written whatever this
  // finds; on a match an alert is raised and the author goes to the urgent-help page.
  postPublished.register("crisis", checkPublished);
  // Those who lead find the group's alerts from its board (a backup contact, from the e-mails).
  boardLinks.register("crisis.alerts", {
    ability: "crisis.alerts",
    label: "crisis.alerts.link",
    path: (slug) => `/groups/${slug}/alerts`,
    allows: leads,
  });
  postTools.register("crisis.worried", {
    ability: "crisis.worried",
    label: "crisis.worried.tool",
    path: (slug, postId) => `/groups/${slug}/board/posts/${postId}/worried`,
    allows: ({ post, personId, standing }) => readsBoard(standing) && mayWorryAbout(post, personId),
  });
  await app.register(alertPages);
  await app.register(alertApi);
  await app.register(urgentHelpPages);
  await app.register(urgentHelpApi);
  await app.register(worriedPages);
  await app.register(worriedApi);
  await app.register(backupPages);
  await app.register(backupApi);
  await app.register(phrasePages);
  await app.register(phraseApi);
}

import type { FastifyInstance } from "fastify";
import { parseForm } from "../../../infra/html/form.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { redirectAfterPost } from "../../../infra/http/flash.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import { requireViewer } from "../../../infra/http/require-viewer.js";
import { getGroupById, getGroupBySlug } from "../../groups/reads.js";
import { standing } from "../../memberships/policy.js";
import { getMembership } from "../../memberships/reads.js";
import { isUnsubscribeToken, preferencesInput } from "./inputs.js";
import { getPreferences } from "./reads.js";
import { PreferencesPage, UnsubscribedPage, UnsubscribePage } from "./views/reminders.js";
import { savePreferences, unsubscribe } from "./writes.js";

type GroupParams = { Params: { slug: string } };
type TokenParams = { Params: { token: string } };

const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** A member's choice of reminders and digest, and the one-click unsubscribe of every e-mail. */
export async function reminderPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  async function memberOf(
    request: Parameters<typeof requireViewer>[0] & { params: { slug: string } },
    reply: Parameters<typeof requireViewer>[1],
  ) {
    const group = await getGroupBySlug(db, request.params.slug);
    if (!group || group.status === "closed") throw notFound();
    const viewer = requireViewer(request, reply);
    if (!viewer) return null;
    const where = standing(await getMembership(db, group.id, viewer.personId), group, clock());
    if (where !== "member" && where !== "facilitator" && where !== "guide") throw notFound();
    return { group, viewer };
  }

  app.get<GroupParams>("/groups/:slug/reminders", async (request, reply) => {
    const found = await memberOf(request, reply);
    if (!found) return reply;
    const choice = await getPreferences(db, found.group.id, found.viewer.personId);
    return sendHtml(
      reply,
      <PreferencesPage ctx={pageContext(request)} group={found.group} choice={choice} />,
    );
  });

  app.post<GroupParams>("/groups/:slug/reminders", async (request, reply) => {
    const found = await memberOf(request, reply);
    if (!found) return reply;
    const form = parseForm(preferencesInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <PreferencesPage
          ctx={pageContext(request)}
          group={found.group}
          choice={{ dayBefore: false, hourBefore: false, weeklyDigest: false, rotaRequests: false }}
          errors={form.errors}
        />,
        400,
      );
    }
    const chosen = new Set(form.data.emails);
    await savePreferences(
      db,
      {
        groupId: found.group.id,
        personId: found.viewer.personId,
        dayBefore: chosen.has("dayBefore"),
        hourBefore: chosen.has("hourBefore"),
        weeklyDigest: chosen.has("weeklyDigest"),
        rotaRequests: chosen.has("rotaRequests"),
      },
      clock(),
    );
    return redirectAfterPost(reply, `/groups/${found.group.slug}/reminders`, "reminders.saved");
  });

  // Opening the link only asks: mail scanners open links, and must not unsubscribe anyone.
  app.get<TokenParams>("/unsubscribe/:token", async (request, reply) => {
    if (!isUnsubscribeToken(request.params.token)) throw notFound();
    return sendHtml(
      reply,
      <UnsubscribePage ctx={pageContext(request)} token={request.params.token} />,
    );
  });

  app.post<TokenParams>(
    "/unsubscribe/:token",
    { config: { oneClickPost: true } },
    async (request, reply) => {
      if (!isUnsubscribeToken(request.params.token)) throw notFound();
      const result = await unsubscribe(db, request.params.token, clock());
      if (!result.ok) throw notFound();
      const group = await getGroupById(db, result.groupId);
      return sendHtml(reply, <UnsubscribedPage ctx={pageContext(request)} group={group} />);
    },
  );
}

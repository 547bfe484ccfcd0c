import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { notFound } from "../../../infra/http/problem.js";
import { getGroupById } from "../../groups/reads.js";
import { amongMembers } from "../scope.js";
import { choosePreferencesAction } from "./actions.js";
import { isUnsubscribeToken } from "./inputs.js";
import { getPreferences } from "./reads.js";
import { PreferencesPage, UnsubscribedPage, UnsubscribePage } from "./views/reminders.js";
import { unsubscribe } from "./writes.js";

type TokenParams = { Params: { token: string } };

/** A member's choice of reminders and digest, and the one-click unsubscribe of every e-mail. */
export async function reminderPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  scopedPage(app, "/groups/:slug/reminders", amongMembers, async (request, reply, at) => {
    const { group } = at.scope;
    const choice = await getPreferences(db, group.id, at.viewer.personId);
    return sendHtml(
      reply,
      <PreferencesPage ctx={pageContext(request)} group={group} choice={choice} />,
    );
  });

  htmlDoor(app, choosePreferencesAction, {
    invalid: (ctx, at, form) => (
      <PreferencesPage
        ctx={ctx}
        group={at.scope.group}
        choice={{ dayBefore: false, hourBefore: false, weeklyDigest: false, rotaRequests: false }}
        errors={form.errors}
      />
    ),
    done: (at) => ({ to: `/groups/${at.scope.group.slug}/reminders`, flash: "reminders.saved" }),
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

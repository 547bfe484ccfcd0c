import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import { MessagePage } from "../../../infra/html/message-page.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { cookieNames, cookieOptions } from "../../../infra/http/cookies.js";
import { notFound } from "../../../infra/http/problem.js";
import { takeReturnPath } from "../../../infra/http/require-viewer.js";
import { languageSwitchInput } from "../inputs.js";
import { abilities } from "../policy.js";
import { presentPersonalData } from "../present.js";
import { collectPersonalData, listPasskeys, personalDataParts } from "../reads.js";
import { ownAccount } from "../scope.js";
import { AccountPage, DeletePage, ProfilePage, WelcomePage } from "../views/account.js";
import { recordExport } from "../writes.js";
import { deleteAccountAction, nameAction, profileAction } from "./actions.js";

/** The person's own account: name, settings, passkeys, their data, and leaving. */
export async function profilePages(app: FastifyInstance) {
  const { db } = app.deps;

  scopedPage(app, "/account", ownAccount, async (request, reply, { viewer }) => {
    if (!viewer.displayName) return reply.redirect("/welcome");
    const passkeys = await listPasskeys(db, viewer.personId);
    return sendHtml(
      reply,
      <AccountPage ctx={pageContext(request)} passkeys={passkeys} abilities={abilities(viewer)} />,
    );
  });

  scopedPage(app, "/welcome", ownAccount, async (request, reply, { viewer }) =>
    sendHtml(
      reply,
      <WelcomePage ctx={pageContext(request)} values={{ displayName: viewer.displayName ?? "" }} />,
    ),
  );

  htmlDoor(app, nameAction, {
    invalid: (ctx, _at, form) => (
      <WelcomePage ctx={ctx} values={form.values} errors={form.errors} />
    ),
    // Back to the page that asked them to sign in, if one did: a newcomer joining a group.
    done: (_at, _done, _input, { request, reply }) => ({
      to: takeReturnPath(request, reply, "/account"),
      flash: "profile.saved",
    }),
  });

  scopedPage(app, "/account/profile", ownAccount, async (request, reply, { viewer }) => {
    const values = {
      displayName: viewer.displayName ?? "",
      language: viewer.language,
      textSize: viewer.textSize,
      contrast: viewer.contrast,
    };
    return sendHtml(reply, <ProfilePage ctx={pageContext(request)} values={values} />);
  });

  htmlDoor(app, profileAction, {
    invalid: (ctx, _at, form) => (
      <ProfilePage ctx={ctx} values={form.values} errors={form.errors} />
    ),
    done: () => ({ to: "/account", flash: "profile.saved" }),
  });

  scopedPage(app, "/account/export", ownAccount, async (_request, reply, { viewer, now }) => {
    await recordExport(db, viewer.personId, now);
    const [data, parts] = await Promise.all([
      collectPersonalData(db, viewer.personId),
      personalDataParts.gather({ db, personId: viewer.personId }),
    ]);
    if (!data) throw notFound();
    return reply
      .header(
        "content-disposition",
        `attachment; filename="mutua-my-data-${now.toISOString().slice(0, 10)}.json"`,
      )
      .type("application/json; charset=utf-8")
      .send(JSON.stringify({ ...presentPersonalData(data, now), ...parts }, null, 2));
  });

  scopedPage(app, "/account/delete", ownAccount, async (request, reply) =>
    sendHtml(reply, <DeletePage ctx={pageContext(request)} />),
  );

  htmlDoor(app, deleteAccountAction, {
    page: (ctx) => (
      <MessagePage
        ctx={ctx}
        title={ctx.t("account.delete")}
        body={ctx.t("delete.done", { name: ctx.site.name })}
      />
    ),
  });

  /**
   * Signed-out visitors choose a language with a plain link (no form, so pages without forms
   * need no CSRF cookie); a signed-in person's profile decides instead.
   */
  app.get<{ Params: { language: string }; Querystring: { back?: string } }>(
    "/language/:language",
    async (request, reply) => {
      const choice = languageSwitchInput.safeParse({
        language: request.params.language,
        back: request.query.back,
      });
      if (!choice.success) throw notFound();
      reply.setCookie(cookieNames.language, choice.data.language, cookieOptions(365 * 86_400));
      return reply.code(303).redirect(choice.data.back);
    },
  );
}

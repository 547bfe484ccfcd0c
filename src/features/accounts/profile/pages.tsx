import type { FastifyInstance } from "fastify";
import { parseForm } from "../../../infra/html/form.js";
import { MessagePage } from "../../../infra/html/message-page.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { cookieNames, cookieOptions } from "../../../infra/http/cookies.js";
import { redirectAfterPost } from "../../../infra/http/flash.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import {
  clearSessionCookie,
  requireViewer,
  takeReturnPath,
} from "../../../infra/http/require-viewer.js";
import { languageSwitchInput, profileInput, welcomeInput } from "../inputs.js";
import { removePasskey } from "../passkeys/writes.js";
import { abilities, mayManagePasskeys, passkeyRequired } from "../policy.js";
import { presentPersonalData } from "../present.js";
import { collectPersonalData, listPasskeys, personalDataParts } from "../reads.js";
import { AccountPage, DeletePage, ProfilePage, WelcomePage } from "../views/account.js";
import { deleteAccount, recordExport, updateProfile } from "../writes.js";

/** The person's own account: name, settings, passkeys, their data, and leaving. */
export async function profilePages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  app.get("/account", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    if (!viewer.displayName) return reply.redirect("/welcome");
    const passkeys = await listPasskeys(db, viewer.personId);
    return sendHtml(
      reply,
      <AccountPage ctx={pageContext(request)} passkeys={passkeys} abilities={abilities(viewer)} />,
    );
  });

  app.get("/welcome", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    return sendHtml(
      reply,
      <WelcomePage ctx={pageContext(request)} values={{ displayName: viewer.displayName ?? "" }} />,
    );
  });

  app.post("/welcome", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const form = parseForm(welcomeInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <WelcomePage ctx={pageContext(request)} values={form.values} errors={form.errors} />,
        400,
      );
    }
    await updateProfile(db, viewer.personId, form.data, clock());
    return redirectAfterPost(reply, takeReturnPath(request, reply, "/account"), "profile.saved");
  });

  app.get("/account/profile", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const values = {
      displayName: viewer.displayName ?? "",
      language: viewer.language,
      textSize: viewer.textSize,
      contrast: viewer.contrast,
    };
    return sendHtml(reply, <ProfilePage ctx={pageContext(request)} values={values} />);
  });

  app.post("/account/profile", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const form = parseForm(profileInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <ProfilePage ctx={pageContext(request)} values={form.values} errors={form.errors} />,
        400,
      );
    }
    await updateProfile(db, viewer.personId, form.data, clock());
    return redirectAfterPost(reply, "/account", "profile.saved");
  });

  app.get("/account/export", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    const now = clock();
    await recordExport(db, viewer.personId, now);
    const [data, parts] = await Promise.all([
      collectPersonalData(db, viewer.personId),
      personalDataParts.gather({ db, personId: viewer.personId }),
    ]);
    if (!data) throw new HttpProblem(404, "not_found", "There is nothing at this address.");
    return reply
      .header(
        "content-disposition",
        `attachment; filename="mutua-my-data-${now.toISOString().slice(0, 10)}.json"`,
      )
      .type("application/json; charset=utf-8")
      .send(JSON.stringify({ ...presentPersonalData(data, now), ...parts }, null, 2));
  });

  app.get("/account/delete", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    return sendHtml(reply, <DeletePage ctx={pageContext(request)} />);
  });

  app.post("/account/delete", async (request, reply) => {
    const viewer = requireViewer(request, reply);
    if (!viewer) return reply;
    await deleteAccount(db, viewer.personId, clock());
    clearSessionCookie(reply);
    request.viewer = null;
    const ctx = pageContext(request);
    return sendHtml(
      reply,
      <MessagePage
        ctx={ctx}
        title={ctx.t("account.delete")}
        body={ctx.t("delete.done", { name: ctx.site.name })}
      />,
    );
  });

  app.post<{ Params: { passkeyId: string } }>(
    "/account/passkeys/:passkeyId/remove",
    async (request, reply) => {
      const viewer = requireViewer(request, reply);
      if (!viewer) return reply;
      const held = await listPasskeys(db, viewer.personId);
      if (!mayManagePasskeys(viewer, held.length > 0)) throw passkeyRequired();
      const removed = await removePasskey(db, viewer.personId, request.params.passkeyId, clock());
      if (!removed) throw new HttpProblem(404, "not_found", "There is nothing at this address.");
      return redirectAfterPost(reply, "/account", "account.passkeyRemovedFlash");
    },
  );

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
      if (!choice.success)
        throw new HttpProblem(404, "not_found", "There is nothing at this address.");
      reply.setCookie(cookieNames.language, choice.data.language, cookieOptions(365 * 86_400));
      return reply.code(303).redirect(choice.data.back);
    },
  );
}

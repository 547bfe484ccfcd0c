import type { FastifyInstance } from "fastify";
import { parseForm } from "../../../infra/html/form.js";
import { MessagePage } from "../../../infra/html/message-page.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import type { MailFailure } from "../../../infra/mail/mailer.js";
import { signInRequestInput } from "../inputs.js";
import { getUsableSetupToken } from "../reads.js";
import { sendSignIn } from "../sign-in/mail.js";
import { SetupPage } from "../views/account.js";
import { completeSetup, setupTokenHash } from "../writes.js";

/** The one-time link printed at start while the instance has no administrator. */
export async function setupPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  app.get<{ Querystring: { token?: string } }>("/setup", async (request, reply) => {
    const token = String(request.query.token ?? "");
    const ctx = pageContext(request);
    const usable =
      /^[A-Za-z0-9_-]{43}$/.test(token) &&
      (await getUsableSetupToken(db, setupTokenHash(token), clock()));
    if (!usable)
      return sendHtml(
        reply,
        <MessagePage ctx={ctx} title={ctx.t("setup.title")} body={ctx.t("setup.invalid")} />,
        404,
      );
    return sendHtml(reply, <SetupPage ctx={ctx} token={token} />);
  });

  app.post<{ Querystring: { token?: string } }>("/setup", async (request, reply) => {
    const token = String(request.query.token ?? "");
    const form = parseForm(signInRequestInput, request.body);
    if (!form.ok) {
      return sendHtml(
        reply,
        <SetupPage
          ctx={pageContext(request)}
          token={token}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    const mail: { failed: MailFailure | null } = { failed: null };
    const result = await completeSetup(
      db,
      {
        token,
        email: form.data.email,
        sendSignIn: async (tx) => {
          mail.failed = await sendSignIn(request, reply, form.data.email, tx);
          return mail.failed === null;
        },
      },
      clock(),
    );
    const ctx = pageContext(request);
    const { failed } = mail;
    if (failed) {
      return sendHtml(
        reply,
        <SetupPage ctx={ctx} token={token} values={form.values} errors={{ email: failed.error }} />,
        failed.status,
      );
    }
    if (!result.ok)
      return sendHtml(
        reply,
        <MessagePage ctx={ctx} title={ctx.t("setup.title")} body={ctx.t("setup.invalid")} />,
        404,
      );
    return sendHtml(
      reply,
      <MessagePage
        ctx={ctx}
        title={ctx.t("setup.title")}
        body={ctx.t("setup.done", { email: form.data.email })}
      />,
    );
  });
}

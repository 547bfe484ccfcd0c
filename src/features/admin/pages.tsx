import type { FastifyInstance } from "fastify";
import { scopedPage } from "../../infra/actions/html-door.js";
import { Layout } from "../../infra/html/layout.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { formatDateTime } from "../../infra/i18n/i18n.js";
import { laterMailStatus } from "../../infra/mail/later.js";
import { administration } from "../accounts/scope.js";
import { HELP_REQUEST_TASK } from "../matching/writes.js";
import { CHANGE_NOTICES_TASK } from "../meetings/changes/writes.js";
import { OFFER_MAIL_TASK } from "../memberships/mail.js";

/** The administrators' start page. Administrator tools need a passkey sign-in. */
export async function adminPages(app: FastifyInstance) {
  scopedPage(app, "/admin", administration, async (request, reply) => {
    const ctx = pageContext(request);
    const { t } = ctx;
    const mail = await laterMailStatus(app.deps.db, [
      OFFER_MAIL_TASK,
      HELP_REQUEST_TASK,
      CHANGE_NOTICES_TASK,
    ]);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={t("admin.title")}>
        <h1>{t("admin.title")}</h1>
        <ul>
          <li>
            <a href="/admin/difficulties">{t("admin.difficulties")}</a>
          </li>
          <li>
            <a href="/admin/organisations">{t("admin.organisations")}</a>
          </li>
        </ul>
        <h2>{t("admin.mail.title")}</h2>
        <p>
          {mail.waiting === 0
            ? t("admin.mail.noneWaiting")
            : t("admin.mail.waiting", {
                count: mail.waiting,
                since: formatDateTime(mail.oldest ?? new Date(), ctx.lang, ctx.site.timeZone),
              })}
        </p>
        {mail.failed > 0 ? <p>{t("admin.mail.failed", { count: mail.failed })}</p> : null}
      </Layout>,
    );
  });
}

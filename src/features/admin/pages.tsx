import type { FastifyInstance } from "fastify";
import { Layout } from "../../infra/html/layout.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { requirePermission } from "../../infra/http/require-viewer.js";
import { can } from "../accounts/policy.js";

/** The administrators' start page. Administrator tools need a passkey sign-in. */
export async function adminPages(app: FastifyInstance) {
  app.get("/admin", async (request, reply) => {
    if (!requirePermission(request, reply, (viewer) => can(viewer, "admin.tools"))) return reply;
    const ctx = pageContext(request);
    const { t } = ctx;
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
      </Layout>,
    );
  });
}

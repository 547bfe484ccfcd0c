import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";

/** /find: what is about to happen, and a way to start. */
export function StartPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("matching.start.title")}>
      <h1>{t("matching.start.title")}</h1>
      <p>{t("matching.start.intro")}</p>
      <p>{t("matching.start.then")}</p>
      <p>{t("matching.start.private")}</p>
      <div>
        <a class="button" href="/find/difficulty">
          {t("matching.start.button")}
        </a>
      </div>
      <p>
        <a href="/groups">{t("matching.start.all")}</a>
      </p>
    </Layout>
  );
}

import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t, viewer, site } = ctx;
  return (
    <Layout ctx={ctx} title={t("home.title")}>
      <h1>{t("home.title")}</h1>
      {viewer?.displayName ? <p>{t("home.signedIn", { name: viewer.displayName })}</p> : null}
      <p>{t("home.intro")}</p>
      <p>{t("home.peerLed")}</p>
      <p>{t("matching.home.intro")}</p>
      <div>
        <a class="button" href="/find">
          {t("matching.home.find")}
        </a>
      </div>
      <p>
        <a href="/groups">{t("matching.home.all")}</a>
      </p>
      {viewer ? null : (
        <div>
          <a class="button button-secondary" href="/sign-in">
            {t("home.startSignIn")}
          </a>
        </div>
      )}
      <div class="panel">
        <p>{t("home.urgent", { number: site.emergencyNumber })}</p>
      </div>
    </Layout>
  );
}

export function UrgentHelpPage({ ctx }: { ctx: PageContext }) {
  const { t, site } = ctx;
  return (
    <Layout ctx={ctx} title={t("urgent.title")} scripts={["/assets/print.js"]}>
      <h1>{t("urgent.title")}</h1>
      <p class="panel warning-text">
        <a href={`tel:${site.emergencyNumber}`}>
          {t("urgent.danger", { number: site.emergencyNumber })}
        </a>
      </p>
      <p>{t("urgent.body")}</p>
      <p>{t("urgent.talk")}</p>
      <button type="button" class="button button-secondary" data-print hidden>
        {t("site.print")}
      </button>
    </Layout>
  );
}

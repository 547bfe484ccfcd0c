import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import { telOf, type UrgentHelp } from "../present.js";

/**
 * A calm page with who to call now: the group's country's emergency number, the instance's
 * helplines, and the words of the site's own urgent-help page. Reached at once after a post whose
 * words may mean someone is at risk: the post is on the board as written, and this says so.
 */
export function UrgentHelpPage({
  ctx,
  group,
  help,
  fromPost,
}: {
  ctx: PageContext;
  group: { name: string };
  help: UrgentHelp;
  fromPost: boolean;
}) {
  const { t } = ctx;
  const { emergency } = help;
  return (
    <Layout ctx={ctx} title={t("crisis.urgent.title")} scripts={["/assets/print.js"]}>
      <h1>{t("crisis.urgent.title")}</h1>
      {fromPost ? <p>{t("crisis.urgent.posted")}</p> : null}
      <p class="panel warning-text">
        <a class="tel-link" href={telOf(emergency.number)}>
          {t("crisis.urgent.danger", { number: emergency.number })}
        </a>
        {emergency.also ? (
          <>
            {" "}
            <a href={telOf(emergency.also)}>
              {t("crisis.urgent.also", { number: emergency.also })}
            </a>
          </>
        ) : null}
      </p>
      {help.helplines.length > 0 ? (
        <>
          <h2>{t("crisis.urgent.helplines")}</h2>
          <ul class="link-list">
            {help.helplines.map((line) => (
              <li key={line.name}>
                <a class="tel-link" href={telOf(line.phone)}>
                  {t("crisis.urgent.helpline", { name: line.name, phone: line.phone })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t("urgent.talk")}</p>
      {fromPost ? <p>{t("crisis.urgent.told", { group: group.name })}</p> : null}
      <p>{t("urgent.body")}</p>
      {help.thread ? (
        <p>
          <a href={help.thread}>{t("crisis.urgent.back")}</a>
        </p>
      ) : null}
      <button type="button" class="button button-secondary" data-print hidden>
        {t("site.print")}
      </button>
    </Layout>
  );
}

import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { AlertView } from "../present.js";
import { alertsPath, StateWords, sourceWords, subjectName, when } from "./parts.js";

/**
 * A group's alerts, open ones first, for those who handle them, with the way to the backup
 * contact's page for those who lead.
 */
export function AlertsPage({
  ctx,
  group,
  alerts,
  canChooseBackup,
}: {
  ctx: PageContext;
  group: { name: string; slug: string };
  alerts: AlertView[];
  canChooseBackup: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("crisis.alerts.title", { group: group.name })}>
      <p>
        <a href={`/groups/${group.slug}/board`}>{t("crisis.alerts.board")}</a>
      </p>
      <h1>{t("crisis.alerts.title", { group: group.name })}</h1>
      <p>{t("crisis.alerts.intro")}</p>
      {canChooseBackup ? (
        <p>
          <a href={`/groups/${group.slug}/backup-contact`}>{t("crisis.alerts.backup")}</a>
        </p>
      ) : null}
      {alerts.length === 0 ? (
        <p>{t("crisis.alerts.none")}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t("crisis.alerts.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("crisis.alerts.alert")}</th>
                <th scope="col">{t("crisis.alert.source")}</th>
                <th scope="col">{t("crisis.alert.when")}</th>
                <th scope="col">{t("crisis.alert.state")}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => (
                <tr key={alert.id}>
                  <td>
                    <a href={alertsPath(group, `/${alert.id}`)}>
                      {t("crisis.alert.title", { name: subjectName(ctx, alert) })}
                    </a>
                  </td>
                  <td>{sourceWords(ctx, alert, false)}</td>
                  <td>{when(ctx, alert, alert.createdAt)}</td>
                  <td>
                    <StateWords ctx={ctx} state={alert.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

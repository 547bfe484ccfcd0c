import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { OrganisationGroup } from "../reads.js";

/** An organisation's groups for its coordinators: numbers only, small counts held back. */
export function OverviewPage({
  ctx,
  organisation,
  groups,
}: {
  ctx: PageContext;
  organisation: { name: string };
  groups: OrganisationGroup[];
}) {
  const { t } = ctx;
  const title = t("oversight.title", { organisation: organisation.name });
  const people = (n: number | null) => (n === null ? t("oversight.fewer") : String(n));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t("oversight.intro")}</p>
      {groups.length === 0 ? (
        <p>{t("oversight.none")}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t("oversight.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("oversight.column.group")}</th>
                <th scope="col">{t("oversight.column.members")}</th>
                <th scope="col">{t("oversight.column.waiting")}</th>
                <th scope="col">{t("oversight.column.meetings")}</th>
                <th scope="col">{t("oversight.column.handover")}</th>
                <th scope="col">{t("oversight.column.flag")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.slug}>
                  <th scope="row">
                    <a href={`/groups/${g.slug}`}>{g.name}</a>
                    {g.status === "paused" ? ` (${t("oversight.paused")})` : ""}
                  </th>
                  <td>{`${people(g.members)} / ${g.capacity}`}</td>
                  <td>{people(g.waiting)}</td>
                  <td>{g.meetingsHeld}</td>
                  <td>{g.handedOver ? t("oversight.yes") : t("oversight.no")}</td>
                  <td>{g.quiet ? <strong>{t("oversight.quiet")}</strong> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

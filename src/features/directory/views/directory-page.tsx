import { ErrorSummary, type FieldErrors, formTitle } from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { PresentedSearch } from "../present.js";
import { GroupResults } from "./group-results.js";
import { type QueryValues, type SearchChoices, SearchForm } from "./search-form.js";

/** /groups: the search form, then the groups found; with errors, the form alone. */
export function DirectoryPage({
  ctx,
  choices,
  values,
  errors = {},
  search,
  query,
}: {
  ctx: PageContext;
  choices: SearchChoices;
  values: QueryValues;
  errors?: FieldErrors;
  search: PresentedSearch | null;
  query: URLSearchParams;
}) {
  const { t, lang } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={formTitle(t, t("directory.title"), errors)}
      links={[
        {
          rel: "alternate",
          type: "application/json",
          title: "Meetings Feed",
          href: "/meetings.json",
        },
      ]}
    >
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("directory.title")}</h1>
      <p>{t("directory.intro")}</p>
      {search && search.total > 0 ? (
        <p>
          <a href="#results">{t("directory.jumpToResults")}</a>
        </p>
      ) : null}
      <SearchForm t={t} lang={lang} choices={choices} values={values} errors={errors} />
      {search ? (
        <GroupResults
          search={search}
          query={query}
          words={{ t, lang, siteTimeZone: ctx.site.timeZone }}
        />
      ) : null}
    </Layout>
  );
}

import { Radios } from "../../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  TextField,
} from "../../../../infra/html/form.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import { categoryWords } from "../../mail.js";
import { type RiskCategory, riskCategories } from "../../tables.js";
import { phraseListPath } from "../inputs.js";
import { PHRASES_PER_PAGE, type PhraseRow } from "../reads.js";

type At = { language: string; category: RiskCategory; page: number };
type Slice = { phrases: PhraseRow[]; total: number; languages: string[] };

/** A language's name in the reader's language ("English", "italiano"), or its code. */
function languageName(ctx: PageContext, code: string): string {
  try {
    return new Intl.DisplayNames([ctx.lang], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Which language's list, and which kind of risk: links, the one shown marked as current. */
function Choices({ ctx, at, languages }: { ctx: PageContext; at: At; languages: string[] }) {
  const { t } = ctx;
  return (
    <nav aria-label={t("crisis.phrases.which")}>
      <p>{t("crisis.phrases.language")}</p>
      <ul class="link-list">
        {languages.map((language) => (
          <li key={language}>
            <a
              href={phraseListPath({ language, category: at.category })}
              aria-current={language === at.language ? "page" : undefined}
            >
              {languageName(ctx, language)}
            </a>
          </li>
        ))}
      </ul>
      <p>{t("crisis.phrases.category")}</p>
      <ul class="link-list">
        {riskCategories.map((category) => (
          <li key={category}>
            <a
              href={phraseListPath({ language: at.language, category })}
              aria-current={category === at.category ? "page" : undefined}
            >
              {t(categoryWords[category])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One page of one language's phrases of one kind, each with its button to take it off. */
function PhraseTable({ ctx, at, slice }: { ctx: PageContext; at: At; slice: Slice }) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(slice.total / PHRASES_PER_PAGE));
  const words = {
    language: languageName(ctx, at.language),
    category: t(categoryWords[at.category]),
  };
  if (slice.phrases.length === 0) return <p>{t("crisis.phrases.none", words)}</p>;
  return (
    <>
      <div class="table-scroll">
        <table>
          <caption>
            {t("crisis.phrases.caption", { ...words, page: at.page, pages, total: slice.total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("crisis.phrases.phrase")}</th>
              <th scope="col">{t("crisis.phrases.action")}</th>
            </tr>
          </thead>
          <tbody>
            {slice.phrases.map((p) => (
              <tr key={p.id}>
                <td lang={p.language}>{p.phrase}</td>
                <td>
                  <Form ctx={ctx} action={`/admin/risk-phrases/${p.id}/remove`}>
                    <button type="submit" class="button button-secondary">
                      {t("crisis.phrases.remove")}
                      <span class="visually-hidden"> {p.phrase}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t("crisis.phrases.pages")}>
          <ul class="link-list">
            {at.page > 1 ? (
              <li>
                <a href={phraseListPath({ ...at, page: at.page - 1 })}>
                  {t("crisis.phrases.previous")}
                </a>
              </li>
            ) : null}
            {at.page < pages ? (
              <li>
                <a href={phraseListPath({ ...at, page: at.page + 1 })}>
                  {t("crisis.phrases.next")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/** The risk phrases, a language and a kind at a time, with a way to add one and to take one off. */
export function PhrasesPage({
  ctx,
  at,
  slice,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  at: At;
  slice: Slice;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("crisis.phrases.title");
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href="/admin">{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("crisis.phrases.intro")}</p>
      <h2>{t("crisis.phrases.add")}</h2>
      <Form ctx={ctx} action="/admin/risk-phrases">
        <TextField
          t={t}
          name="language"
          label={t("crisis.phrases.language")}
          hint={t("crisis.phrases.languageHint")}
          value={values.language ?? at.language}
          error={errors.language}
          width="short"
        />
        <TextField
          t={t}
          name="phrase"
          label={t("crisis.phrases.phrase")}
          hint={t("crisis.phrases.phraseHint")}
          value={values.phrase}
          error={errors.phrase}
          maxLength={100}
        />
        <Radios
          t={t}
          name="category"
          legend={t("crisis.phrases.category")}
          options={riskCategories.map((c) => ({ value: c, label: t(categoryWords[c]) }))}
          value={values.category ?? at.category}
          error={errors.category}
        />
        <SubmitButton>{t("crisis.phrases.submit")}</SubmitButton>
      </Form>
      <h2>{t("crisis.phrases.list")}</h2>
      <Choices ctx={ctx} at={at} languages={slice.languages} />
      <PhraseTable ctx={ctx} at={at} slice={slice} />
    </Layout>
  );
}

import { SubmitButton } from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { type Answers, answerParams, findHref, type Question } from "../inputs.js";

export type AnswerRow = { question: Question; title: string; answer: string };

/** The answers in words, as a list to read back. */
export function AnswerList({
  rows,
  changeHref,
  ctx,
}: {
  rows: AnswerRow[];
  /** The address of the page that asks this question again, if answers can be changed here. */
  changeHref?: (question: Question) => string;
  ctx: PageContext;
}) {
  const { t } = ctx;
  return (
    <dl class="summary-list">
      {rows.map((row) => (
        <div key={row.question}>
          <dt>{row.title}</dt>
          <dd>{row.answer}</dd>
          {changeHref ? (
            <dd>
              <a
                href={changeHref(row.question)}
                aria-label={t("matching.summary.changeLabel", { question: row.title })}
              >
                {t("matching.summary.change")}
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** "Check your answers": each answer, a way to change it, and the way on to the groups. */
export function SummaryPage({
  ctx,
  answers,
  rows,
}: {
  ctx: PageContext;
  answers: Answers;
  rows: AnswerRow[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("matching.summary.title")}>
      <p>
        <a href={findHref("/find/language", answers)}>{t("site.back")}</a>
      </p>
      <h1>{t("matching.summary.title")}</h1>
      <p>{t("matching.summary.intro")}</p>
      <AnswerList
        ctx={ctx}
        rows={rows}
        changeHref={(question) => findHref(`/find/${question}`, answers, [["change", "1"]])}
      />
      <form method="get" action="/find/results">
        {answerParams(answers).map(([name, value], i) => (
          <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
        ))}
        <SubmitButton>{t("matching.summary.submit")}</SubmitButton>
      </form>
    </Layout>
  );
}

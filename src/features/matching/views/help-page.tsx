import { Radios } from "../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  Textarea,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { type Answers, answerParams, findHref, firstUnanswered } from "../inputs.js";

import { AnswerList, type AnswerRow } from "./summary-page.js";

/** Without an e-mail address to send to: a telephone number to call, or honest words. */
function NoForm({ ctx }: { ctx: PageContext }) {
  const { t, site } = ctx;
  return site.helpPhone ? (
    <p>
      <a href={`tel:${site.helpPhone.replace(/[^+0-9]/g, "")}`}>
        {t("matching.help.phoneOnly", { phone: site.helpPhone })}
      </a>
    </p>
  ) : (
    <>
      <p>{t("matching.help.none", { name: site.name })}</p>
      <p>
        <a href="/groups">{t("matching.results.all")}</a>
      </p>
    </>
  );
}

/**
 * "Ask us to help you find a group": who to call back and how, with the answers given so far.
 * Never rate-limited: it is a way to help (FIELD-NOTES, safety norms).
 */
export function HelpPage({
  ctx,
  answers,
  rows,
  requestId,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  answers: Answers;
  rows: AnswerRow[];
  /** The form's own id, so that sending it twice is one request. */
  requestId: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, site } = ctx;
  const title = t("matching.help.title");
  const back = firstUnanswered(answers) === null ? findHref("/find/results", answers) : "/find";
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <p>
        <a href={back}>{t("site.back")}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <h1>{title}</h1>
      {site.helpEmail ? (
        <>
          <p>{t("matching.help.intro", { name: site.name })}</p>
          <Form ctx={ctx} action="/find/help">
            <input type="hidden" name="request" value={requestId} />
            {answerParams(answers).map(([name, value], i) => (
              <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
            ))}
            <TextField
              t={t}
              name="name"
              label={t("matching.help.name")}
              hint={t("matching.help.nameHint")}
              value={values.name}
              error={errors.name}
              autocomplete="given-name"
              spellcheck={false}
            />
            <Radios
              t={t}
              name="reach"
              legend={t("matching.help.reach")}
              value={values.reach}
              error={errors.reach}
              options={[
                { value: "email", label: t("matching.help.reach.email") },
                { value: "phone", label: t("matching.help.reach.phone") },
              ]}
            />
            <TextField
              t={t}
              name="email"
              type="email"
              label={t("matching.help.email")}
              value={values.email}
              error={errors.email}
              autocomplete="email"
              spellcheck={false}
            />
            <TextField
              t={t}
              name="phone"
              type="tel"
              label={t("matching.help.phone")}
              hint={t("matching.help.phoneHint")}
              value={values.phone}
              error={errors.phone}
              autocomplete="tel"
            />
            <Textarea
              t={t}
              name="message"
              label={t("matching.help.message")}
              hint={t("matching.help.messageHint")}
              value={values.message ?? ""}
              error={errors.message}
            />
            {rows.length > 0 ? (
              <>
                <p>{t("matching.help.answers")}</p>
                <AnswerList ctx={ctx} rows={rows} />
              </>
            ) : null}
            <SubmitButton>{t("matching.help.send")}</SubmitButton>
          </Form>
        </>
      ) : (
        <NoForm ctx={ctx} />
      )}
    </Layout>
  );
}

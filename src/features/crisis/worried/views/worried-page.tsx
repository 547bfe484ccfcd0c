import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  Textarea,
} from "../../../../infra/html/form.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";

/**
 * "I'm worried about this person": what happens when the member says so, and a note if they
 * want. The words tell them the author will not know who it was, and where urgent help is.
 */
export function WorriedPage({
  ctx,
  group,
  author,
  action,
  back,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { slug: string };
  author: string;
  action: string;
  back: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("crisis.worried.title", { name: author });
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={back}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("crisis.worried.intro", { name: author })}</p>
      <p>{t("crisis.worried.private", { name: author })}</p>
      <p class="panel">
        <a href={`/groups/${group.slug}/urgent-help`}>{t("crisis.worried.danger")}</a>
      </p>
      <Form ctx={ctx} action={action}>
        <Textarea
          t={t}
          name="note"
          label={t("crisis.worried.note")}
          hint={t("crisis.worried.noteHint")}
          value={values.note}
          error={errors.note}
          rows={4}
        />
        <SubmitButton>{t("crisis.worried.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

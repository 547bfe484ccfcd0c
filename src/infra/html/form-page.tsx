import type { ComponentChildren } from "preact";
import { ErrorSummary, type FieldErrors, formTitle } from "./form.js";
import { Layout } from "./layout.js";
import type { PageContext } from "./page-context.js";

/** One question's page: the summary of what to put right, the way back, the title, the form. */
export function FormPage({
  ctx,
  title,
  back,
  errors = {},
  children,
}: {
  ctx: PageContext;
  title: string;
  back: string;
  errors?: FieldErrors;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={back}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

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

/** The organisation's safeguarding lead: who it is, and naming another by e-mail address. */
export function LeadPage({
  ctx,
  organisation,
  lead,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  lead: { name: string; email: string } | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("crisis.lead.title");
  const path = `/organisations/${organisation.id}/safeguarding-lead`;
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/organisations/${organisation.id}`}>{organisation.name}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("crisis.lead.intro", { organisation: organisation.name })}</p>
      <p>
        {lead
          ? t("crisis.lead.current", { name: lead.name || lead.email })
          : t("crisis.lead.currentNone")}
      </p>
      <Form ctx={ctx} action={path}>
        <TextField
          t={t}
          name="email"
          type="email"
          autocomplete="off"
          label={t("crisis.lead.email")}
          hint={t("crisis.lead.emailHint")}
          value={values.email}
          error={errors.email}
        />
        <SubmitButton>{t("crisis.lead.submit")}</SubmitButton>
      </Form>
      {lead ? (
        <Form ctx={ctx} action={`${path}/remove`}>
          <SubmitButton variant="warning">{t("crisis.lead.remove")}</SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}

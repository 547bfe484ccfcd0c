import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";

type Organisation = {
  id: string;
  name: string;
  contactEmail: string | null;
  contactPhone: string | null;
};
type Coordinator = { personId: string; displayName: string };
type Values = Record<string, string | undefined>;

export function OrganisationsPage({
  ctx,
  organisations,
}: {
  ctx: PageContext;
  organisations: Organisation[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("organisations.admin.title")}>
      <p>
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <h1>{t("organisations.admin.title")}</h1>
      <p>{t("organisations.admin.intro")}</p>
      <p>
        <a class="button" href="/admin/organisations/new">
          {t("organisations.admin.add")}
        </a>
      </p>
      {organisations.length === 0 ? <p>{t("organisations.admin.none")}</p> : null}
      <ul>
        {organisations.map((o) => (
          <li key={o.id}>
            <a href={`/admin/organisations/${o.id}`}>{o.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  coordinators,
  once = true,
  values,
  errors = {},
  coordinatorValues = {},
  coordinatorErrors = {},
}: {
  ctx: PageContext;
  organisation: Organisation | null;
  coordinators: Coordinator[];
  /** A new organisation is recorded once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values: Values;
  errors?: FieldErrors;
  coordinatorValues?: Values;
  coordinatorErrors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = organisation ? organisation.name : t("organisations.admin.add");
  const allErrors = { ...errors, ...coordinatorErrors };
  return (
    <Layout ctx={ctx} title={formTitle(t, title, allErrors)}>
      <ErrorSummary t={t} errors={allErrors} />
      <p>
        <a href="/admin/organisations">{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <Form
        ctx={ctx}
        action={organisation ? `/admin/organisations/${organisation.id}` : "/admin/organisations"}
        once={organisation ? undefined : once}
      >
        <TextField
          t={t}
          name="name"
          label={t("organisations.field.name")}
          value={values.name}
          error={errors.name}
        />
        <TextField
          t={t}
          name="contactEmail"
          type="email"
          label={t("organisations.field.contactEmail")}
          value={values.contactEmail}
          error={errors.contactEmail}
        />
        <TextField
          t={t}
          name="contactPhone"
          type="tel"
          label={t("organisations.field.contactPhone")}
          value={values.contactPhone}
          error={errors.contactPhone}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
      {organisation ? (
        <>
          <h2>{t("organisations.admin.coordinators")}</h2>
          {coordinators.length === 0 ? <p>{t("organisations.admin.noCoordinators")}</p> : null}
          <ul>
            {coordinators.map((c) => (
              <li key={c.personId}>
                {c.displayName}
                <Form
                  ctx={ctx}
                  action={`/admin/organisations/${organisation.id}/coordinators/${c.personId}/remove`}
                >
                  <button type="submit" class="link-button">
                    {t("organisations.admin.removeCoordinator", { name: c.displayName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <Form ctx={ctx} action={`/admin/organisations/${organisation.id}/coordinators`}>
            <TextField
              t={t}
              name="email"
              type="email"
              label={t("organisations.field.coordinatorEmail")}
              hint={t("organisations.field.coordinatorEmailHint")}
              value={coordinatorValues.email}
              error={coordinatorErrors.email}
            />
            <SubmitButton variant="secondary">
              {t("organisations.admin.addCoordinator")}
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

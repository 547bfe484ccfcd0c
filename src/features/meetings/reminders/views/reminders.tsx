import { Checkboxes } from "../../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
} from "../../../../infra/html/form.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import type { Preferences } from "../writes.js";

type GroupRef = { name: string; slug: string };

export function PreferencesPage({
  ctx,
  group,
  choice,
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  choice: Preferences;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("reminders.title", { group: group.name });
  const checked = [
    choice.dayBefore ? "dayBefore" : "",
    choice.hourBefore ? "hourBefore" : "",
    choice.weeklyDigest ? "weeklyDigest" : "",
    choice.rotaRequests ? "rotaRequests" : "",
  ].filter(Boolean);
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("reminders.intro")}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/reminders`}>
        <Checkboxes
          t={t}
          name="emails"
          legend={t("reminders.legend")}
          hint={t("reminders.hint")}
          checked={checked}
          error={errors.emails}
          options={[
            { value: "dayBefore", label: t("reminders.dayBefore") },
            { value: "hourBefore", label: t("reminders.hourBefore") },
            { value: "weeklyDigest", label: t("reminders.weeklyDigest") },
            { value: "rotaRequests", label: t("reminders.rotaRequests") },
          ]}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function UnsubscribePage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("reminders.unsubscribe.title")}>
      <h1>{t("reminders.unsubscribe.title")}</h1>
      <p>{t("reminders.unsubscribe.intro")}</p>
      <Form ctx={ctx} action={`/unsubscribe/${token}`}>
        <SubmitButton>{t("reminders.unsubscribe.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function UnsubscribedPage({ ctx, group }: { ctx: PageContext; group: GroupRef | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("reminders.unsubscribed.title")}>
      <h1>{t("reminders.unsubscribed.title")}</h1>
      <p>{t("reminders.unsubscribed.body", { group: group?.name ?? "" })}</p>
      {group ? (
        <p>
          <a href={`/groups/${group.slug}/reminders`}>{t("reminders.unsubscribed.change")}</a>
        </p>
      ) : null}
    </Layout>
  );
}

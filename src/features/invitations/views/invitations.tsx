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
import { Paragraphs } from "../../memberships/views/membership.js";

/** The facilitators' form to invite someone by e-mail. */
export function InvitePage({
  ctx,
  group,
  once = true,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { name: string; slug: string };
  /** An invitation goes once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const title = t("invitations.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}/members`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("invitations.intro")}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/invitations`} once={once}>
        <TextField
          t={t}
          name="email"
          type="email"
          autocomplete="off"
          label={t("invitations.email")}
          value={values.email}
          error={errors.email}
        />
        <Textarea
          t={t}
          name="message"
          label={t("invitations.message")}
          hint={t("invitations.messageHint")}
          value={values.message}
          error={errors.message}
          rows={3}
        />
        <SubmitButton>{t("invitations.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** What the invited person sees: the group, its agreement, and one button to join. */
export function InvitationPage({
  ctx,
  group,
  token,
}: {
  ctx: PageContext;
  group: { name: string; description: string; agreement: string } | null;
  token: string;
}) {
  const { t } = ctx;
  if (!group) {
    return (
      <Layout ctx={ctx} title={t("invitations.gone.title")}>
        <h1>{t("invitations.gone.title")}</h1>
        <p>{t("invitations.gone.body")}</p>
        <p>
          <a href="/groups">{t("site.groups")}</a>
        </p>
      </Layout>
    );
  }
  const title = t("invitations.join.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Paragraphs text={group.description} />
      <h2>{t("invitations.join.agreement")}</h2>
      <Paragraphs text={group.agreement} />
      <Form ctx={ctx} action={`/invitations/${token}`}>
        <SubmitButton>{t("invitations.join.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** A link opened by an account of another address than the one it was sent to. */
export function OtherAddressPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("invitations.otherAddress.title")}>
      <h1>{t("invitations.otherAddress.title")}</h1>
      <p>{t("invitations.otherAddress.body", { email })}</p>
      <p>{t("invitations.otherAddress.next")}</p>
    </Layout>
  );
}

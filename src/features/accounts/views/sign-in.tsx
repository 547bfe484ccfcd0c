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

export function SignInPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  values?: { email?: string };
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={formTitle(t, t("signIn.title"), errors)}
      scripts={["/assets/passkeys.js"]}
    >
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <Form ctx={ctx} action="/sign-in">
        <TextField
          t={t}
          name="email"
          type="email"
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          value={values.email}
          error={errors.email}
          autocomplete="email webauthn"
          spellcheck={false}
          maxLength={254}
        />
        <SubmitButton>{t("signIn.send")}</SubmitButton>
      </Form>
      <h2>{t("signIn.passkey")}</h2>
      <p>{t("signIn.passkeyHint")}</p>
      <div data-passkey-sign-in hidden class="js-only">
        <button type="button" class="button button-secondary">
          {t("signIn.passkey")}
        </button>
        <p class="error-message" role="alert" data-passkey-error hidden>
          {t("signIn.passkeyFailed")}
        </p>
      </div>
      <p data-passkey-no-script>{t("signIn.passkeyNeedsScript")}</p>
    </Layout>
  );
}

export function CheckEmailPage({
  ctx,
  email,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  email: string;
  errors?: FieldErrors;
  values?: { code?: string };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, t("checkEmail.title"), errors)}>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("checkEmail.title")}</h1>
      <p>{t("checkEmail.sent", { email, name: ctx.site.name })}</p>
      <Form ctx={ctx} action="/sign-in/code">
        <TextField
          t={t}
          name="code"
          label={t("checkEmail.code")}
          hint={t("checkEmail.codeHint")}
          value={values.code}
          error={errors.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          width="short"
          spellcheck={false}
          maxLength={20}
        />
        <SubmitButton>{t("checkEmail.submit")}</SubmitButton>
      </Form>
      <p>{t("checkEmail.notArrived")}</p>
      <p>
        <a href="/sign-in">{t("checkEmail.again")}</a>
      </p>
    </Layout>
  );
}

export function ConfirmLinkPage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("confirm.title")}>
      <h1>{t("confirm.title")}</h1>
      <p>{t("confirm.body")}</p>
      <Form ctx={ctx} action="/sign-in/link">
        <input type="hidden" name="token" value={token} />
        <SubmitButton>{t("confirm.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function LinkInvalidPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("linkInvalid.title")}>
      <h1>{t("linkInvalid.title")}</h1>
      <p>{t("linkInvalid.body")}</p>
      <p>
        <a class="button" href="/sign-in">
          {t("checkEmail.again")}
        </a>
      </p>
    </Layout>
  );
}

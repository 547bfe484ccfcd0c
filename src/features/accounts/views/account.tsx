import { Radios } from "../../../infra/html/choices.js";
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
import { formatDate } from "../../../infra/i18n/i18n.js";
import type { AccountAbilities } from "../policy.js";

type Passkey = { id: string; name: string; createdAt: Date };

export function AccountPage({
  ctx,
  passkeys,
  abilities,
}: {
  ctx: PageContext;
  passkeys: Passkey[];
  abilities: AccountAbilities;
}) {
  const { t, viewer } = ctx;
  if (!viewer) return null;
  return (
    <Layout ctx={ctx} title={t("account.title")} scripts={["/assets/passkeys.js"]}>
      <h1>{t("account.title")}</h1>
      <p>{t("account.signedInAs", { name: viewer.displayName ?? "", email: viewer.email })}</p>
      {viewer.isAdmin && !abilities["admin.tools"] ? (
        <p class="panel warning-text">{t("account.adminNeedsPasskey")}</p>
      ) : null}
      <p>
        <a href="/account/profile">{t("account.details")}</a>
      </p>

      <h2>{t("account.passkeys")}</h2>
      <p>{t("account.passkeysIntro")}</p>
      {passkeys.length === 0 ? (
        <p>{t("account.passkeyNone")}</p>
      ) : (
        <ul>
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              {passkey.name} —{" "}
              {t("account.passkeyAdded", {
                date: formatDate(passkey.createdAt, ctx.lang, ctx.site.timeZone),
              })}
              <Form ctx={ctx} action={`/account/passkeys/${encodeURIComponent(passkey.id)}/remove`}>
                <button type="submit" class="link-button">
                  {t("account.passkeyRemove", { name: passkey.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <div data-passkey-register hidden class="js-only">
        <button type="button" class="button button-secondary">
          {t("account.passkeyAdd")}
        </button>
        <p class="error-message" role="alert" data-passkey-error hidden>
          {t("account.passkeyFailed")}
        </p>
      </div>
      <p data-passkey-no-script>{t("account.passkeyNeedsScript")}</p>

      <h2>{t("account.yourData")}</h2>
      <p>
        <a href="/account/export" download>
          {t("account.download")}
        </a>
      </p>
      <p class="hint">{t("account.downloadHint")}</p>
      <Form ctx={ctx} action="/sign-out/everywhere">
        <p class="hint">{t("account.signOutEverywhereHint")}</p>
        <SubmitButton variant="secondary">{t("account.signOutEverywhere")}</SubmitButton>
      </Form>
      <p>
        <a href="/account/delete">{t("account.delete")}</a>
      </p>
    </Layout>
  );
}

type ProfileValues = {
  displayName?: string;
  language?: string;
  textSize?: string;
  contrast?: string;
};

export function ProfilePage({
  ctx,
  values,
  errors = {},
}: {
  ctx: PageContext;
  values: ProfileValues;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, t("profile.title"), errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href="/account">{t("site.back")}</a>
      </p>
      <h1>{t("profile.title")}</h1>
      <Form ctx={ctx} action="/account/profile">
        <TextField
          t={t}
          name="displayName"
          label={t("profile.displayName")}
          hint={t("profile.displayNameHint")}
          value={values.displayName}
          error={errors.displayName}
          autocomplete="nickname"
        />
        <Radios
          t={t}
          name="language"
          legend={t("profile.language")}
          value={values.language}
          error={errors.language}
          options={[
            { value: "en", label: "English", lang: "en" },
            { value: "it", label: "Italiano", lang: "it" },
          ]}
        />
        <Radios
          t={t}
          name="textSize"
          legend={t("profile.textSize")}
          value={values.textSize}
          error={errors.textSize}
          options={[
            { value: "standard", label: t("profile.textSize.standard") },
            { value: "large", label: t("profile.textSize.large") },
            { value: "largest", label: t("profile.textSize.largest") },
          ]}
        />
        <Radios
          t={t}
          name="contrast"
          legend={t("profile.contrast")}
          value={values.contrast}
          error={errors.contrast}
          options={[
            { value: "standard", label: t("profile.contrast.standard") },
            { value: "high", label: t("profile.contrast.high") },
          ]}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function WelcomePage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  values?: { displayName?: string };
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, t("welcome.title"), errors)}>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("welcome.title")}</h1>
      <p>{t("welcome.intro")}</p>
      <Form ctx={ctx} action="/welcome">
        <TextField
          t={t}
          name="displayName"
          label={t("profile.displayName")}
          value={values.displayName}
          error={errors.displayName}
          autocomplete="nickname"
        />
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function DeletePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("delete.title")}>
      <p>
        <a href="/account">{t("site.back")}</a>
      </p>
      <h1>{t("delete.title")}</h1>
      <p>{t("delete.body")}</p>
      <p>
        <a href="/account/export" download>
          {t("account.download")}
        </a>
      </p>
      <Form ctx={ctx} action="/account/delete">
        <SubmitButton variant="warning">{t("delete.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function SetupPage({
  ctx,
  token,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  token: string;
  values?: { email?: string };
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, t("setup.title"), errors)}>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro", { name: ctx.site.name })}</p>
      <Form ctx={ctx} action={`/setup?token=${encodeURIComponent(token)}`}>
        <TextField
          t={t}
          name="email"
          type="email"
          label={t("signIn.email")}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          spellcheck={false}
          maxLength={254}
        />
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </Form>
    </Layout>
  );
}

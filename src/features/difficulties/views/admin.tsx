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
import type { Translations } from "../tables.js";

type Difficulty = {
  slug: string;
  names: Translations;
  descriptions: Translations;
  retiredAt: Date | null;
};

export function DifficultiesPage({
  ctx,
  difficulties,
}: {
  ctx: PageContext;
  difficulties: Difficulty[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("difficulties.admin.title")}>
      <p>
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <h1>{t("difficulties.admin.title")}</h1>
      <p>{t("difficulties.admin.intro")}</p>
      <p>
        <a class="button" href="/admin/difficulties/new">
          {t("difficulties.admin.add")}
        </a>
      </p>
      <ul class="plain-list">
        {difficulties.map((d) => (
          <li key={d.slug}>
            <a href={`/admin/difficulties/${d.slug}`}>
              {t("difficulties.admin.edit", { name: d.names[lang] })}
            </a>
            {d.retiredAt ? <span class="hint"> ({t("difficulties.admin.retired")})</span> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

type Values = Record<string, string | undefined>;

export function DifficultyForm({
  ctx,
  difficulty,
  once = true,
  values,
  errors = {},
}: {
  ctx: PageContext;
  difficulty: Difficulty | null;
  /** A new difficulty is added once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values: Values;
  errors?: FieldErrors;
}) {
  const { t, lang } = ctx;
  const title = difficulty
    ? t("difficulties.admin.edit", { name: difficulty.names[lang] })
    : t("difficulties.admin.add");
  const action = difficulty ? `/admin/difficulties/${difficulty.slug}` : "/admin/difficulties";
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href="/admin/difficulties">{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <Form ctx={ctx} action={action} once={difficulty ? undefined : once}>
        {difficulty ? null : (
          <TextField
            t={t}
            name="slug"
            label={t("difficulties.field.slug")}
            hint={t("difficulties.field.slugHint")}
            value={values.slug}
            error={errors.slug}
            spellcheck={false}
          />
        )}
        <TextField
          t={t}
          name="nameEn"
          label={t("difficulties.field.nameEn")}
          value={values.nameEn}
          error={errors.nameEn}
        />
        <TextField
          t={t}
          name="descriptionEn"
          label={t("difficulties.field.descriptionEn")}
          value={values.descriptionEn}
          error={errors.descriptionEn}
        />
        <TextField
          t={t}
          name="nameIt"
          label={t("difficulties.field.nameIt")}
          value={values.nameIt}
          error={errors.nameIt}
        />
        <TextField
          t={t}
          name="descriptionIt"
          label={t("difficulties.field.descriptionIt")}
          value={values.descriptionIt}
          error={errors.descriptionIt}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
      {difficulty ? (
        <Form ctx={ctx} action={`/admin/difficulties/${difficulty.slug}/retire`}>
          <input type="hidden" name="retire" value={difficulty.retiredAt ? "no" : "yes"} />
          <SubmitButton variant="secondary">
            {difficulty.retiredAt
              ? t("difficulties.admin.restore")
              : t("difficulties.admin.retire")}
          </SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}

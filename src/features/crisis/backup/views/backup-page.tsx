import { Radios } from "../../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
} from "../../../../infra/html/form.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import type { MessageKey } from "../../../../infra/i18n/i18n.js";
import type { BackupKind } from "../../tables.js";
import type { BackupChoice } from "../reads.js";

const kindWords: Record<BackupKind, MessageKey> = {
  facilitator: "crisis.backup.kind.facilitator",
  guide: "crisis.backup.kind.guide",
  safeguarding_lead: "crisis.backup.kind.safeguarding_lead",
};

/** Who receives the group's alerts besides its facilitators: one choice, or none. */
export function BackupPage({
  ctx,
  group,
  choices,
  current,
  errors = {},
}: {
  ctx: PageContext;
  group: { name: string; slug: string };
  choices: BackupChoice[];
  current: BackupChoice | null;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("crisis.backup.title");
  const options = [
    ...choices.map((c) => ({ value: c.value, label: `${c.name} (${t(kindWords[c.kind])})` })),
    { value: "none", label: t("crisis.backup.none") },
  ];
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}/alerts`}>{t("crisis.backup.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("crisis.backup.intro", { group: group.name })}</p>
      <p>
        {current
          ? t("crisis.backup.current", { name: current.name })
          : t("crisis.backup.currentNone")}
      </p>
      <Form ctx={ctx} action={`/groups/${group.slug}/backup-contact`}>
        <Radios
          t={t}
          name="contact"
          legend={t("crisis.backup.legend")}
          options={options}
          value={current?.value ?? "none"}
          error={errors.contact}
        />
        <SubmitButton>{t("crisis.backup.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

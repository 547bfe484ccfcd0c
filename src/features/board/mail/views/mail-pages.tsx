import { type Choice, Radios } from "../../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
} from "../../../../infra/html/form.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import type { BoardMailChoice } from "../../tables.js";

type GroupRef = { name: string; slug: string };

const choicePath = (group: GroupRef) => `/groups/${group.slug}/board/mail`;

/** Each post, a daily digest, or none: one question, three answers, each with a word more. */
export function ChoicePage({
  ctx,
  group,
  choice,
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  choice: BoardMailChoice;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("board.mail.title", { group: group.name });
  const options: Choice[] = [
    { value: "each", label: t("board.mail.each"), hint: t("board.mail.each.hint") },
    { value: "digest", label: t("board.mail.digest"), hint: t("board.mail.digest.hint") },
    { value: "none", label: t("board.mail.none"), hint: t("board.mail.none.hint") },
  ];
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}/board`}>{t("board.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("board.mail.intro")}</p>
      <Form ctx={ctx} action={choicePath(group)}>
        <Radios
          t={t}
          name="choice"
          legend={t("board.mail.legend")}
          hint={t("board.mail.announcements")}
          value={choice}
          error={errors.choice}
          options={options}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** Opening the link only asks: mail scanners open links, and must not unsubscribe anyone. */
export function UnsubscribePage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("board.mail.unsubscribe.title")}>
      <h1>{t("board.mail.unsubscribe.title")}</h1>
      <p>{t("board.mail.unsubscribe.intro")}</p>
      <Form ctx={ctx} action={`/unsubscribe/board/${token}`}>
        <SubmitButton>{t("board.mail.unsubscribe.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function UnsubscribedPage({ ctx, group }: { ctx: PageContext; group: GroupRef | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("board.mail.unsubscribed.title")}>
      <h1>{t("board.mail.unsubscribed.title")}</h1>
      <p>{t("board.mail.unsubscribed.body", { group: group?.name ?? "" })}</p>
      {group ? (
        <p>
          <a href={choicePath(group)}>{t("board.mail.unsubscribed.change")}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** A link unknown or too old: said plainly, with nothing changed and nothing given away. */
export function UnknownLinkPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("board.mail.unknownLink.title")}>
      <h1>{t("board.mail.unknownLink.title")}</h1>
      <p>{t("board.mail.unknownLink.body")}</p>
      <p>
        <a href="/">{t("site.home")}</a>
      </p>
    </Layout>
  );
}

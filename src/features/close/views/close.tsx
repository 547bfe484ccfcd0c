import { Checkboxes } from "../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDate, formatDateTime } from "../../../infra/i18n/i18n.js";
import { Paragraphs } from "../../memberships/views/membership.js";

type GroupRef = { name: string; slug: string; timeZone: string; status: string };

/** Taking a break, starting again, or closing the group: for the people who lead it. */
export function ClosePage({
  ctx,
  group,
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title = t("close.title", { group: group.name });
  const paused = group.status === "paused";
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <h2>{paused ? t("close.resume.title") : t("close.pause.title")}</h2>
      <p>{paused ? t("close.resume.intro") : t("close.pause.intro")}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/close`}>
        <input type="hidden" name="change" value={paused ? "resume" : "pause"} />
        <SubmitButton variant="secondary">
          {paused ? t("close.resume.submit") : t("close.pause.submit")}
        </SubmitButton>
      </Form>
      <h2>{t("close.close.title")}</h2>
      <p>{t("close.close.intro")}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/close`}>
        <input type="hidden" name="change" value="close" />
        <Checkboxes
          t={t}
          name="agreed"
          legend={t("close.close.legend")}
          options={[{ value: "yes", label: t("close.close.agreed") }]}
          checked={[]}
          error={errors.agreed}
        />
        <SubmitButton variant="warning">{t("close.close.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

type PastMeeting = { id: string; startsAt: Date; theme: string | null; present: number };

/** What a closed group leaves its former members to read, until its history is erased. */
export function HistoryPage({
  ctx,
  group,
  closedAt,
  until,
  agreement,
  members,
  meetings,
}: {
  ctx: PageContext;
  group: GroupRef;
  closedAt: Date;
  until: Date;
  agreement: string;
  members: string[];
  meetings: PastMeeting[];
}) {
  const { t } = ctx;
  const title = t("close.history.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="panel">
        {t("close.history.intro", {
          closed: formatDate(closedAt, ctx.lang, group.timeZone),
          until: formatDate(until, ctx.lang, group.timeZone),
        })}
      </p>
      <h2>{t("close.history.members")}</h2>
      <p>{members.join(", ") || "–"}</p>
      <h2>{t("close.history.meetings")}</h2>
      {meetings.length === 0 ? (
        <p>{t("close.history.noMeetings")}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.startsAt, ctx.lang, group.timeZone)}
              {m.theme ? ` – ${m.theme}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("close.history.agreement")}</h2>
      <Paragraphs text={agreement} />
    </Layout>
  );
}

import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  Textarea,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDate } from "../../../infra/i18n/i18n.js";
import { Paragraphs } from "../../memberships/views/membership.js";
import type { AgreementAction } from "../policy.js";
import type { AgreementChange, SettledChange } from "../reads.js";

type GroupRef = {
  name: string;
  slug: string;
  timeZone: string;
  agreement: string;
  agreementChangedAt: Date | null;
};

/**
 * The group's agreement as it reads now, a change open for objections, the facilitators' form
 * to propose one, and what became of earlier changes. For the group's members only.
 */
export function AgreementPage({
  ctx,
  group,
  open,
  history,
  can,
  acceptedAt,
  once = true,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  open: (AgreementChange & { proposer: string }) | null;
  history: SettledChange[];
  can: Record<AgreementAction, boolean>;
  acceptedAt: Date | null;
  /** A change is proposed once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const date = (at: Date) => formatDate(at, ctx.lang, group.timeZone);
  const someone = t("meetings.someone");
  const title = t("agreement.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      {can["agreement.accept"] && group.agreementChangedAt ? (
        <div class="panel">
          <p>{t("agreement.acceptAgain", { date: date(group.agreementChangedAt) })}</p>
          <Form ctx={ctx} action={`/groups/${group.slug}/agreement/accept`}>
            {/* The version read: a change that takes effect meanwhile is not accepted unseen. */}
            <input type="hidden" name="read" value={group.agreementChangedAt.toISOString()} />
            <SubmitButton>{t("agreement.accept")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      <Paragraphs text={group.agreement} />
      {group.agreementChangedAt ? (
        <p class="hint">{t("agreement.since", { date: date(group.agreementChangedAt) })}</p>
      ) : null}
      {acceptedAt && !can["agreement.accept"] ? (
        <p class="hint">{t("agreement.acceptedOn", { date: date(acceptedAt) })}</p>
      ) : null}

      {open ? (
        <section aria-labelledby="open-change">
          <h2 id="open-change">{t("agreement.open.title")}</h2>
          <p>
            {t("agreement.open.intro", {
              person: open.proposer || someone,
              date: date(open.proposedAt),
              until: date(open.objectionsCloseAt),
            })}
          </p>
          {open.reason ? <p>{t("agreement.open.reason", { reason: open.reason })}</p> : null}
          <h3>{t("agreement.open.text")}</h3>
          <blockquote>
            <Paragraphs text={open.text} />
          </blockquote>
          {can["agreement.object"] ? (
            <Form ctx={ctx} action={`/groups/${group.slug}/agreement/objection`}>
              <Textarea
                t={t}
                name="reason"
                label={t("agreement.object.reason")}
                hint={t("agreement.object.hint")}
                value={values.reason}
                error={errors.reason}
                rows={3}
              />
              <SubmitButton variant="secondary">{t("agreement.object.submit")}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}

      {can["agreement.propose"] ? (
        <section aria-labelledby="propose">
          <h2 id="propose">{t("agreement.propose.title")}</h2>
          <p>{t("agreement.propose.intro")}</p>
          <Form ctx={ctx} action={`/groups/${group.slug}/agreement`} once={once}>
            <Textarea
              t={t}
              name="text"
              label={t("agreement.propose.text")}
              hint={t("agreement.propose.textHint")}
              value={values.text}
              error={errors.text}
              rows={12}
            />
            <Textarea
              t={t}
              name="reason"
              label={t("agreement.propose.reason")}
              value={values.reason}
              error={errors.reason}
              rows={3}
            />
            <SubmitButton>{t("agreement.propose.submit")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <h2>{t("agreement.history.title")}</h2>
      {history.length === 0 ? (
        <p>{t("agreement.history.none")}</p>
      ) : (
        <ul>
          {history.map((change) => (
            <li key={change.id}>
              {change.state === "adopted"
                ? t("agreement.history.adopted", {
                    person: change.proposer || someone,
                    date: date(change.proposedAt),
                    effective: date(change.objectionsCloseAt),
                  })
                : t("agreement.history.objected", {
                    person: change.proposer || someone,
                    date: date(change.proposedAt),
                  })}
              {change.objections.length > 0 ? (
                <ul>
                  {change.objections.map((o) => (
                    <li key={`${change.id}-${o.person}-${o.reason}`}>
                      {o.reason
                        ? t("agreement.history.objection", {
                            person: o.person || someone,
                            reason: o.reason,
                          })
                        : t("agreement.history.objectionNoReason", { person: o.person || someone })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

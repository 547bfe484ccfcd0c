import { Radios } from "../../../infra/html/choices.js";
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
import type { MessageKey } from "../../../infra/i18n/i18n.js";
import type { AlertView, NoteKind } from "../present.js";
import { afterWords, StateWords, sourceWords, subjectName, when } from "./parts.js";

const noteWords: Record<NoteKind, MessageKey> = {
  worry: "crisis.note.worry",
  acted: "crisis.note.acted",
  closed: "crisis.note.closed",
};

type FormState = { values?: Record<string, string>; errors?: FieldErrors };

/**
 * The steps still open: "I have seen it" in one press; what was done, or why it is closed, with
 * a note, in a second form (a closing always has its note).
 */
function Steps({
  ctx,
  alert,
  action,
  form,
}: {
  ctx: PageContext;
  alert: AlertView;
  action: string;
  form: FormState;
}) {
  const { t } = ctx;
  const { abilities } = alert;
  const choices = [
    ...(abilities.acted_on ? [{ value: "acted_on", label: t("crisis.alert.acted") }] : []),
    ...(abilities.closed ? [{ value: "closed", label: t("crisis.alert.close") }] : []),
  ];
  const sent = form.values?.state;
  return (
    <>
      {abilities.seen ? (
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="state" value="seen" />
          <p>{t("crisis.alert.seenHint")}</p>
          <SubmitButton>{t("crisis.alert.seen")}</SubmitButton>
        </Form>
      ) : null}
      {choices.length > 0 ? (
        <Form ctx={ctx} action={action}>
          <Radios
            t={t}
            name="state"
            legend={t("crisis.alert.stepLegend")}
            options={choices}
            value={sent === "acted_on" || sent === "closed" ? sent : choices[0]!.value}
            error={form.errors?.state}
          />
          <Textarea
            t={t}
            name="note"
            label={t("crisis.alert.note")}
            hint={t("crisis.alert.noteHint")}
            value={form.values?.note}
            error={form.errors?.note}
            rows={4}
          />
          <SubmitButton variant="secondary">{t("crisis.alert.save")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

/**
 * One alert, for someone who handles it: who, where, when, what set it off, who looked first and
 * how soon, the notes, and the steps still open. Never the post's words: on the group's pages, a
 * link to the post; through an e-mailed link, not even that.
 */
export function AlertPage({
  ctx,
  alert,
  action,
  back,
  form = {},
}: {
  ctx: PageContext;
  alert: AlertView;
  action: string;
  back: string | null;
  form?: FormState;
}) {
  const { t } = ctx;
  const errors = form.errors ?? {};
  const title = t("crisis.alert.title", { name: subjectName(ctx, alert) });
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {back ? (
        <p>
          <a href={back}>{t("crisis.alerts.back")}</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t("crisis.alert.group")}</dt>
        <dd>{alert.group.name}</dd>
        <dt>{t("crisis.alert.when")}</dt>
        <dd>{when(ctx, alert, alert.createdAt)}</dd>
        <dt>{t("crisis.alert.source")}</dt>
        <dd>{sourceWords(ctx, alert, true)}</dd>
        <dt>{t("crisis.alert.state")}</dt>
        <dd>
          <StateWords ctx={ctx} state={alert.state} />
        </dd>
        <dt>{t("crisis.alert.firstLook")}</dt>
        <dd>
          {alert.firstSeen
            ? t("crisis.alert.seenBy", {
                name: alert.firstSeen.by?.name || t("crisis.alert.someone"),
                after: afterWords(ctx, alert.firstSeen.afterMinutes),
              })
            : t("crisis.alert.notSeen")}
        </dd>
      </dl>
      {alert.post ? (
        <p>
          <a href={alert.post.path}>{t("crisis.alert.post")}</a>
        </p>
      ) : (
        <p>{t("crisis.alert.noPost")}</p>
      )}
      {alert.notes.length > 0 ? (
        <>
          <h2>{t("crisis.alert.notes")}</h2>
          {alert.notes.map((note) => (
            <div class="panel" key={`${note.kind}-${note.at.getTime()}`}>
              <p>
                <strong>{t(noteWords[note.kind])}</strong> ({when(ctx, alert, note.at)})
              </p>
              {note.text.split(/\n+/).map((line, at) => (
                <p key={String(at)}>{line}</p>
              ))}
            </div>
          ))}
        </>
      ) : null}
      <h2>{t("crisis.alert.steps")}</h2>
      <Steps ctx={ctx} alert={alert} action={action} form={form} />
      {alert.state === "closed" ? <p>{t("crisis.alert.isClosed")}</p> : null}
    </Layout>
  );
}

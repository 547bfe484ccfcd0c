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
import type { MeetingView } from "../present.js";
import {
  AnswerForm,
  Facilitation,
  type GroupHeading,
  JoinDetails,
  MeetingStatus,
  meetingPath,
} from "./parts.js";

type Person = { personId: string; displayName: string };

export type MeetingPeople = {
  responses: (Person & { answer: string })[];
  suggestions: { id: string; text: string; displayName: string }[];
  members: Person[];
  present: string[];
} | null;

/** One meeting: when, how to join, the theme, who comes, who facilitates, who came. */
export function MeetingPage({
  ctx,
  group,
  meeting,
  people,
  once = true,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupHeading;
  meeting: MeetingView;
  /** Null for an observer, who sees the meeting but not who takes part. */
  people: MeetingPeople;
  /** A theme is suggested once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const can = meeting.abilities;
  const name = (id: string) =>
    people?.members.find((m) => m.personId === id)?.displayName || t("meetings.someone");
  return (
    <Layout ctx={ctx} title={formTitle(t, `${meeting.when} – ${group.name}`, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}/meetings`}>{t("meetings.back")}</a>
      </p>
      <h1>
        <span class="caption">{group.name}</span>
        {meeting.when}
      </h1>
      <MeetingStatus ctx={ctx} meeting={meeting} />
      <p>{t("meetings.until", { time: meeting.until })}</p>
      <JoinDetails ctx={ctx} group={group} meeting={meeting} />

      <h2>{t("meetings.theme.title")}</h2>
      <p>
        {meeting.theme
          ? t("meetings.theme.is", { theme: meeting.theme })
          : t("meetings.theme.none")}
      </p>
      {people && people.suggestions.length > 0 ? (
        <>
          <h3>{t("meetings.theme.suggested")}</h3>
          <ul>
            {people.suggestions.map((s) => (
              <li key={s.id}>
                {t("meetings.theme.suggestion", {
                  text: s.text,
                  name: s.displayName || t("meetings.someone"),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {can["meeting.theme.suggest"] ? (
        <Form ctx={ctx} action={meetingPath(group, meeting, "/suggestions")} once={once}>
          <TextField
            t={t}
            name="text"
            label={t("meetings.theme.suggestLabel")}
            value={values.text}
            error={errors.text}
            maxLength={200}
          />
          <SubmitButton variant="secondary">{t("meetings.theme.suggest")}</SubmitButton>
        </Form>
      ) : null}
      {can["meeting.theme.choose"] ? (
        <Form ctx={ctx} action={meetingPath(group, meeting, "/theme")}>
          <TextField
            t={t}
            name="theme"
            label={t("meetings.theme.chooseLabel")}
            hint={t("meetings.theme.chooseHint")}
            value={values.theme ?? meeting.theme ?? ""}
            error={errors.theme}
            maxLength={200}
          />
          <SubmitButton variant="secondary">{t("meetings.theme.choose")}</SubmitButton>
        </Form>
      ) : null}

      {people ? (
        <>
          <h2>{t("meetings.rota.title")}</h2>
          <Facilitation ctx={ctx} meeting={meeting} />
          {can["meeting.volunteer"] ? (
            <Form ctx={ctx} action={meetingPath(group, meeting, "/volunteer")}>
              <SubmitButton>{t("meetings.rota.volunteer")}</SubmitButton>
            </Form>
          ) : null}
          {can["meeting.stepDown"] ? (
            <Form ctx={ctx} action={meetingPath(group, meeting, "/step-down")}>
              <SubmitButton variant="secondary">{t("meetings.rota.stepDown")}</SubmitButton>
            </Form>
          ) : null}
          {can["meeting.assign"] ? (
            <p>
              <a href={meetingPath(group, meeting, "/facilitator")}>{t("meetings.rota.assign")}</a>
            </p>
          ) : null}

          <h2>{t("meetings.coming.title")}</h2>
          <AnswerForm ctx={ctx} group={group} meeting={meeting} />
          {people.responses.length === 0 ? (
            <p>{t("meetings.coming.nobody")}</p>
          ) : (
            <ul>
              {people.responses.map((r) => (
                <li key={r.personId}>
                  {t(`meetings.coming.answer.${r.answer as "yes" | "no" | "maybe"}`, {
                    name: r.displayName || t("meetings.someone"),
                  })}
                </li>
              ))}
            </ul>
          )}

          {meeting.status === "scheduled" &&
          (can["meeting.attendance.record"] ||
            people.present.length > 0 ||
            can["meeting.attendance.self"]) ? (
            <>
              <h2>{t("meetings.attendance.title")}</h2>
              {people.present.length > 0 ? (
                <ul>
                  {people.present.map((id) => (
                    <li key={id}>{name(id)}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("meetings.attendance.none")}</p>
              )}
              {can["meeting.attendance.self"] &&
              !people.present.includes(ctx.viewer?.personId ?? "") ? (
                <Form ctx={ctx} action={meetingPath(group, meeting, "/present")}>
                  <SubmitButton>{t("meetings.attendance.here")}</SubmitButton>
                </Form>
              ) : null}
              {can["meeting.attendance.record"] ? (
                <p>
                  <a href={meetingPath(group, meeting, "/attendance")}>
                    {t("meetings.attendance.record")}
                  </a>
                </p>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}

      {can["meeting.change"] ? (
        <>
          <h2>{t("meetings.change.title")}</h2>
          <ul class="link-list">
            <li>
              <a href={meetingPath(group, meeting, "/move")}>{t("meetings.move.link")}</a>
            </li>
            <li>
              <a href={meetingPath(group, meeting, "/cancel")}>{t("meetings.cancel.link")}</a>
            </li>
          </ul>
        </>
      ) : null}
      <p>
        <a href={meetingPath(group, meeting, "/invite.ics")}>{t("meetings.calendar")}</a>
      </p>
    </Layout>
  );
}

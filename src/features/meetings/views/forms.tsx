import {
  type FieldErrors,
  Form,
  SubmitButton,
  Textarea,
  TextField,
} from "../../../infra/html/form.js";
import { FormPage } from "../../../infra/html/form-page.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { timeZoneName } from "../../../infra/i18n/i18n.js";
import { writtenDate } from "../../groups/inputs.js";
import type { MeetingView } from "../present.js";
import { meetingPath } from "./parts.js";

type GroupRef = { name: string; slug: string; timeZone: string };
type Values = Record<string, string>;

/** A one-off meeting outside the regular schedule. */
export function NewMeetingPage({
  ctx,
  group,
  once = true,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  /** A meeting is added once, however often the form is sent (Form's `once`). */
  once?: string | true;
  values?: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("meetings.new.title", { group: group.name })}
      back={`/groups/${group.slug}/meetings`}
      errors={errors}
    >
      <p>{t("meetings.new.intro", { zone: timeZoneName(group.timeZone, ctx.lang) })}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/meetings`} once={once}>
        <TextField
          t={t}
          name="date"
          label={t("meetings.field.date")}
          hint={t("groups.field.startsOnHint")}
          value={values.date}
          error={errors.date}
          width="short"
        />
        <TextField
          t={t}
          name="startTime"
          label={t("meetings.field.startTime")}
          hint={t("groups.field.startTimeHint")}
          value={values.startTime}
          error={errors.startTime}
          width="short"
        />
        <TextField
          t={t}
          name="endTime"
          label={t("meetings.field.endTime")}
          hint={t("meetings.field.endTimeHint")}
          value={values.endTime}
          error={errors.endTime}
          width="short"
        />
        <TextField
          t={t}
          name="theme"
          label={t("meetings.field.theme")}
          value={values.theme}
          error={errors.theme}
          maxLength={200}
        />
        <SubmitButton>{t("meetings.new.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** Moving one meeting; members are told by e-mail with the reason. */
export function MoveMeetingPage({
  ctx,
  group,
  meeting,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  meeting: MeetingView;
  values?: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("meetings.move.title")}
      back={meetingPath(group, meeting)}
      errors={errors}
    >
      <p>
        {t("meetings.move.intro", {
          when: meeting.when,
          zone: timeZoneName(group.timeZone, ctx.lang),
        })}
      </p>
      <Form ctx={ctx} action={meetingPath(group, meeting, "/move")}>
        <TextField
          t={t}
          name="date"
          label={t("meetings.field.newDate")}
          hint={t("groups.field.startsOnHint")}
          value={values.date ?? writtenDate(meeting.localDate)}
          error={errors.date}
          width="short"
        />
        <TextField
          t={t}
          name="startTime"
          label={t("meetings.field.newTime")}
          hint={t("groups.field.startTimeHint")}
          value={values.startTime}
          error={errors.startTime}
          width="short"
        />
        <Textarea
          t={t}
          name="reason"
          label={t("meetings.field.reason")}
          hint={t("meetings.field.reasonHint")}
          value={values.reason}
          error={errors.reason}
          rows={3}
        />
        <SubmitButton>{t("meetings.move.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

/** Calling one meeting off, with a reason members are told. */
export function CancelMeetingPage({
  ctx,
  group,
  meeting,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  meeting: MeetingView;
  values?: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("meetings.cancel.title")}
      back={meetingPath(group, meeting)}
      errors={errors}
    >
      <p>{t("meetings.cancel.intro", { when: meeting.when })}</p>
      <Form ctx={ctx} action={meetingPath(group, meeting, "/cancel")}>
        <Textarea
          t={t}
          name="reason"
          label={t("meetings.field.reason")}
          hint={t("meetings.field.reasonHint")}
          value={values.reason}
          error={errors.reason}
          rows={3}
        />
        <SubmitButton variant="warning">{t("meetings.cancel.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

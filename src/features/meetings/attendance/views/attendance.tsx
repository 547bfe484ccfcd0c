import { Checkboxes } from "../../../../infra/html/choices.js";
import { type FieldErrors, Form, SubmitButton } from "../../../../infra/html/form.js";
import { FormPage } from "../../../../infra/html/form-page.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import type { MeetingView } from "../../present.js";
import { meetingPath } from "../../views/parts.js";

type GroupRef = { name: string; slug: string; timeZone: string };
type Member = { personId: string; displayName: string };

/** The facilitator ticks who came. */
export function AttendancePage({
  ctx,
  group,
  meeting,
  members,
  present,
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  meeting: MeetingView;
  members: Member[];
  present: string[];
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("meetings.attendance.recordTitle")}
      back={meetingPath(group, meeting)}
      errors={errors}
    >
      <p>{meeting.when}</p>
      <p>{t("meetings.attendance.private")}</p>
      <Form ctx={ctx} action={meetingPath(group, meeting, "/attendance")}>
        <Checkboxes
          t={t}
          name="present"
          legend={t("meetings.attendance.legend")}
          checked={present}
          error={errors.present}
          options={members.map((m) => ({
            value: m.personId,
            label: m.displayName || t("meetings.someone"),
          }))}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

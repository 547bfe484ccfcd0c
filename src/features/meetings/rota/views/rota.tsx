import { Radios } from "../../../../infra/html/choices.js";
import { type FieldErrors, Form, SubmitButton } from "../../../../infra/html/form.js";
import { FormPage } from "../../../../infra/html/form-page.js";
import { Layout } from "../../../../infra/html/layout.js";
import type { PageContext } from "../../../../infra/html/page-context.js";
import type { MeetingView } from "../../present.js";
import { meetingPath } from "../../views/parts.js";

type GroupRef = { name: string; slug: string; timeZone: string };

/** Who leads each of the next meetings, and who has led before. */
export function RotaPage({
  ctx,
  group,
  upcoming,
  past,
  leaders,
}: {
  ctx: PageContext;
  group: { name: string; slug: string };
  upcoming: MeetingView[];
  past: MeetingView[];
  leaders: number;
}) {
  const { t } = ctx;
  const title = t("meetings.rota.pageTitle", { group: group.name });
  const who = (m: MeetingView) =>
    m.facilitatorName !== null
      ? m.facilitatorName || t("meetings.someone")
      : t("meetings.rota.nobodyYet");
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/groups/${group.slug}/meetings`}>{t("meetings.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("meetings.rota.intro")}</p>
      <p>
        {leaders === 1
          ? t("meetings.rota.leadersOne")
          : t("meetings.rota.leaders", { count: leaders })}
      </p>
      <h2>{t("meetings.rota.next")}</h2>
      {upcoming.length === 0 ? (
        <p>{t("meetings.list.none")}</p>
      ) : (
        <table class="rota">
          <caption class="visually-hidden">{t("meetings.rota.next")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetings.rota.when")}</th>
              <th scope="col">{t("meetings.rota.who")}</th>
            </tr>
          </thead>
          <tbody>
            {upcoming.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={meetingPath(group, m)}>{m.when}</a>
                </td>
                <td>
                  {who(m)}
                  {m.abilities["meeting.volunteer"] ? (
                    <>
                      {" "}
                      <a href={meetingPath(group, m)}>{t("meetings.rota.volunteerLink")}</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("meetings.rota.before")}</h2>
      {past.length === 0 ? (
        <p>{t("meetings.rota.noneBefore")}</p>
      ) : (
        <table class="rota">
          <caption class="visually-hidden">{t("meetings.rota.before")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetings.rota.when")}</th>
              <th scope="col">{t("meetings.rota.who")}</th>
              <th scope="col">{t("meetings.rota.came")}</th>
            </tr>
          </thead>
          <tbody>
            {past.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={meetingPath(group, m)}>{m.when}</a>
                </td>
                <td>{who(m)}</td>
                <td>{m.present}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

type Member = { personId: string; displayName: string };

/** The facilitators choose who facilitates a meeting. */
export function AssignPage({
  ctx,
  group,
  meeting,
  members,
  errors = {},
}: {
  ctx: PageContext;
  group: GroupRef;
  meeting: MeetingView;
  members: Member[];
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t("meetings.rota.assignTitle")}
      back={meetingPath(group, meeting)}
      errors={errors}
    >
      <p>{meeting.when}</p>
      <Form ctx={ctx} action={meetingPath(group, meeting, "/facilitator")}>
        <Radios
          t={t}
          name="personId"
          legend={t("meetings.rota.assignLegend")}
          value={meeting.facilitatorId ?? ""}
          error={errors.personId}
          options={[
            ...members.map((m) => ({
              value: m.personId,
              label: m.displayName || t("meetings.someone"),
            })),
            { value: "", label: t("meetings.rota.nobodyYet") },
          ]}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

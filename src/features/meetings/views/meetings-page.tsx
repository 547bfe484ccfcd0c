import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { timeZoneName } from "../../../infra/i18n/i18n.js";
import type { MeetingView } from "../present.js";
import {
  AnswerForm,
  DialIn,
  Facilitation,
  type GroupHeading,
  JoinDetails,
  MeetingStatus,
  meetingPath,
} from "./parts.js";

/** The group's meetings for the coming weeks, each with "Will you come?". */
export function MeetingsPage({
  ctx,
  group,
  meetings,
  canAdd,
  seesPeople,
}: {
  ctx: PageContext;
  group: GroupHeading;
  meetings: MeetingView[];
  canAdd: boolean;
  seesPeople: boolean;
}) {
  const { t } = ctx;
  const title = t("meetings.list.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("meetings.list.zone", { zone: timeZoneName(group.timeZone, ctx.lang) })}</p>
      <DialIn ctx={ctx} group={group} />
      <ul class="link-list">
        {canAdd ? (
          <li>
            <a href={`/groups/${group.slug}/meetings/new`}>{t("meetings.new.link")}</a>
          </li>
        ) : null}
        {seesPeople ? (
          <li>
            <a href={`/groups/${group.slug}/rota`}>{t("meetings.rota.link")}</a>
          </li>
        ) : null}
      </ul>
      {meetings.length === 0 ? <p>{t("meetings.list.none")}</p> : null}
      <ol class="meeting-list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <h2>
              <a href={meetingPath(group, meeting)}>{meeting.when}</a>
            </h2>
            <MeetingStatus ctx={ctx} meeting={meeting} />
            <p>{t("meetings.until", { time: meeting.until })}</p>
            {meeting.theme ? <p>{t("meetings.theme.is", { theme: meeting.theme })}</p> : null}
            {seesPeople && meeting.status === "scheduled" ? (
              <>
                <Facilitation ctx={ctx} meeting={meeting} />
                <p>
                  {meeting.coming === 1
                    ? t("meetings.coming.one")
                    : t("meetings.coming.many", { count: meeting.coming })}
                </p>
              </>
            ) : null}
            <JoinDetails ctx={ctx} group={group} meeting={meeting} phone={false} />
            <AnswerForm ctx={ctx} group={group} meeting={meeting} />
          </li>
        ))}
      </ol>
    </Layout>
  );
}

import { formatDateTime, isLanguage, translator } from "../../../infra/i18n/i18n.js";
import { composeMessage } from "../../../infra/mail/compose.js";
import type { MailMessage } from "../../../infra/mail/mailer.js";
import { presentCalendar } from "../../groups/calendar/present.js";
import type { ScheduledGroup } from "../../groups/present.js";
import type { MeetingChange } from "./writes.js";

type Reader = { email: string; language: string };

/**
 * The e-mail a member gets when a meeting moves or is called off: the old and new times in
 * words, in their language and the group's time zone, the reason, and an invitation their
 * calendar program applies to the event it already has (same UID, higher SEQUENCE).
 */
export function meetingChangeMessage(
  reader: Reader,
  group: ScheduledGroup,
  change: MeetingChange,
  context: { baseUrl: URL; now: Date; instanceName: string },
): MailMessage {
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  const when = (date: Date) => formatDateTime(date, language, group.timeZone);
  const url = new URL(`/groups/${group.slug}/meetings/${change.meeting.id}`, context.baseUrl);
  const { meeting, previous } = change;
  const moved = change.kind === "moved";
  const paragraphs = moved
    ? [
        t("meetings.mail.moved.body", {
          group: group.name,
          before: when(previous.startsAt),
          after: when(meeting.startsAt),
        }),
      ]
    : [t("meetings.mail.cancelled.body", { group: group.name, when: when(previous.startsAt) })];
  if (meeting.changeReason)
    paragraphs.push(t("meetings.mail.reason", { reason: meeting.changeReason }));
  paragraphs.push(t("meetings.mail.calendar"));
  const method = moved ? "REQUEST" : "CANCEL";
  return {
    ...composeMessage({
      to: reader.email,
      language,
      subject: moved
        ? t("meetings.mail.moved.subject", { group: group.name, when: when(meeting.startsAt) })
        : t("meetings.mail.cancelled.subject", {
            group: group.name,
            when: when(previous.startsAt),
          }),
      paragraphs,
      link: { intro: t("meetings.mail.link"), url: url.toString() },
    }),
    calendar: {
      method,
      filename: "meeting.ics",
      content: presentCalendar(
        group,
        [
          {
            uid: meeting.uid,
            sequence: meeting.sequence,
            startsAt: meeting.startsAt,
            endsAt: meeting.endsAt,
            cancelled: !moved,
          },
        ],
        context,
        method,
      ),
    },
  };
}

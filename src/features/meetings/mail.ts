import type { Database } from "../../infra/db/database.js";
import { formatDateTime, isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer, MailMessage } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import { presentCalendar } from "../groups/feeds/calendar/present.js";
import type { ScheduledGroup } from "../groups/feeds/present.js";
import { participantIds } from "../groups/memberships/reads.js";
import type { Meeting } from "./writes.js";

type Reader = { email: string; language: string };

export type MeetingChange =
  | { kind: "moved"; meeting: Meeting; previous: Meeting }
  | { kind: "cancelled"; meeting: Meeting; previous: Meeting };

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

/**
 * Tells every member taking part at once: calendar feeds refresh slowly, so e-mail is
 * the channel that counts. Sent after the change has committed.
 */
export async function sendMeetingChange(
  deps: { db: Database; mailer: Mailer; publicUrl: URL; instanceName: string },
  group: ScheduledGroup,
  change: MeetingChange,
  now: Date,
): Promise<number> {
  const readers = await listContacts(deps.db, await participantIds(deps.db, group.id, now));
  const context = { baseUrl: deps.publicUrl, now, instanceName: deps.instanceName };
  for (const reader of readers) {
    await deps.mailer.send(meetingChangeMessage(reader, group, change, context));
  }
  return readers.length;
}

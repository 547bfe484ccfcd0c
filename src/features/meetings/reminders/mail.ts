import {
  formatDateTime,
  isLanguage,
  type Translate,
  translator,
} from "../../../infra/i18n/i18n.js";
import { composeMessage } from "../../../infra/mail/compose.js";
import type { MailMessage } from "../../../infra/mail/mailer.js";
import type { Group } from "../../groups/reads.js";
import type { MeetingRow } from "../reads.js";
import type { ReminderKind } from "../tables.js";

type Reader = { email: string; language: string };
export type Links = { meeting: string; preferences: string; unsubscribe: string };

/** RFC 8058: mail programs show an unsubscribe button that works in one click. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** How to get there or get in: the address, or the link and the telephone with its PIN. */
function howToJoin(group: Group, t: Translate): string[] {
  const lines: string[] = [];
  if (group.format === "in_person" || group.format === "hybrid") {
    const place = [
      group.venueName,
      group.streetAddress,
      [group.postalCode, group.town].filter(Boolean).join(" "),
    ]
      .filter(Boolean)
      .join(", ");
    if (place) lines.push(t("reminders.mail.place", { place }));
  }
  if (group.videoUrl) lines.push(t("reminders.mail.video", { url: group.videoUrl }));
  if (group.phoneNumber) {
    lines.push(
      group.phonePin
        ? t("reminders.mail.phonePin", { number: group.phoneNumber, pin: group.phonePin })
        : t("reminders.mail.phone", { number: group.phoneNumber }),
    );
  }
  return lines;
}

function footer(t: Translate, links: Links): string {
  return t("reminders.mail.choose", { url: links.preferences, unsubscribe: links.unsubscribe });
}

export function reminderMessage(
  reader: Reader,
  group: Group,
  meeting: MeetingRow,
  kind: ReminderKind,
  links: Links,
): MailMessage {
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  const when = formatDateTime(meeting.startsAt, language, group.timeZone);
  const paragraphs = [
    t(kind === "day" ? "reminders.mail.day.body" : "reminders.mail.hour.body", {
      group: group.name,
      when,
    }),
    ...(meeting.theme ? [t("meetings.theme.is", { theme: meeting.theme })] : []),
    ...howToJoin(group, t),
    footer(t, links),
  ];
  return {
    ...composeMessage({
      to: reader.email,
      language,
      subject: t(kind === "day" ? "reminders.mail.day.subject" : "reminders.mail.hour.subject", {
        group: group.name,
        when,
      }),
      paragraphs,
      link: { intro: t("reminders.mail.link"), url: links.meeting },
    }),
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}

/** The group is asked, once, for someone to facilitate a meeting within the week. */
export function rotaMessage(
  reader: Reader,
  group: Group,
  meeting: MeetingRow,
  links: Links,
): MailMessage {
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  const when = formatDateTime(meeting.startsAt, language, group.timeZone);
  return {
    ...composeMessage({
      to: reader.email,
      language,
      subject: t("reminders.mail.rota.subject", { group: group.name }),
      paragraphs: [t("reminders.mail.rota.body", { group: group.name, when }), footer(t, links)],
      link: { intro: t("reminders.mail.rota.link"), url: links.meeting },
    }),
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}

/** The week ahead of one group, for members who asked for a weekly digest. */
export function digestMessage(
  reader: Reader,
  group: Group,
  upcoming: MeetingRow[],
  links: Links,
): MailMessage {
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  const lines = upcoming.map((m) =>
    [
      formatDateTime(m.startsAt, language, group.timeZone),
      m.status === "cancelled" ? t("meetings.status.cancelled") : "",
      m.theme ? t("meetings.theme.is", { theme: m.theme }) : "",
    ]
      .filter(Boolean)
      .join(" – "),
  );
  return {
    ...composeMessage({
      to: reader.email,
      language,
      subject: t("reminders.mail.digest.subject", { group: group.name }),
      paragraphs: [
        upcoming.length > 0
          ? t("reminders.mail.digest.body", { group: group.name })
          : t("reminders.mail.digest.none", { group: group.name }),
        ...lines,
        footer(t, links),
      ],
      link: { intro: t("reminders.mail.link"), url: links.meeting },
    }),
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}

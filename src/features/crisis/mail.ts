import { isLanguage, type MessageKey, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { MailMessage } from "../../infra/mail/mailer.js";
import type { AlertSource, RiskCategory } from "./tables.js";

type Reader = { email: string; language: string };

/** What an alert e-mail may say about the alert: its kind, never the words, never the person. */
export type AlertFacts = {
  groupName: string;
  source: AlertSource;
  category: RiskCategory | null;
  round: number;
  /** Nobody leads the group now: it went straight to the lead, or the help address. */
  leaderless?: boolean;
};

export const categoryWords: Record<RiskCategory, MessageKey> = {
  suicide: "crisis.category.suicide",
  self_harm: "crisis.category.self_harm",
  abuse: "crisis.category.abuse",
  danger: "crisis.category.danger",
};

const roundWords: Record<number, MessageKey> = {
  0: "crisis.mail.round0",
  1: "crisis.mail.round1",
  2: "crisis.mail.round2",
};

/**
 * An alert to someone who handles it: what kind of alert, in which group, and the link to it.
 * Mailboxes are read on shared screens and forwarded, so it names neither the person nor the
 * words; `outside` links open the alert alone, without signing in, and say to keep them private.
 */
export function alertMessage(
  reader: Reader,
  alert: AlertFacts,
  link: { url: string; outside: boolean },
): MailMessage {
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  const group = alert.groupName;
  const what =
    alert.source === "worried"
      ? t("crisis.mail.worried", { group })
      : t("crisis.mail.phrase", {
          group,
          category: t(categoryWords[alert.category ?? "danger"]),
        });
  return composeMessage({
    to: reader.email,
    language,
    subject: t(alert.round === 0 ? "crisis.mail.subject" : "crisis.mail.subjectAgain", { group }),
    paragraphs: [
      what,
      t(
        alert.leaderless
          ? "crisis.mail.leaderless"
          : (roundWords[alert.round] ?? "crisis.mail.round1"),
      ),
      t("crisis.mail.noWords"),
      ...(link.outside ? [t("crisis.mail.private")] : []),
    ],
    link: { intro: t("crisis.mail.link"), url: link.url },
  });
}

/**
 * To the instance's help address, when an alert of a group with no safeguarding lead has gone
 * unseen through both rounds: someone should reach the group's facilitators.
 */
export function helpAddressMessage(to: string, alert: AlertFacts & { groupUrl: string }) {
  const t = translator("en");
  return composeMessage({
    to,
    language: "en",
    subject: t("crisis.mail.help.subject", { group: alert.groupName }),
    paragraphs: [
      t(alert.leaderless ? "crisis.mail.help.leaderless" : "crisis.mail.help.body", {
        group: alert.groupName,
      }),
      t("crisis.mail.noWords"),
    ],
    link: { intro: t("crisis.mail.help.link"), url: alert.groupUrl },
  });
}

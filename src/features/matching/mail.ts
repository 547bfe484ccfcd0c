import { type Language, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { MailMessage } from "../../infra/mail/mailer.js";
import type { HelpRequest } from "./inputs.js";

/**
 * To the instance's help contact: someone would like a person to help them find a group. In the
 * language the person used, since the reply will be to them; a reply by e-mail goes straight to
 * them.
 */
export function helpRequestMessage(input: {
  to: string;
  language: Language;
  siteName: string;
  request: HelpRequest;
  /** The person's answers to the questions, in words, if they gave any. */
  answers: { question: string; answer: string }[];
}): MailMessage {
  const t = translator(input.language);
  const { request } = input;
  const reach =
    request.contact.kind === "email"
      ? t("matching.mail.email", { email: request.contact.address })
      : t("matching.mail.phone", { phone: request.contact.number });
  const message = request.message
    ? [t("matching.mail.message"), ...request.message.split(/\n\s*\n/)]
    : [t("matching.mail.noMessage")];
  const answers =
    input.answers.length > 0
      ? [
          t("matching.mail.answers"),
          ...input.answers.map((row) =>
            t("matching.mail.answer", { question: row.question, answer: row.answer }),
          ),
        ]
      : [t("matching.mail.noAnswers")];
  const mail = composeMessage({
    to: input.to,
    language: input.language,
    subject: t("matching.mail.subject", { name: request.name }),
    paragraphs: [
      t("matching.mail.intro", { name: request.name, site: input.siteName }),
      reach,
      ...message,
      ...answers,
      t("matching.mail.private"),
    ],
  });
  return request.contact.kind === "email"
    ? { ...mail, headers: { "Reply-To": request.contact.address } }
    : mail;
}

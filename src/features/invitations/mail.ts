import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import { type Mailer, type MailFailure, sendOrSayWhy } from "../../infra/mail/mailer.js";

/**
 * The invitation, in the language of the person who sends it (the person invited may have no
 * account yet): who invites, to which group, their word, and the link.
 */
export async function sendInvitation(
  deps: { mailer: Mailer; publicUrl: URL; log: Parameters<typeof sendOrSayWhy>[2] },
  input: {
    email: string;
    language: string;
    group: { name: string };
    from: string;
    message: string;
    token: string;
  },
): Promise<MailFailure | null> {
  const language = isLanguage(input.language) ? input.language : "en";
  const t = translator(language);
  const paragraphs = [t("invitations.mail.body", { person: input.from, group: input.group.name })];
  if (input.message) paragraphs.push(t("invitations.mail.message", { message: input.message }));
  paragraphs.push(t("invitations.mail.days"));
  return sendOrSayWhy(
    deps.mailer,
    composeMessage({
      to: input.email,
      language,
      subject: t("invitations.mail.subject", { group: input.group.name }),
      paragraphs,
      link: {
        intro: t("invitations.mail.link"),
        url: new URL(`/invitations/${input.token}`, deps.publicUrl).toString(),
      },
    }),
    deps.log,
  );
}

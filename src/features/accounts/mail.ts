import { formatDateTime, type Language, translator } from "../../infra/i18n/i18n.js";
import type { MailMessage } from "../../infra/mail/mailer.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sign-in message: the code first (it is also in the subject), the link, and when both end. */
export function signInMessage(input: {
  to: string;
  language: Language;
  siteName: string;
  link: string;
  code: string;
  expiresAt: Date;
  timeZone: string;
  hasAccount: boolean;
}): MailMessage {
  const t = translator(input.language);
  const spacedCode = `${input.code.slice(0, 3)} ${input.code.slice(3)}`;
  const lines = [
    t("mail.signIn.greeting"),
    t(input.hasAccount ? "mail.signIn.body" : "mail.signUp.body", { name: input.siteName }),
    t("mail.signIn.code", { code: spacedCode }),
    t("mail.signIn.link"),
    input.link,
    t("mail.signIn.expires", {
      time: formatDateTime(input.expiresAt, input.language, input.timeZone),
    }),
    t("mail.signIn.ignore"),
  ];
  const html = `<!doctype html><html lang="${input.language}"><body style="font-family:system-ui,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c">
<p>${escapeHtml(lines[0]!)}</p>
<p>${escapeHtml(lines[1]!)}</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:0.1em">${escapeHtml(lines[2]!)}</p>
<p>${escapeHtml(lines[3]!)}<br><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>
<p>${escapeHtml(lines[5]!)}</p>
<p>${escapeHtml(lines[6]!)}</p>
</body></html>`;
  return {
    to: input.to,
    subject: t("mail.signIn.subject", { name: input.siteName, code: spacedCode }),
    text: `${lines.join("\n\n")}\n`,
    html,
  };
}

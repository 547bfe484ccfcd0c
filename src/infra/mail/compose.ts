import type { MailMessage } from "./mailer.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A plain message in large, calm type: paragraphs, then an optional link on its own line.
 * The plain-text part is the same words.
 */
export function composeMessage(input: {
  to: string;
  language: string;
  subject: string;
  paragraphs: string[];
  link?: { intro: string; url: string };
}): MailMessage {
  const lines = [...input.paragraphs];
  if (input.link) lines.push(input.link.intro, input.link.url);
  const html = [
    `<!doctype html><html lang="${escapeHtml(input.language)}"><body style="font-family:system-ui,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c">`,
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    input.link
      ? `<p>${escapeHtml(input.link.intro)}<br><a href="${escapeHtml(input.link.url)}">${escapeHtml(input.link.url)}</a></p>`
      : "",
    "</body></html>",
  ].join("\n");
  return { to: input.to, subject: input.subject, text: `${lines.join("\n\n")}\n`, html };
}

import { renderPostMarkdown } from "../../../infra/html/markdown.js";
import { isLanguage, type Translate, translator } from "../../../infra/i18n/i18n.js";
import { composeMessage } from "../../../infra/mail/compose.js";
import type { MailMessage } from "../../../infra/mail/mailer.js";
import { unsubscribeHeaders } from "../../meetings/reminders/mail.js";
import type { PostForMail } from "./reads.js";

type Reader = { email: string; language: string };
export type Links = { board: string; thread: string; choice: string; unsubscribe: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A title fit for a subject line: a line break typed into it would end the header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function footer(t: Translate, links: Links): string {
  return t("board.mail.choose", { url: links.choice, unsubscribe: links.unsubscribe });
}

/** A thread's title as members read it: none once its opening post was deleted or hidden. */
function titleOf(t: Translate, thread: { title: string }, openingGone: boolean): string {
  return openingGone || !thread.title ? t("board.thread.untitled") : oneLine(thread.title);
}

function readerLanguage(reader: Reader) {
  return isLanguage(reader.language) ? reader.language : "en";
}

/**
 * One post, e-mailed as it was written: the plain-text part has the words as typed (light
 * markdown reads as text), the HTML part the same sanitised rendering as the board's page.
 */
export function postMessage(
  reader: Reader,
  group: { name: string },
  found: PostForMail,
  links: Links,
): MailMessage {
  const language = readerLanguage(reader);
  const t = translator(language);
  const { post, thread } = found;
  const author = found.authorName || t("board.author.unnamed");
  const title = titleOf(t, thread, found.openingGone);
  const words = { group: group.name, author, title };
  const kind =
    thread.announcement && post.opening ? "announcement" : post.opening ? "thread" : "reply";
  const intro = t(`board.mail.post.${kind}.body`, words);
  const before = [intro, ...(post.opening ? [title] : [])];
  const why = kind === "announcement" && thread.toEveryone ? [t("board.mail.post.toEveryone")] : [];
  const link = { intro: t("board.mail.post.link"), url: links.thread };
  const plain = composeMessage({
    to: reader.email,
    language,
    subject: t(`board.mail.post.${kind}.subject`, words),
    paragraphs: [...before, post.body, ...why, link.intro, link.url, footer(t, links)],
  });
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c">`,
    ...before.map(paragraph),
    // Rendered with HTML off and then through an allow-list (infra/html/markdown.ts).
    `<div style="border-left:4px solid #b1b4b6;padding-left:16px">${renderPostMarkdown(post.body)}</div>`,
    ...why.map(paragraph),
    `<p>${escapeHtml(link.intro)}<br><a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a></p>`,
    paragraph(footer(t, links)),
    "</body></html>",
  ].join("\n");
  return { ...plain, html, headers: unsubscribeHeaders(links.unsubscribe) };
}

/** A thread with something new in a digest's day, and how many new posts it has. */
export type DigestThread = { title: string; openingGone: boolean; count: number };

/** The day's new conversations on one group's board, for a member who chose the digest. */
export function digestMessage(
  reader: Reader,
  group: { name: string },
  threads: DigestThread[],
  links: Links,
): MailMessage {
  const language = readerLanguage(reader);
  const t = translator(language);
  const lines = threads.map((thread) => {
    const title = titleOf(t, thread, thread.openingGone);
    return thread.count === 1
      ? t("board.mail.digest.oneNew", { title })
      : t("board.mail.digest.manyNew", { title, count: thread.count });
  });
  return {
    ...composeMessage({
      to: reader.email,
      language,
      subject: t("board.mail.digest.subject", { group: group.name }),
      paragraphs: [t("board.mail.digest.body", { group: group.name }), ...lines, footer(t, links)],
      link: { intro: t("board.mail.digest.link"), url: links.board },
    }),
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}

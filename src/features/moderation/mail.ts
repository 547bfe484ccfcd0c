import type { Executor } from "../../infra/db/database.js";
import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { LaterMailer } from "../../infra/mail/later.js";
import { listContacts } from "../accounts/reads.js";
import { readsBoard } from "../board/policy.js";
import type { PostRow } from "../board/reads.js";
import { standing } from "../memberships/policy.js";
import { getMembership, listFacilitators } from "../memberships/reads.js";

/** What sending needs: the database to find people, the mailer, the site's address. */
export type Notifier = { db: Executor; mailer: LaterMailer; publicUrl: URL };

type GroupRef = { id: string; slug: string; name: string; handoverAt: Date | null };
type Reader = { email: string; language: string };

const speak = (reader: Reader) => {
  const language = isLanguage(reader.language) ? reader.language : "en";
  return { language, t: translator(language) };
};

const reportsUrl = (notifier: Notifier, group: GroupRef) =>
  new URL(`/groups/${group.slug}/board/reports`, notifier.publicUrl).toString();
const postUrl = (notifier: Notifier, group: GroupRef, post: PostRow) =>
  new URL(
    `/groups/${group.slug}/board/threads/${post.threadId}#post-${post.id}`,
    notifier.publicUrl,
  ).toString();

/** Those who lead the group now, but one person (the one who set this off), with their addresses. */
async function leadersBut(notifier: Notifier, group: GroupRef, personId: string, now: Date) {
  const ids = (await listFacilitators(notifier.db, group.id, now)).filter((id) => id !== personId);
  return listContacts(notifier.db, ids);
}

/**
 * Tells those who lead the group that a post was reported, with the way to the reports page.
 * Neither the post's words nor who reported it: an e-mail travels further than the board.
 */
export async function sendReportedMail(
  notifier: Notifier,
  input: { group: GroupRef; reporterId: string },
  now: Date,
): Promise<void> {
  for (const reader of await leadersBut(notifier, input.group, input.reporterId, now)) {
    const { language, t } = speak(reader);
    await notifier.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t("moderation.mail.reported.subject", { group: input.group.name }),
        paragraphs: [t("moderation.mail.reported.body", { group: input.group.name })],
        link: { intro: t("moderation.mail.reports"), url: reportsUrl(notifier, input.group) },
      }),
    );
  }
}

/** The author, while they still read the group's board: someone who left has no board to open. */
async function authorOf(notifier: Notifier, group: GroupRef, post: PostRow, now: Date) {
  if (!post.authorId) return null;
  const membership = await getMembership(notifier.db, group.id, post.authorId);
  if (!readsBoard(standing(membership, group, now))) return null;
  const [reader] = await listContacts(notifier.db, [post.authorId]);
  return reader ?? null;
}

/** Tells the author that the facilitators hid their post, why, and how to ask for it back. */
export async function sendHiddenMail(
  notifier: Notifier,
  input: { group: GroupRef; post: PostRow; reason: string },
  now: Date,
): Promise<void> {
  const reader = await authorOf(notifier, input.group, input.post, now);
  if (!reader) return;
  const { language, t } = speak(reader);
  await notifier.mailer.send(
    composeMessage({
      to: reader.email,
      language,
      subject: t("moderation.mail.hidden.subject", { group: input.group.name }),
      paragraphs: [
        t("moderation.mail.hidden.body", { group: input.group.name }),
        t("moderation.mail.hidden.reason", { reason: input.reason }),
      ],
      link: {
        intro: t("moderation.mail.hidden.action"),
        url: postUrl(notifier, input.group, input.post),
      },
    }),
  );
}

/** Tells the author that their post is shown again. */
export async function sendRestoredMail(
  notifier: Notifier,
  input: { group: GroupRef; post: PostRow; reason: string },
  now: Date,
): Promise<void> {
  const reader = await authorOf(notifier, input.group, input.post, now);
  if (!reader) return;
  const { language, t } = speak(reader);
  const paragraphs = [t("moderation.mail.restored.body", { group: input.group.name })];
  if (input.reason) paragraphs.push(t("moderation.mail.restored.reason", { reason: input.reason }));
  await notifier.mailer.send(
    composeMessage({
      to: reader.email,
      language,
      subject: t("moderation.mail.restored.subject", { group: input.group.name }),
      paragraphs,
      link: { intro: t("moderation.mail.post"), url: postUrl(notifier, input.group, input.post) },
    }),
  );
}

/** Tells those who lead that the author of a hidden post asks for it back. */
export async function sendAskedBackMail(
  notifier: Notifier,
  input: { group: GroupRef; post: PostRow; authorName: string },
  now: Date,
): Promise<void> {
  const authorId = input.post.authorId ?? "";
  for (const reader of await leadersBut(notifier, input.group, authorId, now)) {
    const { language, t } = speak(reader);
    const name = input.authorName || t("board.author.unnamed");
    await notifier.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t("moderation.mail.asked.subject", { group: input.group.name }),
        paragraphs: [t("moderation.mail.asked.body", { name, group: input.group.name })],
        link: { intro: t("moderation.mail.reports"), url: reportsUrl(notifier, input.group) },
      }),
    );
  }
}

import type { Executor } from "../../infra/db/database.js";
import { formatDateTime, isLanguage, translator } from "../../infra/i18n/i18n.js";
import { enqueueJob, removeJob } from "../../infra/jobs/runner.js";
import { composeMessage } from "../../infra/mail/compose.js";
import { LATER_MAIL_ATTEMPTS, type LaterMailer } from "../../infra/mail/later.js";
import type { MailMessage } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import { getGroupById } from "../groups/reads.js";
import type { Offer } from "./writes.js";

type Reader = { email: string; language: string };
type GroupRef = { name: string; url: string; timeZone: string };

const speak = (reader: Reader) => {
  const language = isLanguage(reader.language) ? reader.language : "en";
  return { language, t: translator(language) };
};

export function offerMessage(reader: Reader, group: GroupRef, expiresAt: Date): MailMessage {
  const { language, t } = speak(reader);
  const time = formatDateTime(expiresAt, language, group.timeZone);
  return composeMessage({
    to: reader.email,
    language,
    subject: t("memberships.mail.offer.subject", { group: group.name }),
    paragraphs: [t("memberships.mail.offer.body", { group: group.name, time })],
    link: { intro: t("memberships.mail.offer.action"), url: group.url },
  });
}

export function lapsedMessage(reader: Reader, group: GroupRef): MailMessage {
  const { language, t } = speak(reader);
  return composeMessage({
    to: reader.email,
    language,
    subject: t("memberships.mail.lapsed.subject", { group: group.name }),
    paragraphs: [t("memberships.mail.lapsed.body", { group: group.name })],
    link: { intro: t("memberships.mail.link"), url: group.url },
  });
}

export function decisionMessage(
  reader: Reader,
  group: GroupRef,
  outcome: "active" | "waitlisted" | "left",
  message: string | undefined,
): MailMessage {
  const { language, t } = speak(reader);
  const accepted = outcome !== "left";
  const body =
    outcome === "active"
      ? t("memberships.mail.accepted.body", { group: group.name })
      : outcome === "waitlisted"
        ? t("memberships.mail.acceptedWaiting.body", { group: group.name })
        : t("memberships.mail.declined.body", { group: group.name });
  return composeMessage({
    to: reader.email,
    language,
    subject: t(
      accepted ? "memberships.mail.accepted.subject" : "memberships.mail.declined.subject",
      {
        group: group.name,
      },
    ),
    paragraphs: message ? [body, t("memberships.mail.message"), message] : [body],
    link: { intro: t("memberships.mail.link"), url: group.url },
  });
}

export function requestMessage(
  reader: Reader,
  group: GroupRef,
  name: string,
  requestsUrl: string,
): MailMessage {
  const { language, t } = speak(reader);
  return composeMessage({
    to: reader.email,
    language,
    subject: t("memberships.mail.request.subject", { name, group: group.name }),
    paragraphs: [],
    link: {
      intro: t("memberships.mail.request.body", { name, group: group.name }),
      url: requestsUrl,
    },
  });
}

/** What sending needs: the database to find people and groups, the mailer, the site's address. */
export type Notifier = {
  db: Executor;
  mailer: LaterMailer;
  publicUrl: URL;
};

/** The e-mails about offers, their people and groups found once for all of them. */
export async function offerReaders(db: Executor, offers: Offer[], publicUrl: URL) {
  const contacts = new Map(
    (await listContacts(db, [...new Set(offers.map((o) => o.personId))])).map((c) => [c.id, c]),
  );
  const groupRefs = new Map<string, GroupRef>();
  for (const groupId of new Set(offers.map((o) => o.groupId))) {
    const group = await getGroupById(db, groupId);
    if (group) {
      groupRefs.set(groupId, {
        name: group.name,
        url: new URL(`/groups/${group.slug}`, publicUrl).toString(),
        timeZone: group.timeZone,
      });
    }
  }
  return (offer: Offer) => {
    const reader = contacts.get(offer.personId);
    const group = groupRefs.get(offer.groupId);
    return reader && group ? { reader, group } : null;
  };
}

/**
 * Tells each person offered a place (and each whose offer lapsed) by e-mail. Called after the
 * transaction that made the offers has committed, so nobody is told of a place that was not saved.
 */
export async function sendOfferMails(
  notifier: Notifier,
  changes: { offers: Offer[]; lapsed?: Offer[] },
): Promise<void> {
  const all = [...changes.offers, ...(changes.lapsed ?? [])];
  if (all.length === 0) return;
  const about = await offerReaders(notifier.db, all, notifier.publicUrl);
  for (const offer of changes.offers) {
    const found = about(offer);
    if (!found) continue;
    // While the mail server is away, the offer's own job sends the e-mail when it is back and
    // holds the place 72 hours from then (offerMailJobs). (A server away longer than 72 hours
    // still lets the offer lapse and pass on.) Sent now, the job queued with the offer is done.
    let away = false;
    await notifier.mailer.sendOr(offerMessage(found.reader, found.group, offer.expiresAt), () => {
      away = true;
      return owedOfferMail(notifier.db, offer, { now: true });
    });
    if (!away) await removeJob(notifier.db, offerMailKey(offer.membershipId));
  }
  for (const lapsed of changes.lapsed ?? []) {
    const found = about(lapsed);
    if (found) await notifier.mailer.send(lapsedMessage(found.reader, found.group));
  }
}

// The e-mail that offers a place: queued with the offer, sent at once or by the queue.

/**
 * The job that sends an offer of a place whose e-mail did not go at once (memberships/jobs.ts).
 * Each offer queues it, 10 minutes ahead, in the transaction that makes the offer; the e-mail
 * sent at once takes it off the queue. So an offer is written about even when the server stops
 * between saving the offer and sending its e-mail.
 */
export const OFFER_MAIL_TASK = "memberships.offer-mail";
export type OfferMailPayload = { membershipId: string; heldUntil: string };
export const offerMailKey = (membershipId: string) => `offer-mail:${membershipId}`;
const OFFER_MAIL_SAFETY_SECONDS = 10 * 60;

/** Queues the offer's e-mail, due now (the mail server is away) or as the safety net. */
export async function owedOfferMail(
  tx: Executor,
  offer: Pick<Offer, "membershipId" | "expiresAt">,
  options: { now?: boolean } = {},
): Promise<void> {
  await enqueueJob(
    tx,
    OFFER_MAIL_TASK,
    {
      membershipId: offer.membershipId,
      heldUntil: offer.expiresAt.toISOString(),
    } satisfies OfferMailPayload,
    {
      key: offerMailKey(offer.membershipId),
      maxAttempts: LATER_MAIL_ATTEMPTS,
      delaySeconds: options.now ? 0 : OFFER_MAIL_SAFETY_SECONDS,
    },
  );
}

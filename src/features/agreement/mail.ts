import type { Database } from "../../infra/db/database.js";
import { formatDate, isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import type { Group } from "../groups/reads.js";
import { standing } from "../memberships/policy.js";
import { listActiveMembers } from "../memberships/reads.js";
import type { AgreementChange } from "./reads.js";

export type AgreementNews = "proposed" | "objected" | "adopted";

type Deps = { db: Database; mailer: Mailer; publicUrl: URL };

/**
 * Tells the group about its agreement: a proposed change goes to every member but the one who
 * proposed it (they may object until the date given); an objection goes to the people who
 * lead; a change that took effect goes to everyone, asking them to accept it again. An observer
 * is not told: the agreement is the members' own.
 */
export async function sendAgreementNews(
  deps: Deps,
  group: Group,
  change: AgreementChange,
  news: AgreementNews,
  now: Date,
): Promise<number> {
  const members = (await listActiveMembers(deps.db, group.id)).filter((m) => {
    const where = standing({ state: "active", role: m.role }, group, now);
    if (where === "observer") return false;
    if (news === "proposed") return m.personId !== change.proposedBy;
    if (news === "objected") return where === "facilitator" || where === "guide";
    return true;
  });
  const readers = await listContacts(
    deps.db,
    members.map((m) => m.personId),
  );
  const url = new URL(`/groups/${group.slug}/agreement`, deps.publicUrl).toString();
  for (const reader of readers) {
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    const until = formatDate(change.objectionsCloseAt, language, group.timeZone);
    const paragraphs =
      news === "proposed"
        ? [t("agreement.mail.proposed.body", { group: group.name, until })]
        : news === "objected"
          ? [t("agreement.mail.objected.body", { group: group.name })]
          : [t("agreement.mail.adopted.body", { group: group.name })];
    if (news === "proposed" && change.reason) {
      paragraphs.push(t("agreement.mail.reason", { reason: change.reason }));
    }
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t(`agreement.mail.${news}.subject`, { group: group.name }),
        paragraphs,
        link: { intro: t("agreement.mail.link"), url },
      }),
    );
  }
  return readers.length;
}

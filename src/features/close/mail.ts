import type { Database } from "../../infra/db/database.js";
import { formatDate, isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import type { LifeChange } from "./writes.js";

/** Tells each member the group is taking a break, starting again, or closing. */
export async function sendLifeChange(
  deps: { db: Database; mailer: Mailer; publicUrl: URL },
  group: { name: string; slug: string; timeZone: string },
  change: LifeChange,
  memberIds: string[],
  historyUntil: Date | null,
): Promise<void> {
  const path = change === "close" ? `/groups/${group.slug}/history` : `/groups/${group.slug}`;
  const url = new URL(path, deps.publicUrl).toString();
  for (const reader of await listContacts(deps.db, memberIds)) {
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    const until = historyUntil ? formatDate(historyUntil, language, group.timeZone) : "";
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t(`close.mail.${change}.subject`, { group: group.name }),
        paragraphs: [t(`close.mail.${change}.body`, { group: group.name, until })],
        link: { intro: t("close.mail.link"), url },
      }),
    );
  }
}

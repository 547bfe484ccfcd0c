import type { Database } from "../../infra/db/database.js";
import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";

/** Tells a person, plainly and kindly, that they are no longer a member of the group. */
export async function sendRemoved(
  deps: { db: Database; mailer: Mailer; publicUrl: URL },
  group: { name: string },
  personId: string,
): Promise<void> {
  const [reader] = await listContacts(deps.db, [personId]);
  if (!reader) return;
  const language = isLanguage(reader.language) ? reader.language : "en";
  const t = translator(language);
  await deps.mailer.send(
    composeMessage({
      to: reader.email,
      language,
      subject: t("roles.mail.removed.subject", { group: group.name }),
      paragraphs: [t("roles.mail.removed.body", { group: group.name })],
      link: {
        intro: t("roles.mail.removed.link"),
        url: new URL("/groups", deps.publicUrl).toString(),
      },
    }),
  );
}

import type { Database } from "../../infra/db/database.js";
import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import type { SplitGroup } from "./writes.js";

type Deps = { db: Database; mailer: Mailer; publicUrl: URL };

/** Asks each member to choose one of the two groups (or to leave). */
export async function sendSplitProposed(
  deps: Deps,
  group: { name: string; slug: string },
  personIds: string[],
): Promise<void> {
  const url = new URL(`/groups/${group.slug}/split`, deps.publicUrl).toString();
  for (const reader of await listContacts(deps.db, personIds)) {
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t("split.mail.proposed.subject", { group: group.name }),
        paragraphs: [t("split.mail.proposed.body", { group: group.name })],
        link: { intro: t("split.mail.proposed.link"), url },
      }),
    );
  }
}

/** Tells each member which group they are in now, with its address. */
export async function sendSplitDone(
  deps: Deps,
  parent: { name: string },
  made: SplitGroup[],
  placed: { personId: string; groupId: string }[],
): Promise<void> {
  const contacts = new Map(
    (
      await listContacts(
        deps.db,
        placed.map((p) => p.personId),
      )
    ).map((c) => [c.id, c]),
  );
  for (const { personId, groupId } of placed) {
    const reader = contacts.get(personId);
    const group = made.find((g) => g.id === groupId);
    if (!reader || !group) continue;
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t("split.mail.done.subject", { group: group.name }),
        paragraphs: [t("split.mail.done.body", { parent: parent.name, group: group.name })],
        link: {
          intro: t("split.mail.done.link"),
          url: new URL(`/groups/${group.slug}`, deps.publicUrl).toString(),
        },
      }),
    );
  }
}

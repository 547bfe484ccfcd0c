import type { Database } from "../../infra/db/database.js";
import { formatDateTime, isLanguage, translator } from "../../infra/i18n/i18n.js";
import { composeMessage } from "../../infra/mail/compose.js";
import type { Mailer } from "../../infra/mail/mailer.js";
import { describeSchedule } from "../../infra/time/describe-schedule.js";
import { listContacts } from "../accounts/reads.js";
import type { Group } from "../groups/reads.js";
import type { PlanChanges } from "../meetings/writes.js";
import { activeMemberIds } from "../memberships/reads.js";

/**
 * Tells every member at once that the group now meets at other times, in words and in their
 * language, with any meeting that no longer happens: e-mail is the channel that counts.
 */
export async function sendScheduleChanged(
  deps: { db: Database; mailer: Mailer; publicUrl: URL },
  group: Group,
  plan: PlanChanges,
): Promise<number> {
  const readers = await listContacts(deps.db, await activeMemberIds(deps.db, group.id));
  const url = new URL(`/groups/${group.slug}/meetings`, deps.publicUrl).toString();
  for (const reader of readers) {
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    const paragraphs = [
      t("settings.mail.body", { group: group.name, when: describeSchedule(group, language) }),
    ];
    for (const meeting of plan.cancelled) {
      paragraphs.push(
        t("settings.mail.cancelled", {
          when: formatDateTime(meeting.startsAt, language, group.timeZone),
        }),
      );
    }
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t("settings.mail.subject", { group: group.name }),
        paragraphs,
        link: { intro: t("settings.mail.link"), url },
      }),
    );
  }
  return readers.length;
}

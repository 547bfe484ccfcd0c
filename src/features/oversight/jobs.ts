import type { AppDeps } from "../../infra/http/deps.js";
import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { type JobSet, jobLog } from "../../infra/jobs/runner.js";
import { composeMessage } from "../../infra/mail/compose.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { listContacts } from "../accounts/reads.js";
import { getGroupById } from "../groups/reads.js";
import { listFacilitators } from "../memberships/reads.js";
import { listCoordinators } from "../organisations/reads.js";
import { listFullGroups, listLongWaitlists, listQuietGroups } from "./reads.js";
import { claimNotice, type NoticeKind } from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;

async function tell(
  deps: Deps,
  groupId: string,
  kind: NoticeKind,
  personIds: string[],
  path: (slug: string) => string,
) {
  const group = await getGroupById(deps.db, groupId);
  if (!group || personIds.length === 0) return false;
  for (const reader of await listContacts(deps.db, personIds)) {
    const language = isLanguage(reader.language) ? reader.language : "en";
    const t = translator(language);
    await deps.mailer.send(
      composeMessage({
        to: reader.email,
        language,
        subject: t(`oversight.mail.${kind}.subject`, { group: group.name }),
        paragraphs: [t(`oversight.mail.${kind}.body`, { group: group.name })],
        link: {
          intro: t("oversight.mail.link"),
          url: new URL(path(group.slug), deps.config.publicUrl).toString(),
        },
      }),
    );
  }
  return true;
}

/**
 * Tells the facilitators when their group is full, or 3 or more people have waited 4 weeks (time
 * to think of splitting), and an organisation's coordinators when one of its groups has held no
 * meeting for 90 days. Each notice at most once in 4 weeks. Returns how many were sent.
 */
export async function sendGroupNotices(deps: Deps, now: Date): Promise<number> {
  let sent = 0;
  const toFacilitators = [
    ...(await listFullGroups(deps.db)).map((g) => ({ id: g.id, kind: "full" as const })),
    ...(await listLongWaitlists(deps.db, now)).map((g) => ({ id: g.id, kind: "waiting" as const })),
  ];
  for (const { id, kind } of toFacilitators) {
    if (!(await claimNotice(deps.db, id, kind, now))) continue;
    const leaders = await listFacilitators(deps.db, id, now);
    if (await tell(deps, id, kind, leaders, (slug) => `/groups/${slug}/split`)) sent += 1;
  }
  for (const { id, organisationId } of await listQuietGroups(deps.db, now)) {
    if (!(await claimNotice(deps.db, id, "quiet", now))) continue;
    const coordinators = (await listCoordinators(deps.db, organisationId)).map((c) => c.personId);
    if (await tell(deps, id, "quiet", coordinators, () => `/organisations/${organisationId}`))
      sent += 1;
  }
  return sent;
}

/** The groups' notices, for the job queue: every hour, at 41 minutes past (UTC). */
export function oversightJobs(deps: Deps): JobSet {
  return {
    tasks: {
      "groups.notices": async (_payload, helpers) => {
        // Each notice is claimed before it is written: while the mail server is away its
        // e-mails wait in the queue rather than being lost for the 4 weeks of the claim.
        await sendGroupNotices(
          { ...deps, mailer: deliverNowOrLater(deps.mailer, deps.db, jobLog(helpers)) },
          deps.clock(),
        );
      },
    },
    schedule: [{ task: "groups.notices", match: "41 * * * *", identifier: "groups.notices" }],
  };
}

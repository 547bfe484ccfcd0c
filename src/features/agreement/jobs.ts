import type { AppDeps } from "../../infra/http/deps.js";
import { type JobSet, jobLog } from "../../infra/jobs/runner.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { getGroupById } from "../groups/reads.js";
import { sendAgreementNews } from "./mail.js";
import { settleAgreementChanges } from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;

/**
 * Adopts the changes whose 7 days passed without an objection, and asks every member of those
 * groups to accept the agreement again. Returns how many changes took effect.
 */
export async function adoptDueAgreements(deps: Deps, now: Date, groupId?: string) {
  const adopted = await settleAgreementChanges(deps.db, now, groupId);
  for (const change of adopted) {
    const group = await getGroupById(deps.db, change.groupId);
    if (group) {
      await sendAgreementNews(
        { db: deps.db, mailer: deps.mailer, publicUrl: deps.config.publicUrl },
        group,
        change,
        "adopted",
        now,
      );
    }
  }
  return adopted.length;
}

/** The agreement's scheduled work, for the job queue: every hour, at 11 minutes past (UTC). */
export function agreementJobs(deps: Deps): JobSet {
  return {
    tasks: {
      "groups.agreements": async (_payload, helpers) => {
        // The changes are saved before the members are written to: an address refused for good
        // is skipped, and while the mail server is away the e-mails wait in the queue.
        await adoptDueAgreements(
          { ...deps, mailer: deliverNowOrLater(deps.mailer, deps.db, jobLog(helpers)) },
          deps.clock(),
        );
      },
    },
    schedule: [{ task: "groups.agreements", match: "11 * * * *", identifier: "groups.agreements" }],
  };
}

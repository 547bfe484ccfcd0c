import type { Executor } from "../../infra/db/database.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { enqueueJob } from "../../infra/jobs/runner.js";
import { LATER_MAIL_ATTEMPTS } from "../../infra/mail/later.js";
import type { HelpRequest } from "./inputs.js";
import { helpRequests } from "./tables.js";

export const HELP_REQUEST_TASK = "matching.help-request";

/** What the help contact's e-mail is made of (see helpRequestMessage). */
export type HelpRequestMail = {
  to: string;
  language: Language;
  siteName: string;
  request: HelpRequest;
  answers: { question: string; answer: string }[];
};

/**
 * Takes a request for help once, by its form's id, and queues its e-mail in the same
 * transaction: the job queue sends it, and sends it again after a failure, so neither a second
 * click nor a mail server away for a moment loses or doubles it. False when it was already taken.
 */
export async function queueHelpRequest(
  db: Executor,
  input: { id: string; mail: HelpRequestMail },
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const taken = await tx
      .insert(helpRequests)
      .values({ id: input.id, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: helpRequests.id });
    if (taken.length === 0) return false;
    await enqueueJob(tx, HELP_REQUEST_TASK, input.mail, {
      key: `help-request:${input.id}`,
      maxAttempts: LATER_MAIL_ATTEMPTS,
    });
    return true;
  });
}

import type { AppDeps } from "../../infra/http/deps.js";
import type { JobSet } from "../../infra/jobs/runner.js";
import { helpRequestMessage } from "./mail.js";
import { HELP_REQUEST_TASK, type HelpRequestMail } from "./writes.js";

/** Sends each request for help queued by the help form; a failure is retried by the queue. */
export function helpRequestJobs(deps: Pick<AppDeps, "mailer">): JobSet {
  return {
    tasks: {
      [HELP_REQUEST_TASK]: async (payload) => {
        await deps.mailer.send(helpRequestMessage(payload as HelpRequestMail));
      },
    },
    schedule: [],
  };
}

import type { AppDeps } from "../../infra/http/deps.js";
import type { JobSet } from "../../infra/jobs/runner.js";
import { eraseClosedGroups } from "./writes.js";

/** Every night at 04:23 (UTC), closed groups whose 90 days have passed are erased. */
export function closingJobs(deps: Pick<AppDeps, "db" | "clock">): JobSet {
  return {
    tasks: {
      "groups.erase": async () => {
        await eraseClosedGroups(deps.db, deps.clock());
      },
    },
    schedule: [{ task: "groups.erase", match: "23 4 * * *", identifier: "groups.erase" }],
  };
}

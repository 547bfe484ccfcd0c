import { eq } from "drizzle-orm";
import type { AppDeps } from "../../infra/http/deps.js";
import type { JobSet } from "../../infra/jobs/runner.js";
import { refusedForGood } from "../../infra/mail/mailer.js";
import { listContacts } from "../accounts/reads.js";
import { groups } from "../groups/tables.js";
import { standing } from "../memberships/policy.js";
import { getMembership } from "../memberships/reads.js";
import { type AlertFacts, alertMessage, helpAddressMessage } from "./mail.js";
import { handlesAlerts } from "./policy.js";
import { alertRecipients, backupPersonOf } from "./reads.js";
import { crisisAlerts } from "./tables.js";
import {
  claimAlertMail,
  escalateUnseen,
  issueAlertLink,
  releaseAlertMail,
  settleAlertMail,
} from "./writes.js";

type Deps = Pick<AppDeps, "db" | "mailer" | "config" | "clock">;
type Payload = { alertId: string; round: number };

function isPayload(value: unknown): value is Payload {
  const p = value as Partial<Payload> | null;
  return typeof p?.alertId === "string" && typeof p.round === "number";
}

async function alertAndGroup(deps: Deps, alertId: string) {
  const [found] = await deps.db
    .select({ alert: crisisAlerts, group: groups })
    .from(crisisAlerts)
    .innerJoin(groups, eq(groups.id, crisisAlerts.groupId))
    .where(eq(crisisAlerts.id, alertId));
  return found ?? null;
}

/**
 * Sends one round of an alert's e-mails, each claimed per person first, so the job run twice,
 * or on two instances, writes to nobody twice. Those who handle the alert on the group's pages
 * get a link there (they sign in); anyone else a link that opens this alert alone. A round sent
 * again is not sent once someone has looked. Returns how many went.
 */
export async function sendAlertMail(deps: Deps, payload: Payload, now: Date): Promise<number> {
  const found = await alertAndGroup(deps, payload.alertId);
  if (!found) return 0;
  const { alert, group } = found;
  if (payload.round > 0 && alert.state !== "new") return 0;
  const facts: AlertFacts = {
    groupName: group.name,
    source: alert.source,
    category: alert.category,
    round: payload.round,
  };
  const base = deps.config.publicUrl;
  let recipients = await alertRecipients(deps.db, alert, payload.round, now);
  // Nobody leads the group now (no facilitator, no backup contact): the organisation's lead is
  // told at once rather than after a day of nobody looking.
  if (recipients.length === 0 && payload.round < 2) {
    recipients = await alertRecipients(deps.db, alert, 2, now);
    facts.leaderless = true;
  }
  if (recipients.length === 0 && payload.round !== 1) {
    // Nobody to go to: the people who run the instance are asked to reach the group. The job's
    // key makes this once per round; only a failure to send has it tried again.
    const to = deps.config.helpEmail;
    if (to) {
      const groupUrl = new URL(`/groups/${group.slug}`, base).toString();
      await deps.mailer.send(helpAddressMessage(to, { ...facts, groupUrl }));
    }
    return to ? 1 : 0;
  }
  const backup = await backupPersonOf(deps.db, group);
  let sent = 0;
  for (const reader of await listContacts(deps.db, recipients)) {
    const claim = { alertId: alert.id, personId: reader.id, round: payload.round };
    if (!(await claimAlertMail(deps.db, claim, now))) continue;
    try {
      const membership = await getMembership(deps.db, group.id, reader.id);
      const inGroup = handlesAlerts(standing(membership, group, now), reader.id === backup);
      const url = inGroup
        ? `/groups/${group.slug}/alerts/${alert.id}`
        : `/alerts/${await issueAlertLink(deps.db, { alertId: alert.id, personId: reader.id }, now)}`;
      await deps.mailer.send(
        alertMessage(reader, facts, { url: new URL(url, base).toString(), outside: !inGroup }),
      );
      await settleAlertMail(deps.db, claim, now);
      sent += 1;
    } catch (error) {
      // An address refused for good is not tried again; the others still go.
      if (refusedForGood(error)) {
        await settleAlertMail(deps.db, claim, now);
        continue;
      }
      // Not sent: released, so the job's next try sends it (and only what is still to send).
      await releaseAlertMail(deps.db, claim);
      throw error;
    }
  }
  return sent;
}

/** The crisis protocol's work for the job queue: alert e-mails, and alerts nobody looked at. */
export function crisisJobs(deps: Deps): JobSet {
  return {
    tasks: {
      "crisis-alert-mail": async (payload) => {
        if (isPayload(payload)) await sendAlertMail(deps, payload, deps.clock());
      },
      "crisis.escalate": async (_payload, helpers) => {
        const now = deps.clock();
        for (const moved of await escalateUnseen(deps.db, now)) {
          if (moved.round < 2) continue;
          const to = await alertRecipients(deps.db, moved, 2, now);
          if (to.length > 0) continue;
          // Ids only: the log never holds who the alert is about.
          helpers.logger.warn(
            `Crisis alert ${moved.id} has gone unseen through both rounds and its group has no safeguarding lead; ${
              deps.config.helpEmail
                ? "writing to the instance's help address"
                : "no help address (HELP_EMAIL) is set, so nobody else can be told"
            }`,
          );
        }
      },
    },
    schedule: [{ task: "crisis.escalate", match: "*/5 * * * *", identifier: "crisis.escalate" }],
  };
}

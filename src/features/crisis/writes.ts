import { and, eq, lte } from "drizzle-orm";
import { recordAudit } from "../../infra/audit/record.js";
import { hashSecret, newSecret } from "../../infra/crypto/tokens.js";
import { claimsOn } from "../../infra/db/claims.js";
import type { Executor } from "../../infra/db/database.js";
import { enqueueJob } from "../../infra/jobs/runner.js";
import type { AlertStep } from "./inputs.js";
import { ALERT_LOOK_MS, type StepRefusal, stepRefusal } from "./policy.js";
import { type NoteKind, withNote } from "./present.js";
import {
  type AlertSource,
  crisisAlertLinks,
  crisisAlertMailSent,
  crisisAlerts,
  type RiskCategory,
} from "./tables.js";

/** The alert's e-mails of one round go from the job queue, each claimed once per person. */
export async function queueAlertMail(tx: Executor, alertId: string, round: number) {
  await enqueueJob(
    tx,
    "crisis-alert-mail",
    { alertId, round },
    { key: `crisis:${alertId}:${round}` },
  );
}

/**
 * Raises a private alert that someone may be at risk, in the transaction of what set it off,
 * and queues its e-mails. The post is never touched: it stays on the board as written.
 */
export async function raiseAlert(
  tx: Executor,
  input: {
    groupId: string;
    postId: string;
    subjectId: string;
    source: AlertSource;
    category?: RiskCategory | null;
    raisedBy?: string | null;
    note?: string;
  },
  now: Date,
): Promise<{ id: string }> {
  const note = input.note ? withNote(null, { kind: "worry", text: input.note, at: now }) : null;
  const [alert] = await tx
    .insert(crisisAlerts)
    .values({
      groupId: input.groupId,
      postId: input.postId,
      subjectId: input.subjectId,
      source: input.source,
      category: input.category ?? null,
      raisedBy: input.raisedBy ?? null,
      note,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: crisisAlerts.id });
  // Ids and the kind only: never the words, never who was written about.
  await recordAudit(tx, {
    action: "crisis.alert_raised",
    actorId: input.raisedBy ?? null,
    subjectId: alert!.id,
    at: now,
    details: { groupId: input.groupId, source: input.source },
  });
  await queueAlertMail(tx, alert!.id, 0);
  return alert!;
}

export type Stepped = { ok: true; state: string } | { ok: false; reason: StepRefusal };

const audited: Record<
  AlertStep,
  "crisis.alert_seen" | "crisis.alert_acted" | "crisis.alert_closed"
> = { seen: "crisis.alert_seen", acted_on: "crisis.alert_acted", closed: "crisis.alert_closed" };
const noteKind: Record<Exclude<AlertStep, "seen">, NoteKind> = {
  acted_on: "acted",
  closed: "closed",
};

/**
 * Someone who handles the alert takes a step: seen (the first look is recorded, with who), acted
 * on, or closed with a note. Taken on the alert's row locked, so two people at once take their
 * steps one after the other; seeing an alert someone has already seen changes nothing.
 */
export async function takeStep(
  db: Executor,
  input: { alertId: string; personId: string; step: AlertStep; note: string },
  now: Date,
): Promise<Stepped> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.id, input.alertId))
      .for("update");
    if (!alert) return { ok: false, reason: "CLOSED" };
    const refused = stepRefusal(input.step, alert);
    if (refused) return { ok: false, reason: refused };
    const firstLook = alert.firstSeenAt === null;
    if (input.step === "seen" && !firstLook) return { ok: true, state: alert.state };
    const { step } = input;
    const note =
      step !== "seen" && input.note !== ""
        ? withNote(alert.note, { kind: noteKind[step], text: input.note, at: now })
        : alert.note;
    await tx
      .update(crisisAlerts)
      .set({
        state: step,
        note,
        ...(firstLook ? { firstSeenAt: now, firstSeenBy: input.personId } : {}),
        ...(step === "acted_on" ? { actedAt: now } : {}),
        ...(step === "closed" ? { closedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(crisisAlerts.id, alert.id));
    const event = { actorId: input.personId, subjectId: alert.id, at: now };
    const details = { groupId: alert.groupId };
    if (firstLook && step !== "seen") {
      await recordAudit(tx, { action: "crisis.alert_seen", ...event, details });
    }
    await recordAudit(tx, { action: audited[step], ...event, details });
    return { ok: true, state: step };
  });
}

/**
 * A link that opens one alert, without signing in, for someone who handles it from outside the
 * group (the organisation's lead; a guide after the handover). Only its hash is kept.
 */
export async function issueAlertLink(
  db: Executor,
  input: { alertId: string; personId: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  await db
    .insert(crisisAlertLinks)
    .values({ tokenHash: hashSecret(token), ...input, createdAt: now });
  return token;
}

/**
 * Each alert e-mail, one per alert, person and round: claimed before it is sent, settled once
 * the mail server took it, released when it could not go, so the job's next try sends it.
 */
export const {
  claim: claimAlertMail,
  settle: settleAlertMail,
  release: releaseAlertMail,
} = claimsOn<{ alertId: string; personId: string; round: number }>(crisisAlertMailSent, {
  alertId: crisisAlertMailSent.alertId,
  personId: crisisAlertMailSent.personId,
  round: crisisAlertMailSent.round,
});

/**
 * The alerts nobody has looked at in the promised time, moved on a round: sent again to the same
 * people (round 1), then, as long again after that, to the organisation's lead (round 2). An
 * alert still "new" is changed by nothing else, so its updated_at is when it last went out. Each
 * move is one conditional update, so two instances running this at once move an alert once.
 */
export async function escalateUnseen(
  db: Executor,
  now: Date,
): Promise<{ id: string; groupId: string; subjectId: string | null; round: number }[]> {
  const due = new Date(now.getTime() - ALERT_LOOK_MS);
  return db.transaction(async (tx) => {
    const moved = [];
    for (const round of [2, 1]) {
      const rows = await tx
        .update(crisisAlerts)
        .set({ round, updatedAt: now })
        .where(
          and(
            eq(crisisAlerts.state, "new"),
            eq(crisisAlerts.round, round - 1),
            lte(crisisAlerts.updatedAt, due),
          ),
        )
        .returning({
          id: crisisAlerts.id,
          groupId: crisisAlerts.groupId,
          subjectId: crisisAlerts.subjectId,
          round: crisisAlerts.round,
        });
      moved.push(...rows);
    }
    for (const alert of moved) {
      await recordAudit(tx, {
        action: "crisis.alert_escalated",
        actorId: null,
        subjectId: alert.id,
        at: now,
        details: { groupId: alert.groupId, round: alert.round },
      });
      await queueAlertMail(tx, alert.id, alert.round);
    }
    return moved;
  });
}

import type { Executor } from "../db/database.js";
import { auditEvents } from "./tables.js";

export type AuditAction =
  | "account.created"
  | "account.signed_in"
  | "account.signed_out"
  | "account.signed_out_everywhere"
  | "account.exported"
  | "account.deleted"
  | "account.passkey_added"
  | "account.passkey_removed"
  | "account.admin_created"
  | "crisis.alert_raised"
  | "crisis.alert_seen"
  | "crisis.alert_acted"
  | "crisis.alert_closed"
  | "crisis.alert_escalated"
  | "moderation.reported"
  | "moderation.hidden"
  | "moderation.restored"
  | "moderation.restore_asked"
  | "moderation.left_up";

/** Records who did what and when. Callers pass ids and small flags only, never content. */
export async function recordAudit(
  db: Executor,
  event: {
    action: AuditAction;
    actorId: string | null;
    subjectId?: string | null;
    at: Date;
    details?: Record<string, string | number | boolean>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    action: event.action,
    actorId: event.actorId,
    subjectId: event.subjectId ?? event.actorId,
    occurredAt: event.at,
    details: event.details ?? null,
  });
}

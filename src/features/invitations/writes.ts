import { and, eq, gt, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import { hashSecret, newSecret } from "../../infra/crypto/tokens.js";
import type { Executor } from "../../infra/db/database.js";
import type { MailFailure } from "../../infra/mail/mailer.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import { groups } from "../groups/tables.js";
import { memberships } from "../memberships/tables.js";
import { adjustCounts } from "../memberships/writes.js";
import { invitedAddress } from "./policy.js";
import { groupInvitations } from "./tables.js";

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;

/** Makes an invitation and returns its link's secret (only its hash is kept). */
export async function createInvitation(
  db: Executor,
  input: { groupId: string; email: string; invitedBy: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  await db.insert(groupInvitations).values({
    groupId: input.groupId,
    email: input.email,
    tokenHash: hashSecret(token),
    invitedBy: input.invitedBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
  });
  return token;
}

export type InviteResult =
  | { ok: true; expiresAt: Date }
  | { ok: false; reason: "ADDRESS_REFUSED" | "MAIL_UNAVAILABLE" };

/**
 * Makes an invitation and sends its e-mail (`send`, given the link's secret, says why it could
 * not go, if it could not). Nothing half done: the invitation is kept only once its e-mail has
 * gone, so a refused address or a mail server away leaves no link that nobody received.
 */
export async function invite(
  db: Executor,
  input: { groupId: string; email: string; invitedBy: string },
  now: Date,
  send: (token: string) => Promise<MailFailure | null>,
): Promise<InviteResult> {
  const mail: { failed: MailFailure | null } = { failed: null };
  try {
    return await db.transaction(async (tx) => {
      const token = await createInvitation(tx, input, now);
      mail.failed = await send(token);
      if (mail.failed) tx.rollback();
      return { ok: true, expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS) } as const;
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError) || !mail.failed) throw error;
    const reason = mail.failed.status === 503 ? "MAIL_UNAVAILABLE" : "ADDRESS_REFUSED";
    return { ok: false, reason };
  }
}

export type Invitation = typeof groupInvitations.$inferSelect;

/** Invitations sent to an address, forgotten when its account is deleted. */
export async function forgetInvitationsTo(db: Executor, email: string): Promise<void> {
  await db.delete(groupInvitations).where(sql`lower(${groupInvitations.email}) = lower(${email})`);
}

/** An invitation that can still be used, by its link's secret. */
export async function findInvitation(
  db: Executor,
  token: string,
  now: Date,
): Promise<Invitation | null> {
  const [row] = await db
    .select()
    .from(groupInvitations)
    .where(
      and(
        eq(groupInvitations.tokenHash, hashSecret(token)),
        isNull(groupInvitations.acceptedAt),
        gt(groupInvitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type AcceptResult =
  | { ok: true; groupId: string; state: "active" | "waitlisted" }
  | {
      ok: false;
      reason: "NO_INVITATION" | "ALREADY_IN_GROUP" | "NOT_TAKING_MEMBERS" | "OTHER_ADDRESS";
    };

/**
 * The invited person joins, having read the agreement: at once if a place is free, otherwise on
 * the waiting list. The group's way of joining (ask, closed) does not stop them: they were asked.
 * The link works once, and only for the account of the address it was sent to: a forwarded link
 * lets nobody else into the group, nor back someone it removed unless they are invited again.
 */
export async function acceptInvitation(
  db: Executor,
  input: { token: string; personId: string; email: string },
  now: Date,
): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(groupInvitations)
      .where(
        and(
          eq(groupInvitations.tokenHash, hashSecret(input.token)),
          isNull(groupInvitations.acceptedAt),
          gt(groupInvitations.expiresAt, now),
        ),
      )
      .for("update");
    if (!invitation) return { ok: false, reason: "NO_INVITATION" } as const;
    if (!invitedAddress(invitation, input.email)) {
      return { ok: false, reason: "OTHER_ADDRESS" } as const;
    }
    const [group] = await tx
      .select()
      .from(groups)
      .where(eq(groups.id, invitation.groupId))
      .for("update");
    if (group?.status !== "active") return { ok: false, reason: "NOT_TAKING_MEMBERS" } as const;
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.groupId, group.id), eq(memberships.personId, input.personId)))
      .for("update");
    if (existing && ["active", "waitlisted"].includes(existing.state)) {
      return { ok: false, reason: "ALREADY_IN_GROUP" } as const;
    }
    const held = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.groupId, group.id),
          eq(memberships.state, "waitlisted"),
          gt(memberships.offerExpiresAt, now),
        ),
      );
    const free = group.capacity - group.activeMemberCount - held.length > 0;
    const state = free ? ("active" as const) : ("waitlisted" as const);
    const values = {
      state,
      role: "member" as const,
      agreementAcceptedAt: now,
      joinedAt: free ? now : null,
      waitlistedAt: free ? null : now,
      requestedAt: null,
      endedAt: null,
      offeredAt: null,
      offerExpiresAt: null,
      updatedAt: now,
    };
    if (existing) await tx.update(memberships).set(values).where(eq(memberships.id, existing.id));
    else
      await tx
        .insert(memberships)
        .values({ ...values, groupId: group.id, personId: input.personId, createdAt: now });
    await adjustCounts(tx, group.id, free ? 1 : 0, free ? 0 : 1);
    await tx
      .update(groupInvitations)
      .set({ acceptedAt: now })
      .where(eq(groupInvitations.id, invitation.id));
    return { ok: true, groupId: group.id, state } as const;
  });
}

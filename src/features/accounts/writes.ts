import { and, eq, gt, isNull, lt, ne, sql, TransactionRollbackError } from "drizzle-orm";
import { recordAudit } from "../../infra/audit/record.js";
import { hashSecret, newSecret, newSixDigitCode, sameHash } from "../../infra/crypto/tokens.js";
import type { Database, Executor } from "../../infra/db/database.js";
import { HookPoint } from "../../infra/hooks/hook-point.js";
import { forgetRateLimit } from "../../infra/http/rate-limit.js";
import type { SignInMethod } from "../../infra/http/viewer.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { forgetQueuedMailTo } from "../../infra/mail/later.js";
import type { ProfileInput } from "./inputs.js";
import { sessionLifetime } from "./policy.js";
import { adminSetupTokens, people, sessions, signInRequests } from "./tables.js";

export const SIGN_IN_VALID_MS = 15 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
export const signInRateLimits = {
  perAddress: { name: "sign-in:address", limit: 5, windowSeconds: 30 * 60 },
  perIp: { name: "sign-in:ip", limit: 25, windowSeconds: 5 * 60 },
  codePerIp: { name: "sign-in-code:ip", limit: 25, windowSeconds: 5 * 60 },
} as const;

export type IssuedSignIn = {
  requestId: string;
  /** Kept by the browser that asked, in a cookie; only its hash is stored. */
  browserSecret: string;
  linkToken: string;
  code: string;
  expiresAt: Date;
  hasAccount: boolean;
};

/**
 * Issues a single-use link and code for an address, whether or not it has an account: the
 * caller answers the same either way. Older unused requests for the address stop working once
 * its e-mail has gone (supersedeSignIns).
 */
export async function issueSignIn(db: Executor, email: string, now: Date): Promise<IssuedSignIn> {
  const browserSecret = newSecret();
  const linkToken = newSecret();
  const code = newSixDigitCode();
  const expiresAt = new Date(now.getTime() + SIGN_IN_VALID_MS);
  return db.transaction(async (tx) => {
    // Requests long expired are swept as new ones arrive.
    await tx
      .delete(signInRequests)
      .where(lt(signInRequests.expiresAt, new Date(now.getTime() - 86_400_000)));
    const [row] = await tx
      .insert(signInRequests)
      .values({
        email,
        linkHash: hashSecret("link", linkToken),
        // The code only counts together with the asking browser's secret, so a leaked table
        // cannot be brute-forced offline and the code is useless in any other browser.
        codeHash: hashSecret("code", browserSecret, code),
        browserHash: hashSecret("browser", browserSecret),
        expiresAt,
        createdAt: now,
      })
      .returning({ id: signInRequests.id });
    const existing = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.email, email))
      .limit(1);
    return {
      requestId: row!.id,
      browserSecret,
      linkToken,
      code,
      expiresAt,
      hasAccount: existing.length > 0,
    };
  });
}

/**
 * Once the e-mail with a new link and code has gone, the earlier ones for that address stop
 * working. Not before: when it could not go, the person can still use the last one they had.
 */
export async function supersedeSignIns(
  db: Executor,
  issued: { email: string; requestId: string },
  now: Date,
): Promise<void> {
  await db
    .update(signInRequests)
    .set({ usedAt: now })
    .where(
      and(
        eq(signInRequests.email, issued.email),
        isNull(signInRequests.usedAt),
        ne(signInRequests.id, issued.requestId),
      ),
    );
}

/** A new sign-in whose e-mail could not go is no use to anyone. */
export async function withdrawSignIn(db: Executor, requestId: string): Promise<void> {
  await db.delete(signInRequests).where(eq(signInRequests.id, requestId));
}

export function browserMatches(
  request: { browserHash: string },
  browserSecret: string | undefined,
) {
  return (
    browserSecret !== undefined &&
    sameHash(request.browserHash, hashSecret("browser", browserSecret))
  );
}

type Redeemed =
  | { ok: true; personId: string; created: boolean }
  | { ok: false; reason: "INVALID_OR_USED" };

/** Marks a request used (at most once, even under concurrency) and finds or creates its person. */
async function redeem(
  db: Database,
  where: ReturnType<typeof and>,
  now: Date,
  language: Language,
): Promise<Redeemed> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(signInRequests)
      .set({ usedAt: now })
      .where(and(where, isNull(signInRequests.usedAt), gt(signInRequests.expiresAt, now)))
      .returning({ email: signInRequests.email });
    if (!used) return { ok: false, reason: "INVALID_OR_USED" } as const;
    const inserted = await tx
      .insert(people)
      .values({ email: used.email, language, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: people.email })
      .returning({ id: people.id });
    if (inserted[0]) {
      await recordAudit(tx, { action: "account.created", actorId: inserted[0].id, at: now });
      return { ok: true, personId: inserted[0].id, created: true } as const;
    }
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.email, used.email));
    return { ok: true, personId: person!.id, created: false } as const;
  });
}

export function redeemSignInLink(db: Database, linkToken: string, now: Date, language: Language) {
  return redeem(db, and(eq(signInRequests.linkHash, hashSecret("link", linkToken))), now, language);
}

export type CodeResult = Redeemed | { ok: false; reason: "WRONG_CODE" };

/** Checks a typed code against the request this browser made; five wrong tries end the request. */
export async function redeemSignInCode(
  db: Database,
  requestId: string,
  browserSecret: string,
  code: string,
  now: Date,
  language: Language,
): Promise<CodeResult> {
  // Each try is counted before the code is looked at, one at a time on the request's row: tries
  // sent all at once still get five between them, never one more.
  const [counted] = await db
    .update(signInRequests)
    .set({ failedCodeAttempts: sql`${signInRequests.failedCodeAttempts} + 1` })
    .where(
      and(
        eq(signInRequests.id, requestId),
        isNull(signInRequests.usedAt),
        lt(signInRequests.failedCodeAttempts, MAX_CODE_ATTEMPTS),
      ),
    )
    .returning({ id: signInRequests.id });
  if (!counted) return { ok: false, reason: "WRONG_CODE" };
  const result = await redeem(
    db,
    and(
      eq(signInRequests.id, requestId),
      eq(signInRequests.codeHash, hashSecret("code", browserSecret, code)),
    ),
    now,
    language,
  );
  return result.ok ? result : { ok: false, reason: "WRONG_CODE" };
}

/** Creates a server-side session; the returned secret goes in the cookie, its hash in the table. */
export async function startSession(
  db: Executor,
  personId: string,
  method: SignInMethod,
  now: Date,
): Promise<{ secret: string; maxAgeSeconds: number }> {
  const [person] = await db
    .select({ isAdmin: people.isAdmin })
    .from(people)
    .where(eq(people.id, personId));
  const lifetime = sessionLifetime({ isAdmin: person?.isAdmin ?? false });
  const secret = newSecret();
  await db.insert(sessions).values({
    idHash: hashSecret("session", secret),
    personId,
    method,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + lifetime.idleMs),
    absoluteExpiresAt: new Date(now.getTime() + lifetime.absoluteMs),
  });
  await recordAudit(db, {
    action: "account.signed_in",
    actorId: personId,
    at: now,
    details: { method },
  });
  return { secret, maxAgeSeconds: Math.floor(lifetime.absoluteMs / 1000) };
}

export function sessionIdHash(secret: string): string {
  return hashSecret("session", secret);
}

/** Pushes the idle expiry on; called at most every few minutes per session, not per request. */
export async function touchSession(db: Executor, idHash: string, isAdmin: boolean, now: Date) {
  const { idleMs } = sessionLifetime({ isAdmin });
  await db
    .update(sessions)
    .set({
      lastSeenAt: now,
      idleExpiresAt: sql`least(${new Date(now.getTime() + idleMs).toISOString()}::timestamptz, ${sessions.absoluteExpiresAt})`,
    })
    .where(eq(sessions.idHash, idHash));
}

export async function endSession(db: Executor, idHash: string, personId: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.idHash, idHash));
    await recordAudit(tx, { action: "account.signed_out", actorId: personId, at: now });
  });
}

/**
 * Signs the person out on every device, and voids any sign-in link or code still waiting in
 * their mailbox: someone who fears another has their account is locked out at once.
 */
export async function endAllSessions(db: Executor, personId: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.personId, personId));
    const [person] = await tx
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, personId));
    if (person) {
      await tx
        .update(signInRequests)
        .set({ usedAt: now })
        .where(and(eq(signInRequests.email, person.email), isNull(signInRequests.usedAt)));
    }
    await recordAudit(tx, { action: "account.signed_out_everywhere", actorId: personId, at: now });
  });
}

export async function updateProfile(
  db: Executor,
  personId: string,
  changes: Partial<ProfileInput>,
  now: Date,
) {
  if (Object.keys(changes).length === 0) return;
  await db
    .update(people)
    .set({ ...changes, updatedAt: now })
    .where(eq(people.id, personId));
}

export async function recordExport(db: Executor, personId: string, now: Date) {
  await recordAudit(db, { action: "account.exported", actorId: personId, at: now });
}

/**
 * Work the features above add to erasing a person, in its transaction, before the person's row
 * goes: the groups end their places in groups (so each group's count of members and of people
 * waiting stays true, and a freed place goes to the next person waiting) and forget the
 * invitations sent to their address.
 */
export const accountErasure = new HookPoint<{
  tx: Executor;
  personId: string;
  email: string;
  now: Date;
}>("account erasure");

/**
 * Erases the person: what the features above registered at `accountErasure` is done, the row
 * goes (sessions, passkeys and memberships with it), so do their pending sign-in requests, the
 * e-mails to their address still waiting for the mail server and the hashed rate-limit counters
 * keyed by it. Only an opaque id stays in the audit log.
 */
export async function deleteAccount(db: Executor, personId: string, now: Date) {
  await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, personId));
    if (!person) return;
    await tx.delete(signInRequests).where(eq(signInRequests.email, person.email));
    await forgetRateLimit(tx, [signInRateLimits.perAddress.name], person.email);
    await accountErasure.run({ tx, personId, email: person.email, now });
    await forgetQueuedMailTo(tx, person.email);
    await tx.delete(people).where(eq(people.id, personId));
    await recordAudit(tx, { action: "account.deleted", actorId: personId, at: now });
  });
}

/** Makes the address an administrator, creating the account when it has none. */
async function promoteToAdministrator(tx: Executor, email: string, now: Date): Promise<string> {
  const [row] = await tx
    .insert(people)
    .values({ email, isAdmin: true, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: people.email, set: { isAdmin: true, updatedAt: now } })
    .returning({ id: people.id });
  // Sessions begun before the promotion would keep a member's long limits: they end.
  await tx.delete(sessions).where(eq(sessions.personId, row!.id));
  await recordAudit(tx, {
    action: "account.admin_created",
    actorId: null,
    subjectId: row!.id,
    at: now,
  });
  return row!.id;
}

export async function makeAdministrator(
  db: Database,
  email: string,
  now: Date,
): Promise<{ personId: string }> {
  return db.transaction(async (tx) => ({ personId: await promoteToAdministrator(tx, email, now) }));
}

/** A fresh one-time setup link (24 hours); earlier unused ones stop working. */
export async function issueSetupToken(db: Database, now: Date): Promise<string> {
  const token = newSecret();
  await db.transaction(async (tx) => {
    await tx.update(adminSetupTokens).set({ usedAt: now }).where(isNull(adminSetupTokens.usedAt));
    await tx.insert(adminSetupTokens).values({
      tokenHash: hashSecret("setup", token),
      expiresAt: new Date(now.getTime() + 86_400_000),
      createdAt: now,
    });
  });
  return token;
}

export function setupTokenHash(token: string) {
  return hashSecret("setup", token);
}

/**
 * Uses the setup token once and makes the address the first administrator, keeping both only
 * once `sendSignIn` (given the transaction) has sent the new administrator a way in: when it
 * could not, nothing is kept and the same link still works.
 */
export async function completeSetup(
  db: Database,
  input: { token: string; email: string; sendSignIn: (tx: Executor) => Promise<boolean> },
  now: Date,
) {
  const { token, email } = input;
  try {
    return await db.transaction(async (tx) => {
      const [used] = await tx
        .update(adminSetupTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(adminSetupTokens.tokenHash, setupTokenHash(token)),
            isNull(adminSetupTokens.usedAt),
            gt(adminSetupTokens.expiresAt, now),
          ),
        )
        .returning({ tokenHash: adminSetupTokens.tokenHash });
      if (!used) return { ok: false, reason: "SETUP_LINK_INVALID" } as const;
      const admins = await tx
        .select({ id: people.id })
        .from(people)
        .where(eq(people.isAdmin, true))
        .limit(1);
      if (admins.length > 0) return { ok: false, reason: "SETUP_LINK_INVALID" } as const;
      const personId = await promoteToAdministrator(tx, email, now);
      if (!(await input.sendSignIn(tx))) tx.rollback();
      return { ok: true, personId } as const;
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError)
      return { ok: false, reason: "NOT_SENT" } as const;
    throw error;
  }
}

import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { and, eq, gt } from "drizzle-orm";
import { recordAudit } from "../../../infra/audit/record.js";
import type { Database, Executor } from "../../../infra/db/database.js";
import { passkeyChallenges, passkeys, people } from "../tables.js";

const CHALLENGE_VALID_MS = 5 * 60 * 1000;

/** Loaded on first use: it is the slowest module to load and most requests never need it. */
const webauthn = () => import("@simplewebauthn/server");

export type RelyingParty = { name: string; id: string; origin: string };

/** Takes a challenge out of the table: each is good for one answer, from the browser holding its id. */
async function consumeChallenge(db: Executor, id: string, purpose: string, now: Date) {
  const [row] = await db
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.id, id),
        eq(passkeyChallenges.purpose, purpose),
        gt(passkeyChallenges.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function startPasskeyRegistration(
  db: Database,
  rp: RelyingParty,
  personId: string,
  now: Date,
) {
  const [person] = await db
    .select({ email: people.email, displayName: people.displayName })
    .from(people)
    .where(eq(people.id, personId));
  const existing = await db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.personId, personId));
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: person?.email ?? personId,
    userDisplayName: person?.displayName ?? "",
    userID: new TextEncoder().encode(personId),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports as never })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const [challenge] = await db
    .insert(passkeyChallenges)
    .values({
      challenge: options.challenge,
      purpose: "register",
      personId,
      expiresAt: new Date(now.getTime() + CHALLENGE_VALID_MS),
    })
    .returning({ id: passkeyChallenges.id });
  return { challengeId: challenge!.id, options };
}

export async function finishPasskeyRegistration(
  db: Database,
  rp: RelyingParty,
  input: {
    personId: string;
    challengeId: string;
    response: RegistrationResponseJSON;
    name: string;
  },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const challenge = await consumeChallenge(tx, input.challengeId, "register", now);
    if (!challenge || challenge.personId !== input.personId)
      return { ok: false, reason: "CHALLENGE_INVALID" } as const;
    const verification = await (await webauthn())
      .verifyRegistrationResponse({
        response: input.response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: true,
      })
      .catch(() => null);
    if (!verification?.verified) return { ok: false, reason: "NOT_VERIFIED" } as const;
    const info = verification.registrationInfo;
    const inserted = await tx
      .insert(passkeys)
      .values({
        id: info.credential.id,
        personId: input.personId,
        publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
        counter: info.credential.counter,
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: input.name,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id });
    if (!inserted[0]) return { ok: false, reason: "ALREADY_REGISTERED" } as const;
    await recordAudit(tx, { action: "account.passkey_added", actorId: input.personId, at: now });
    return { ok: true, passkeyId: inserted[0].id } as const;
  });
}

export async function startPasskeySignIn(db: Database, rp: RelyingParty, now: Date) {
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
  });
  const [challenge] = await db
    .insert(passkeyChallenges)
    .values({
      challenge: options.challenge,
      purpose: "sign-in",
      expiresAt: new Date(now.getTime() + CHALLENGE_VALID_MS),
    })
    .returning({ id: passkeyChallenges.id });
  return { challengeId: challenge!.id, options };
}

export async function finishPasskeySignIn(
  db: Database,
  rp: RelyingParty,
  input: { challengeId: string; response: AuthenticationResponseJSON },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const challenge = await consumeChallenge(tx, input.challengeId, "sign-in", now);
    if (!challenge) return { ok: false, reason: "CHALLENGE_INVALID" } as const;
    const [stored] = await tx
      .select()
      .from(passkeys)
      .where(eq(passkeys.id, input.response.id))
      .limit(1);
    if (!stored) return { ok: false, reason: "NOT_VERIFIED" } as const;
    const verification = await (await webauthn())
      .verifyAuthenticationResponse({
        response: input.response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: true,
        credential: {
          id: stored.id,
          publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
          counter: stored.counter,
          transports: stored.transports as never,
        },
      })
      .catch(() => null);
    if (!verification?.verified) return { ok: false, reason: "NOT_VERIFIED" } as const;
    await tx
      .update(passkeys)
      .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: now })
      .where(eq(passkeys.id, stored.id));
    return { ok: true, personId: stored.personId } as const;
  });
}

export async function removePasskey(db: Executor, personId: string, passkeyId: string, now: Date) {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.personId, personId)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) return false;
    await recordAudit(tx, { action: "account.passkey_removed", actorId: personId, at: now });
    return true;
  });
}

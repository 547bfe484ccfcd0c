import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.js";
import { rateLimitCounters } from "./tables.js";

export type RateLimit = { name: string; limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Subjects (addresses, IPs) are hashed: the counters table never holds them in plain text. */
export function rateLimitKey(name: string, subject: string): string {
  return `${name}:${createHash("sha256").update(subject).digest("base64url")}`;
}

/**
 * Counts one hit in a fixed window kept in PostgreSQL, so every instance shares the count and a
 * restart does not reset it. One round trip: the upsert starts a new window when the old one ended.
 */
export async function hitRateLimit(
  db: Executor,
  rule: RateLimit,
  subject: string,
  now: Date,
): Promise<RateLimitResult> {
  const key = rateLimitKey(rule.name, subject);
  const windowEndedBefore = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db
    .insert(rateLimitCounters)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${rateLimitCounters.windowStartedAt} <= ${windowEndedBefore.toISOString()} then 1 else ${rateLimitCounters.hits} + 1 end`,
        windowStartedAt: sql`case when ${rateLimitCounters.windowStartedAt} <= ${windowEndedBefore.toISOString()} then ${now.toISOString()}::timestamptz else ${rateLimitCounters.windowStartedAt} end`,
      },
    })
    .returning({
      hits: rateLimitCounters.hits,
      windowStartedAt: rateLimitCounters.windowStartedAt,
    });
  const row = rows[0];
  if (!row || row.hits <= rule.limit) return { allowed: true };
  const endsAt = row.windowStartedAt.getTime() + rule.windowSeconds * 1000;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/**
 * Gives back one hit counted by hitRateLimit, for an attempt that came to nothing through no doing
 * of the person's (the mail server was away, so no e-mail went).
 */
export async function takeBackHit(db: Executor, rule: RateLimit, subject: string): Promise<void> {
  await db
    .update(rateLimitCounters)
    .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
    .where(sql`${rateLimitCounters.key} = ${rateLimitKey(rule.name, subject)}`);
}

export async function forgetRateLimit(db: Executor, names: string[], subject: string) {
  for (const name of names) {
    await db
      .delete(rateLimitCounters)
      .where(sql`${rateLimitCounters.key} = ${rateLimitKey(name, subject)}`);
  }
}

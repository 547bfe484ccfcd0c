import { eq, lt, TransactionRollbackError } from "drizzle-orm";
import type { Database, Executor } from "../db/database.js";
import { ONCE_FIELD } from "../html/once-field.js";
import { isUuid } from "./ids.js";
import { formSubmissions } from "./tables.js";

/** How long a form's id is remembered: long enough for a page sent again after a while. */
const REMEMBERED_MS = 7 * 86_400_000;

/** The id a posted form carries, when it is one of ours; null for one without (the JSON API). */
export function submissionIdOf(body: unknown): string | null {
  const value =
    body && typeof body === "object" ? (body as Record<string, unknown>)[ONCE_FIELD] : null;
  return typeof value === "string" && isUuid(value) ? value : null;
}

export type OnceOutcome<T> = { sentTwice: false; outcome: T } | { sentTwice: true; ledTo: string };

/**
 * Does a form's work once, however often the same filling-in is sent. The id is claimed in the
 * work's transaction: a second sending waits for the first to commit and is given where the first
 * led (`fallback` if it is not known), to go there rather than do it again. Work that does not
 * succeed keeps nothing, not even the claim, so the form can be put right and sent again; a form
 * without an id (`null`) has its work done in a transaction all the same.
 */
export async function onceOnly<T extends { ok: boolean }>(
  db: Database,
  submissionId: string | null,
  now: Date,
  work: (tx: Executor) => Promise<T>,
  options: { ledTo: (done: T) => string; fallback: string },
): Promise<OnceOutcome<T>> {
  let refused: T | undefined;
  try {
    return await db.transaction(async (tx): Promise<OnceOutcome<T>> => {
      if (submissionId) {
        const claimed = await tx
          .insert(formSubmissions)
          .values({ id: submissionId, submittedAt: now })
          .onConflictDoNothing()
          .returning({ id: formSubmissions.id });
        if (claimed.length === 0) {
          return {
            sentTwice: true,
            ledTo: (await ledToBefore(tx, submissionId)) ?? options.fallback,
          };
        }
      }
      const outcome = await work(tx);
      if (!outcome.ok) {
        refused = outcome;
        tx.rollback();
      }
      if (submissionId) {
        await tx
          .update(formSubmissions)
          .set({ ledTo: options.ledTo(outcome) })
          .where(eq(formSubmissions.id, submissionId));
      }
      return { sentTwice: false, outcome };
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError && refused) {
      return { sentTwice: false, outcome: refused };
    }
    throw error;
  }
}

/**
 * Where a form's first sending led, when this filling-in was sent before; null otherwise. For a
 * form whose sending changes who may send it (a proposal, once open, bars another), asked before
 * that check: the second sending of a double click then follows the first, not a refusal.
 */
export async function ledToBefore(
  db: Executor,
  submissionId: string | null,
): Promise<string | null> {
  if (!submissionId) return null;
  const [first] = await db
    .select({ ledTo: formSubmissions.ledTo })
    .from(formSubmissions)
    .where(eq(formSubmissions.id, submissionId));
  return first?.ledTo ?? null;
}

/** Forgets the ids of forms sent more than a week ago; returns how many. */
export async function forgetOldSubmissions(db: Executor, now: Date): Promise<number> {
  const removed = await db
    .delete(formSubmissions)
    .where(lt(formSubmissions.submittedAt, new Date(now.getTime() - REMEMBERED_MS)))
    .returning({ id: formSubmissions.id });
  return removed.length;
}

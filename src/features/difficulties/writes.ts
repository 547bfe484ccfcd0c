import { eq } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { difficulties } from "./tables.js";

type Texts = { nameEn: string; nameIt: string; descriptionEn: string; descriptionIt: string };

export async function addDifficulty(db: Executor, input: Texts & { slug: string }, now: Date) {
  const inserted = await db
    .insert(difficulties)
    .values({
      slug: input.slug,
      names: { en: input.nameEn, it: input.nameIt },
      descriptions: { en: input.descriptionEn, it: input.descriptionIt },
      sortOrder: 1000,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return inserted[0]
    ? ({ ok: true, difficulty: inserted[0] } as const)
    : ({ ok: false, reason: "SLUG_TAKEN" } as const);
}

/** Renames and translates; groups keep naming the difficulty by its slug. */
export async function editDifficulty(db: Executor, slug: string, input: Texts, now: Date) {
  const [updated] = await db
    .update(difficulties)
    .set({
      names: { en: input.nameEn, it: input.nameIt },
      descriptions: { en: input.descriptionEn, it: input.descriptionIt },
      updatedAt: now,
    })
    .where(eq(difficulties.slug, slug))
    .returning();
  return updated ?? null;
}

/** A retired difficulty is no longer offered to new groups or searches; its groups keep it. */
export async function retireDifficulty(db: Executor, slug: string, retire: boolean, now: Date) {
  const [updated] = await db
    .update(difficulties)
    .set({ retiredAt: retire ? now : null, updatedAt: now })
    .where(eq(difficulties.slug, slug))
    .returning();
  return updated ?? null;
}

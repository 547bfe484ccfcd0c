import { asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { preparedQuery } from "../../infra/db/prepared.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { difficulties } from "./tables.js";

export type DifficultyOption = { slug: string; name: string; description: string };

const offeredDifficulties = (db: Executor) =>
  db
    .select({
      slug: difficulties.slug,
      names: difficulties.names,
      descriptions: difficulties.descriptions,
    })
    .from(difficulties)
    .where(isNull(difficulties.retiredAt))
    .orderBy(asc(difficulties.sortOrder), asc(difficulties.slug))
    .prepare("offered_difficulties");

/** The difficulties a group can name, in the reader's language, in the taxonomy's order. */
export async function listDifficulties(
  db: Executor,
  language: Language,
): Promise<DifficultyOption[]> {
  const rows = await preparedQuery(db, "offered_difficulties", offeredDifficulties).execute();
  return rows.map((d) => ({
    slug: d.slug,
    name: d.names[language] || d.names.en,
    description: d.descriptions[language] || d.descriptions.en,
  }));
}

/** Names of the given difficulties, in the reader's language (retired ones included). */
export async function difficultyNames(
  db: Executor,
  slugs: string[],
  language: Language,
): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.select().from(difficulties);
  const bySlug = new Map(rows.map((d) => [d.slug, d.names[language] || d.names.en]));
  return slugs.map((slug) => bySlug.get(slug) ?? slug);
}

/** Every difficulty, retired ones too, with both languages: for administrators. */
export async function listAllDifficulties(db: Executor) {
  return db
    .select()
    .from(difficulties)
    .orderBy(asc(difficulties.sortOrder), asc(difficulties.slug));
}

export async function getDifficulty(db: Executor, slug: string) {
  const [row] = await db.select().from(difficulties).where(eq(difficulties.slug, slug)).limit(1);
  return row ?? null;
}

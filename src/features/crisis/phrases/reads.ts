import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { compilePhrases, type PhraseMatcher } from "../../../infra/text/phrase-matcher.js";
import { type RiskCategory, riskPhrases } from "../tables.js";

export type PhraseRow = { id: string; language: string; phrase: string; category: RiskCategory };

const phraseFields = {
  id: riskPhrases.id,
  language: riskPhrases.language,
  phrase: riskPhrases.phrase,
  category: riskPhrases.category,
};

/** The risk phrases, by language then alphabetically, for the administrators' list. */
export async function listRiskPhrases(db: Executor): Promise<PhraseRow[]> {
  return db
    .select(phraseFields)
    .from(riskPhrases)
    .orderBy(asc(riskPhrases.language), asc(riskPhrases.phrase));
}

/** Phrases shown on one page of the administrators' list. */
export const PHRASES_PER_PAGE = 25;

/**
 * One page of one language's phrases of one kind, with how many there are in all, and the
 * languages that have a list: a list of hundreds on one page is more than anyone can read.
 */
export async function listPhrasePage(
  db: Executor,
  at: { language: string; category: RiskCategory; page: number },
): Promise<{ phrases: PhraseRow[]; total: number; languages: string[] }> {
  const where = and(eq(riskPhrases.language, at.language), eq(riskPhrases.category, at.category));
  const [phrases, [counted], languages] = await Promise.all([
    db
      .select(phraseFields)
      .from(riskPhrases)
      .where(where)
      .orderBy(asc(riskPhrases.phrase))
      .limit(PHRASES_PER_PAGE)
      .offset((at.page - 1) * PHRASES_PER_PAGE),
    db.select({ n: sql<number>`count(*)::int` }).from(riskPhrases).where(where),
    db
      .selectDistinct({ language: riskPhrases.language })
      .from(riskPhrases)
      .orderBy(asc(riskPhrases.language)),
  ]);
  return { phrases, total: counted?.n ?? 0, languages: languages.map((l) => l.language) };
}

export async function getRiskPhrase(db: Executor, id: string): Promise<PhraseRow | null> {
  const [row] = await db.select(phraseFields).from(riskPhrases).where(eq(riskPhrases.id, id));
  return row ?? null;
}

type Compiled = { stamp: string; matcher: PhraseMatcher<PhraseRow> };

/**
 * Each language's list, compiled once, in this process. Before every check one small query
 * reads each language's stamp (its database, how many phrases, the latest change): an edit by
 * an administrator on any instance is in force for the very next post, everywhere, and the list
 * is compiled again only when its stamp moved. A removal changes the count, an addition or an
 * edit the latest change, so no edit goes unseen; the database's name keeps apart two databases
 * used by one process (tests).
 */
const compiled = new Map<string, Compiled>();

/** The compiled lists of these languages, fresh as of now. */
export async function matchersFor(
  db: Executor,
  languages: readonly string[],
): Promise<PhraseMatcher<PhraseRow>[]> {
  if (languages.length === 0) return [];
  const stamps = await db
    .select({
      language: riskPhrases.language,
      stamp: sql<string>`current_database() || ':' || count(*) || ':' || coalesce(max(${riskPhrases.updatedAt})::text, '')`,
    })
    .from(riskPhrases)
    .where(inArray(riskPhrases.language, [...languages]))
    .groupBy(riskPhrases.language);
  const matchers: PhraseMatcher<PhraseRow>[] = [];
  for (const { language, stamp } of stamps) {
    let entry = compiled.get(language);
    if (entry?.stamp !== stamp) {
      const rows = await db
        .select(phraseFields)
        .from(riskPhrases)
        .where(eq(riskPhrases.language, language));
      entry = { stamp, matcher: compilePhrases(rows) };
      compiled.set(language, entry);
    }
    matchers.push(entry.matcher);
  }
  return matchers;
}

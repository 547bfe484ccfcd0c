import { eq } from "drizzle-orm";
import type { Executor } from "../../../infra/db/database.js";
import { firstPhrase } from "../../../infra/text/phrase-matcher.js";
import type { Published } from "../../board/writes.js";
import { groups } from "../../groups/tables.js";
import { hasOpenPhraseAlert } from "../reads.js";
import { type RiskCategory, riskPhrases } from "../tables.js";
import { raiseAlert } from "../writes.js";
import { matchersFor } from "./reads.js";

/** Where the author of words that matched goes at once: a calm page of urgent help. */
export const urgentHelpPath = (slug: string, postId: string) =>
  `/groups/${slug}/urgent-help?post=${postId}`;

/**
 * Every post, reply and edit is checked against the risk phrases of the group's languages, in
 * the transaction that saves it. On a match the post stays as written (never hidden, never
 * held); an alert goes privately to those who look after the group, and the author is sent to
 * the urgent-help page. An edit whose words still match, while an alert raised by the post's
 * words is open, raises no second one.
 */
export async function checkPublished({
  tx,
  groupId,
  post,
  title,
  edited,
  now,
}: Published): Promise<{ landing: string } | undefined> {
  if (!post.authorId) return undefined;
  const [group] = await tx
    .select({ slug: groups.slug, languages: groups.languages })
    .from(groups)
    .where(eq(groups.id, groupId));
  if (!group) return undefined;
  let found: { category: RiskCategory } | null = null;
  for (const matcher of await matchersFor(tx, group.languages)) {
    // A thread's title is words of the author's too ("I can't go on").
    found = firstPhrase(matcher, title === null ? post.body : `${title}\n\n${post.body}`);
    if (found) break;
  }
  if (!found) return undefined;
  if (!(edited && (await hasOpenPhraseAlert(tx, post.id)))) {
    await raiseAlert(
      tx,
      {
        groupId,
        postId: post.id,
        subjectId: post.authorId,
        source: "phrase",
        category: found.category,
      },
      now,
    );
  }
  return { landing: urgentHelpPath(group.slug, post.id) };
}

export type PhraseAdded = { ok: true; id: string } | { ok: false; reason: "ALREADY_LISTED" };

/** An administrator adds a phrase: it is checked from the next post on, on every instance. */
export async function addRiskPhrase(
  db: Executor,
  input: { language: string; phrase: string; category: RiskCategory },
  now: Date,
): Promise<PhraseAdded> {
  const [row] = await db
    .insert(riskPhrases)
    .values({ ...input, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: riskPhrases.id });
  return row ? { ok: true, id: row.id } : { ok: false, reason: "ALREADY_LISTED" };
}

/** An administrator takes a phrase off the list. */
export async function removeRiskPhrase(db: Executor, id: string): Promise<void> {
  await db.delete(riskPhrases).where(eq(riskPhrases.id, id));
}

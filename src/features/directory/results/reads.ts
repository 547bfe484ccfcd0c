import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../../infra/db/database.js";
import { preparedQuery } from "../../../infra/db/prepared.js";
import type { Language } from "../../../infra/i18n/i18n.js";
import { dateTimeFormat } from "../../../infra/i18n/intl-cache.js";
import { difficultyNames } from "../../difficulties/reads.js";
import { groupDifficulties } from "../../groups/tables.js";
import type { GroupDifficulty } from "../reads.js";

// What each result of a search carries besides its row: its first meeting while still to come,
// and its difficulties named in the reader's language.

/** A first meeting still to come is worth saying; one in the past is not. */
export function laterThan(startsOn: string | null, timeZone: string, now: Date): string | null {
  if (!startsOn) return null;
  let today: string;
  try {
    today = dateTimeFormat("en-CA", { timeZone }).format(now);
  } catch {
    today = now.toISOString().slice(0, 10);
  }
  return startsOn > today ? startsOn : null;
}

const difficultiesOfGroups = (db: Executor) =>
  db
    .select({ groupId: groupDifficulties.groupId, slug: groupDifficulties.difficultySlug })
    .from(groupDifficulties)
    .where(sql`${groupDifficulties.groupId} = any(${sql.placeholder("groupIds")}::uuid[])`)
    .prepare("difficulties_of_groups");

/** Each group's difficulties, named in the reader's language, in the taxonomy's order. */
export async function difficultiesOf(
  db: Database,
  groupIds: string[],
  offered: GroupDifficulty[],
  language: Language,
): Promise<Map<string, GroupDifficulty[]>> {
  const byGroup = new Map<string, GroupDifficulty[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await preparedQuery(db, "difficulties_of_groups", difficultiesOfGroups).execute({
    groupIds,
  });
  const names = new Map(offered.map((d) => [d.slug, d.name]));
  const retired = [...new Set(rows.map((row) => row.slug))].filter((slug) => !names.has(slug));
  const retiredNames = await difficultyNames(db, retired, language);
  for (const [index, slug] of retired.entries()) names.set(slug, retiredNames[index] ?? slug);
  // Offered ones in the taxonomy's order, then any retired ones.
  const order = new Map([...names.keys()].map((slug, index) => [slug, index]));
  for (const row of rows) {
    const list = byGroup.get(row.groupId) ?? [];
    list.push({ slug: row.slug, name: names.get(row.slug) ?? row.slug });
    byGroup.set(row.groupId, list);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
  }
  return byGroup;
}

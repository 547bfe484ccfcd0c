import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { groupDifficulties, groupOneOffDates, groups } from "../groups/tables.js";

/**
 * What the feeds may know of a group. The members-only columns (video link, telephone number and
 * PIN, exact coordinates) are never selected, and the street address, venue and postal code come
 * back null unless the group publishes its address: the private ones never leave the database.
 */
const feedColumns = {
  id: groups.id,
  slug: groups.slug,
  name: groups.name,
  description: groups.description,
  format: groups.format,
  languages: groups.languages,
  venueName: sql<string | null>`case when ${groups.publishAddress} then ${groups.venueName} end`,
  streetAddress: sql<
    string | null
  >`case when ${groups.publishAddress} then ${groups.streetAddress} end`,
  postalCode: sql<string | null>`case when ${groups.publishAddress} then ${groups.postalCode} end`,
  town: groups.town,
  country: groups.country,
  publishAddress: groups.publishAddress,
  publicLatitude: groups.publicLatitude,
  publicLongitude: groups.publicLongitude,
  stepFree: groups.stepFree,
  accessibleToilet: groups.accessibleToilet,
  timeZone: groups.timeZone,
  scheduleKind: groups.scheduleKind,
  rrule: groups.rrule,
  startsOn: groups.startsOn,
  startTime: groups.startTime,
  durationMinutes: groups.durationMinutes,
  joiningPolicy: groups.joiningPolicy,
  visibility: groups.visibility,
  status: groups.status,
  updatedAt: groups.updatedAt,
  // By name, not by import: a feature reaches another feature's tables only from its own tables.
  organisationName: sql<
    string | null
  >`(select o.name from organisations o where o.id = ${groups.organisationId})`,
  difficultySlugs: sql<
    string[]
  >`array(select ${groupDifficulties.difficultySlug} from ${groupDifficulties} where ${groupDifficulties.groupId} = ${groups.id} order by 1)`,
};

function selectFeedGroups(db: Executor) {
  return db.select(feedColumns).from(groups);
}

export type FeedGroup = Awaited<ReturnType<typeof selectFeedGroups>>[number];

/**
 * A group's public calendar details by its address, with its chosen dates. Unlisted groups are
 * found too (they are reachable by link); closed groups are not.
 */
export async function getFeedGroupBySlug(
  db: Executor,
  slug: string,
): Promise<(FeedGroup & { oneOffs: string[] }) | null> {
  const [group] = await selectFeedGroups(db).where(eq(groups.slug, slug)).limit(1);
  if (!group) return null;
  const dates = await db
    .select({
      // Local wall-clock time, as stored: no zone conversion on the way out.
      at: sql<string>`to_char(${groupOneOffDates.startsAtLocal}, 'YYYY-MM-DD"T"HH24:MI')`,
    })
    .from(groupOneOffDates)
    .where(eq(groupOneOffDates.groupId, group.id))
    .orderBy(asc(groupOneOffDates.startsAtLocal));
  return { ...group, oneOffs: dates.map((d) => d.at) };
}

const listedAndActive = and(eq(groups.visibility, "listed"), eq(groups.status, "active"));

/**
 * Listed, active groups that meet on a regular weekday and take newcomers: what a weekly-only
 * meeting finder can show (see presentMeetingGuide for how groups meeting less often are written,
 * and why closed ones are left out).
 */
export async function listMeetingGuideGroups(db: Executor): Promise<FeedGroup[]> {
  return selectFeedGroups(db)
    .where(
      and(
        listedAndActive,
        inArray(groups.scheduleKind, ["weekly", "fortnightly", "monthly"]),
        ne(groups.joiningPolicy, "closed"),
        isNotNull(groups.rrule),
        isNotNull(groups.startTime),
      ),
    )
    .orderBy(asc(groups.name), asc(groups.slug));
}

/** The addresses of listed, active groups' pages, most recently changed first. */
export async function listSitemapGroups(db: Executor, limit: number) {
  return db
    .select({ slug: groups.slug, updatedAt: groups.updatedAt })
    .from(groups)
    .where(listedAndActive)
    .orderBy(desc(groups.updatedAt), asc(groups.slug))
    .limit(limit);
}

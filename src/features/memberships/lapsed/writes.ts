import { and, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../../infra/db/database.js";
import { groups } from "../../groups/tables.js";
import { memberships } from "../tables.js";
import { lockGroup, type Offer, offerFreePlaces } from "../writes.js";

/**
 * Offers not taken within 72 hours pass to the next person waiting; whoever let one lapse goes
 * to the back of the list rather than off it. Safe with several instances running it at once:
 * each group is handled in its own transaction that locks the group first (as joining and
 * leaving do, so they cannot deadlock), and expired offers already taken are skipped.
 */
export async function passOnExpiredOffers(
  db: Database,
  now: Date,
): Promise<{ lapsed: Offer[]; offers: Offer[] }> {
  const expiredHere = and(
    eq(memberships.state, "waitlisted"),
    isNotNull(memberships.offerExpiresAt),
    lte(memberships.offerExpiresAt, now),
  );
  const groupsWithExpiredOffers = await db
    .selectDistinct({ groupId: memberships.groupId })
    .from(memberships)
    .where(expiredHere);
  // And groups where someone waits with no place offered while one looks free: a place freed by
  // an account deleted, or while the group was paused, is offered here too.
  const groupsWithPlaceToOffer = await db
    .selectDistinct({ groupId: memberships.groupId })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(
      and(
        eq(memberships.state, "waitlisted"),
        isNull(memberships.offerExpiresAt),
        eq(groups.status, "active"),
        sql`${groups.activeMemberCount} < ${groups.capacity}`,
      ),
    );
  const groupIds = new Set(
    [...groupsWithExpiredOffers, ...groupsWithPlaceToOffer].map((g) => g.groupId),
  );
  const lapsed: Offer[] = [];
  const offers: Offer[] = [];
  for (const groupId of groupIds) {
    await db.transaction(async (tx) => {
      await lockGroup(tx, groupId);
      const expired = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.groupId, groupId), expiredHere))
        .for("update", { skipLocked: true });
      for (const membership of expired) {
        await tx
          .update(memberships)
          .set({ offeredAt: null, offerExpiresAt: null, waitlistedAt: now, updatedAt: now })
          .where(eq(memberships.id, membership.id));
        lapsed.push({
          membershipId: membership.id,
          groupId,
          personId: membership.personId,
          expiresAt: membership.offerExpiresAt!,
        });
      }
      offers.push(...(await offerFreePlaces(tx, groupId, now)));
    });
  }
  // Someone alone on the list is offered the place again at once: they are told of the new
  // offer only, not also that the place has passed on.
  const offered = new Set(offers.map((o) => o.membershipId));
  return { lapsed: lapsed.filter((o) => !offered.has(o.membershipId)), offers };
}

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { startSession } from "../accounts/writes.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groups } from "../groups/tables.js";
import { groupInvitations } from "../invitations/tables.js";
import { listPastMeetings, listUpcomingMeetings } from "../meetings/reads.js";
import { planMeetings } from "../meetings/writes.js";
import { getMembership } from "../memberships/reads.js";
import { eraseClosedGroups } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
  t.mail.clear();
});

const DAY = 86_400_000;

/** A Tuesday group that has met twice already: Grace facilitates, Ada is a member. */
async function group() {
  t.clock.set(new Date("2026-02-28T09:00:00.000Z"));
  const row = await createGroup(t, { startsOn: "2026-03-03" });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, ada.person.id);
  const stored = (await getGroupBySlug(t.database.db, row.slug))!;
  await planMeetings(t.database.db, stored, t.clock.now());
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
  return { slug: row.slug, id: row.id, grace, ada };
}

const upcoming = (groupId: string) =>
  listUpcomingMeetings(t.database.db, groupId, "00000000-0000-0000-0000-000000000000", {
    now: t.clock.now(),
    to: new Date(t.clock.now().getTime() + 84 * DAY),
  });

describe("pausing and closing a group", () => {
  it("pauses a group, with its members told and no meetings, and starts it again", async () => {
    const g = await group();
    expect(
      (await g.ada.browser.post(`/groups/${g.slug}/close`, { change: "pause" })).statusCode,
    ).toBe(404);
    // A double click, and the page sent again later: paused once, members told once.
    const pause = () => g.grace.browser.post(`/groups/${g.slug}/close`, { change: "pause" });
    const paused = [...(await Promise.all([pause(), pause()])), await pause()];
    expect(paused.map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${g.slug}`]),
    );
    expect((await getGroupBySlug(t.database.db, g.slug))?.status).toBe("paused");
    expect(await upcoming(g.id)).toEqual([]);
    const told = await t.mail.lastTo(g.ada.person.email);
    expect(told.subject).toContain("is taking a break");
    expect(t.mail.messages.filter((m) => m.subject === told.subject)).toHaveLength(
      new Set(t.mail.messages.filter((m) => m.subject === told.subject).flatMap((m) => m.to)).size,
    );
    expect((await g.ada.browser.get(`/groups/${g.slug}`)).body).toContain("taking a break");
    const newcomer = await personWithSession(t, { displayName: "Nina" });
    expect((await newcomer.browser.post(`/groups/${g.slug}/join`)).statusCode).not.toBe(303);

    const resumed = await g.grace.browser.post(`/groups/${g.slug}/close`, { change: "resume" });
    expect(resumed.statusCode).toBe(303);
    expect((await getGroupBySlug(t.database.db, g.slug))?.status).toBe("active");
    expect((await upcoming(g.id)).length).toBeGreaterThan(10);
  });

  it("closes only once the group has agreed, keeps its history for its members 90 days, then erases it", async () => {
    const g = await group();
    // Two people who never became members: one waiting for a place, one asking to join.
    const waiting = await personWithSession(t, { displayName: "Walter" });
    const asking = await personWithSession(t, { displayName: "Rita" });
    await addWaiting(t, g.id, waiting.person.id, "waitlisted");
    await addWaiting(t, g.id, asking.person.id, "requested");
    // And the guide who helped the group start, only observing since the handover.
    const luca = await personWithSession(t, { displayName: "Luca" });
    await addMember(t, g.id, luca.person.id, "guide");
    await t.database.db
      .update(groups)
      .set({ handoverAt: new Date("2026-03-05T00:00:00.000Z") })
      .where(eq(groups.id, g.id));
    // An invitation Grace sent, with the address it went to.
    await t.database.db.insert(groupInvitations).values({
      groupId: g.id,
      email: "invited.friend@example.org",
      tokenHash: `hash-${g.id}`,
      invitedBy: g.grace.person.id,
      createdAt: t.clock.now(),
      expiresAt: new Date(t.clock.now().getTime() + 14 * DAY),
    });
    const unticked = await g.grace.browser.post(`/groups/${g.slug}/close`, { change: "close" });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain("Tick this once the group has agreed to close");
    expect((await getGroupBySlug(t.database.db, g.slug))?.status).toBe("active");

    const closed = await g.grace.browser.post(`/groups/${g.slug}/close`, {
      change: "close",
      agreed: "yes",
    });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/groups/${g.slug}/history`);
    const told = await t.mail.lastTo(g.ada.person.email);
    expect(told.subject).toContain("has closed");
    expect(told.text).toContain("until 8 June 2026");
    expect((await g.ada.browser.get(`/groups/${g.slug}`)).statusCode).toBe(404);
    expect(await upcoming(g.id)).toEqual([]);

    const history = await g.ada.browser.get(`/groups/${g.slug}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain("Grace, Ada");
    expect(history.body).toContain("Tuesday 3 March 2026");
    expect(history.body).not.toContain("Walter");
    expect(history.body).not.toContain("Rita");
    const stranger = await personWithSession(t, { displayName: "Marco" });
    for (const outsider of [stranger, waiting, asking, luca]) {
      expect((await outsider.browser.get(`/groups/${g.slug}/history`)).statusCode).toBe(404);
    }

    t.clock.set(new Date(t.clock.now().getTime() + 89 * DAY));
    // Months later Ada signs in again.
    const session = await startSession(t.database.db, g.ada.person.id, "email", t.clock.now());
    g.ada.browser.cookies.set("__Host-mutua_session", session.secret);
    expect(await eraseClosedGroups(t.database.db, t.clock.now())).toBe(0);
    expect((await g.ada.browser.get(`/groups/${g.slug}/history`)).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 1 * DAY));
    expect((await g.ada.browser.get(`/groups/${g.slug}/history`)).statusCode).toBe(404);
    expect(await eraseClosedGroups(t.database.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    const erased = await getGroupBySlug(t.database.db, g.slug);
    expect(erased?.erasedAt).not.toBeNull();
    expect(erased?.agreement).toBe("");
    expect(erased?.streetAddress).toBeNull();
    expect(await getMembership(t.database.db, g.id, g.ada.person.id)).toBeNull();
    expect(
      await t.database.db.select().from(groupInvitations).where(eq(groupInvitations.groupId, g.id)),
    ).toEqual([]);
    expect(
      await listPastMeetings(t.database.db, g.id, {
        since: new Date("2026-01-01T00:00:00Z"),
        now: t.clock.now(),
      }),
    ).toEqual([]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { listUpcomingMeetings } from "../meetings/reads.js";
import { planMeetings, respondToMeeting } from "../meetings/writes.js";
import { getMembership } from "../memberships/reads.js";
import { formOfGroup } from "./present.js";

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

/** A Tuesday group of four in Trento, with Grace facilitating and its meetings planned. */
async function group(capacity = 12) {
  const row = await createGroup(t, { capacity });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada", language: "it" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, ada.person.id);
  for (const name of ["Bruno", "Carlo"]) {
    const other = await personWithSession(t, { displayName: name });
    await addMember(t, row.id, other.person.id);
  }
  const stored = (await getGroupBySlug(t.database.db, row.slug))!;
  await planMeetings(t.database.db, stored, t.clock.now());
  return { group: stored, grace, ada };
}

/** The form as the page fills it in, with some fields changed. */
function formBody(
  stored: NonNullable<Awaited<ReturnType<typeof getGroupBySlug>>>,
  changes: Record<string, string | string[]>,
) {
  const { values, lists } = formOfGroup(stored);
  return { ...values, ...lists, ...changes };
}

const upcoming = (groupId: string, viewerId: string) =>
  listUpcomingMeetings(t.database.db, groupId, viewerId, {
    now: t.clock.now(),
    to: new Date(t.clock.now().getTime() + 84 * 86_400_000),
  });

describe("changing a group's page and schedule", () => {
  it("shows the facilitators the group's form filled in, and nobody else", async () => {
    const { group: g, grace, ada } = await group();
    const page = await grace.browser.get(`/groups/${g.slug}/settings`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${g.name}"`);
    expect(page.body).toContain('value="10:30"');
    // The first date is shown as the form asks for it, day first.
    expect(page.body).toContain('value="3/3/2026"');
    const member = await ada.browser.get(`/groups/${g.slug}/settings`);
    expect(member.statusCode).toBe(404);
  });

  it("moves the meetings to the new day at once and tells every member in their language", async () => {
    const { group: g, grace, ada } = await group();
    const [first] = await upcoming(g.id, ada.person.id);
    // Ada said she would come to the next Tuesday: that meeting is called off, not dropped.
    await respondToMeeting(
      t.database.db,
      { groupId: g.id, meetingId: first!.id, personId: ada.person.id, answer: "yes" },
      t.clock.now(),
    );
    const saved = await grace.browser.post(
      `/groups/${g.slug}/settings`,
      formBody(g, { weekday: "4", startsOn: "giovedì 12 marzo 2026", startTime: "17:00" }),
    );
    expect(saved.statusCode).toBe(303);
    const after = await upcoming(g.id, ada.person.id);
    const live = after.filter((m) => m.status !== "cancelled");
    expect(live[0]!.startsAt.toISOString()).toBe("2026-03-12T16:00:00.000Z");
    expect(after.find((m) => m.id === first!.id)?.status).toBe("cancelled");
    const mail = await t.mail.lastTo(ada.person.email);
    expect(mail.subject).toContain("gli incontri sono cambiati");
    expect(mail.text).toMatch(/giovedì/);
    expect(mail.text).toContain("17:00");
    expect(mail.text).toContain("non si terrà più");
  });

  it("refuses a capacity below the members it has, keeping what was typed and saving nothing", async () => {
    const { group: g, grace } = await group();
    const refused = await grace.browser.post(
      `/groups/${g.slug}/settings`,
      formBody(g, { capacity: "3", name: "Caffè del giovedì" }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("The group already has more members than that");
    expect(refused.body).toContain('value="Caffè del giovedì"');
    const after = await getGroupBySlug(t.database.db, g.slug);
    expect(after?.capacity).toBe(12);
    expect(after?.name).toBe(g.name);
  });

  it("offers a larger capacity's new places to the people waiting", async () => {
    const { group: g, grace } = await group(4);
    const waiting = await personWithSession(t, { displayName: "Dora" });
    await addWaiting(t, g.id, waiting.person.id, "waitlisted");
    const saved = await grace.browser.post(
      `/groups/${g.slug}/settings`,
      formBody(g, { capacity: "6" }),
    );
    expect(saved.statusCode).toBe(303);
    const dora = await getMembership(t.database.db, g.id, waiting.person.id);
    expect(dora?.offerExpiresAt?.toISOString()).toBe("2026-03-13T09:00:00.000Z");
    const offer = await t.mail.lastTo(waiting.person.email);
    expect(offer.subject).toContain("A place is free for you");
    // The place held for Dora counts: four members and her place leave no room for 4.
    const shrunk = await grace.browser.post(
      `/groups/${g.slug}/settings`,
      formBody(g, { capacity: "4" }),
    );
    expect(shrunk.statusCode).toBe(400);
    expect(shrunk.body).toContain("counting the places held for people waiting");
    expect((await getGroupBySlug(t.database.db, g.slug))?.capacity).toBe(6);
    const five = await grace.browser.post(
      `/groups/${g.slug}/settings`,
      formBody(g, { capacity: "5" }),
    );
    expect(five.statusCode).toBe(303);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groups } from "../groups/tables.js";
import { planMeetings } from "../meetings/writes.js";
import { getHandover, listRoleChanges } from "./reads.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
});

/** A group a guide started, with a peer facilitator and a member. */
async function guidedGroup() {
  const row = await createGroup(t, {
    format: "hybrid",
    videoUrl: "https://video.example/room-7",
    phoneNumber: "+39 0461 222333",
    phonePin: "8642",
    streetAddress: "Via Verdi 12",
    publishAddress: false,
  });
  const group = (await getGroupBySlug(t.database.db, row.slug))!;
  await planMeetings(t.database.db, group, t.clock.now());
  const luca = await personWithSession(t, { displayName: "Luca" });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, group.id, luca.person.id, "guide");
  await addMember(t, group.id, grace.person.id, "facilitator");
  await addMember(t, group.id, ada.person.id);
  return { group, luca, grace, ada };
}

describe("the guide's handover", () => {
  it("is proposed by the guide, agreed by a facilitator, and then the guide only observes", async () => {
    const { group, luca, grace, ada } = await guidedGroup();
    expect((await luca.browser.get(`/groups/${group.slug}/members`)).statusCode).toBe(200);

    const proposed = await luca.browser.post(`/groups/${group.slug}/handover`, {
      date: "20/3/2026",
    });
    expect(proposed.statusCode).toBe(303);
    // A member cannot agree for the group, nor even find the page.
    expect((await ada.browser.post(`/groups/${group.slug}/handover/agree`)).statusCode).toBe(404);
    const page = await grace.browser.get(`/groups/${group.slug}/handover`);
    expect(page.body).toContain("Friday 20 March 2026");
    // A double click, and the page sent again later: agreed once, and each click says so.
    const agree = () => grace.browser.post(`/groups/${group.slug}/handover/agree`);
    const agreed = [...(await Promise.all([agree(), agree()])), await agree()];
    expect(agreed.map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${group.slug}/handover`]),
    );
    const handover = await getHandover(t.database.db, group.id);
    expect(handover?.handoverAt.toISOString()).toBe("2026-03-19T23:00:00.000Z");

    // Until the date the guide still leads.
    expect((await luca.browser.get(`/groups/${group.slug}/members`)).statusCode).toBe(200);

    t.clock.set(new Date("2026-03-20T08:00:00.000Z"));
    const missing = await luca.browser.get("/groups/no-such-group/members");
    const members = await luca.browser.get(`/groups/${group.slug}/members`);
    // Exactly as for a group that does not exist.
    expect(members.statusCode).toBe(404);
    expect(members.body).toBe(missing.body);
    expect(members.body).not.toContain("Ada");
    expect((await luca.browser.get(`/groups/${group.slug}/meetings`)).statusCode).toBe(200);
    const groupPage = await ada.browser.get(`/groups/${group.slug}`);
    expect(groupPage.body).toContain("led by its members");
    // The link, the number, the PIN, the street and the ground rules are the members' own, not
    // an observer's.
    const observed = await luca.browser.get(`/groups/${group.slug}`);
    expect(observed.statusCode).toBe(200);
    const rules = (await getGroupBySlug(t.database.db, group.slug))!.agreement;
    for (const secret of [
      "https://video.example/room-7",
      "0461 222333",
      "8642",
      "Via Verdi 12",
      rules,
    ]) {
      expect(groupPage.body).toContain(secret);
      expect(observed.body).not.toContain(secret);
    }

    // The group runs on: its members see the change of role, dated the handover.
    const list = await ada.browser.get(`/groups/${group.slug}/members`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Luca</strong> – observer");
    const changes = await listRoleChanges(t.database.db, group.id, t.clock.now());
    expect(changes.map((c) => [c.person, c.fromRole, c.toRole])).toEqual([
      ["Luca", "guide", "observer"],
    ]);
  });

  it("refuses a date that has passed, keeping what was typed, and saves nothing", async () => {
    const { group, luca } = await guidedGroup();
    const refused = await luca.browser.post(`/groups/${group.slug}/handover`, {
      date: "2026-03-01",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="2026-03-01"');
    const nonsense = await luca.browser.post(`/groups/${group.slug}/handover`, {
      date: "the first of April",
    });
    expect(nonsense.statusCode).toBe(400);
    expect(await getHandover(t.database.db, group.id)).toBeNull();
  });
});

describe("roles in the group", () => {
  it("lets a facilitator make a member a facilitator, recorded for every member to see", async () => {
    const { group, grace, ada } = await guidedGroup();
    const made = await grace.browser.post(`/groups/${group.slug}/members/${ada.person.id}/role`, {
      role: "facilitator",
    });
    expect(made.statusCode).toBe(303);
    const list = await ada.browser.get(`/groups/${group.slug}/members`);
    expect(list.body).toContain("Ada</strong> – facilitator");
    expect(list.body).toContain("10 March 2026: Ada, member → facilitator (by Grace)");
    // A member cannot change roles; a person outside the group finds nothing.
    const stranger = await personWithSession(t, { displayName: "Marco" });
    const notAllowed = await personWithSession(t, { displayName: "Eva" });
    await addMember(t, group.id, notAllowed.person.id);
    expect(
      (
        await notAllowed.browser.post(`/groups/${group.slug}/members/${ada.person.id}/role`, {
          role: "member",
        })
      ).statusCode,
    ).toBe(404);
    expect((await stranger.browser.get(`/groups/${group.slug}/members`)).statusCode).toBe(404);
  });

  it("removes a member whose address the mail server refuses, and still offers the place", async () => {
    const { group, grace, ada } = await guidedGroup();
    await t.database.db.update(groups).set({ capacity: 3 }).where(eq(groups.id, group.id));
    const waiting = await personWithSession(t, { displayName: "Dora" });
    await addWaiting(t, group.id, waiting.person.id, "waitlisted");
    t.mail.refused.add(ada.person.email);
    try {
      const removed = await grace.browser.post(
        `/groups/${group.slug}/members/${ada.person.id}/remove`,
      );
      expect(removed.statusCode).toBe(303);
    } finally {
      t.mail.refused.clear();
    }
    expect((await t.mail.lastTo(waiting.person.email)).subject).toMatch(/place/i);
  });

  it("lets a facilitator remove a member, who is told, recorded for the members, and whose place is offered", async () => {
    const { group, luca, grace, ada } = await guidedGroup();
    await t.database.db.update(groups).set({ capacity: 3 }).where(eq(groups.id, group.id));
    const waiting = await personWithSession(t, { displayName: "Dora" });
    await addWaiting(t, group.id, waiting.person.id, "waitlisted");
    const ask = await grace.browser.get(`/groups/${group.slug}/members/${ada.person.id}/remove`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain("Remove Ada from the group?");
    // Nobody removes themself (they leave) or the guide; a member removes nobody.
    expect(
      (await grace.browser.get(`/groups/${group.slug}/members/${grace.person.id}/remove`))
        .statusCode,
    ).toBe(404);
    expect(
      (await grace.browser.post(`/groups/${group.slug}/members/${luca.person.id}/remove`))
        .statusCode,
    ).toBe(404);
    expect(
      (await ada.browser.post(`/groups/${group.slug}/members/${grace.person.id}/remove`))
        .statusCode,
    ).toBe(404);

    // A double click sends it twice, and the page kept open sends it again: one removal.
    const url = `/groups/${group.slug}/members/${ada.person.id}/remove`;
    const removed = await Promise.all([grace.browser.post(url), grace.browser.post(url)]);
    const later = await grace.browser.post(url);
    expect([...removed, later].map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${group.slug}/members`]),
    );
    const told = await t.mail.lastTo(ada.person.email);
    expect(told.subject).toBe(`You are no longer a member of ${group.name}`);
    expect(
      t.mail.messages.filter((m) => m.subject === told.subject && m.to.includes(ada.person.email)),
    ).toHaveLength(1);
    expect((await ada.browser.get(`/groups/${group.slug}/members`)).statusCode).toBe(404);
    expect((await ada.browser.post(`/groups/${group.slug}/join`)).statusCode).not.toBe(303);
    const list = await grace.browser.get(`/groups/${group.slug}/members`);
    expect(list.body).toContain("10 March 2026: Ada, member → no longer a member (by Grace)");
    expect((await getGroupBySlug(t.database.db, group.slug))?.activeMemberCount).toBe(2);
    const offer = await t.mail.lastTo(waiting.person.email);
    expect(offer.subject).toContain("A place is free for you");
  });
});

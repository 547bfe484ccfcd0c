import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import {
  addMember,
  addWaiting,
  createGroup,
  createOrganisation,
  personWithSession,
} from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groups } from "../groups/tables.js";
import { planMeetings } from "../meetings/writes.js";
import { sendGroupNotices } from "./jobs.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  t.clock.set(new Date("2026-06-10T09:00:00.000Z"));
  t.mail.clear();
  // Each check starts from its own groups: the others are closed.
  await t.database.db.update(groups).set({ status: "closed" });
});

const DAY = 86_400_000;

describe("notices about a group's size and life", () => {
  it("tells the facilitators once when the group is full, and again only after 4 weeks", async () => {
    const row = await createGroup(t, { capacity: 3 });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    for (const name of ["Ada", "Bruno"]) {
      await addMember(t, row.id, (await personWithSession(t, { displayName: name })).person.id);
    }
    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(1);
    expect((await t.mail.lastTo(grace.person.email)).subject).toBe(`${row.name} is full`);
    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + 28 * DAY));
    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(1);
  });

  it("tells the facilitators when 3 people have waited 4 weeks, not before", async () => {
    const row = await createGroup(t, { capacity: 12 });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    for (const name of ["Ada", "Bruno", "Carla"]) {
      const waiting = await personWithSession(t, { displayName: name });
      await addWaiting(t, row.id, waiting.person.id, "waitlisted");
    }
    t.clock.set(new Date(t.clock.now().getTime() + 27 * DAY));
    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + 1 * DAY));
    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(1);
    const notice = await t.mail.lastTo(grace.person.email);
    expect(notice.subject).toBe(`People have been waiting a month for ${row.name}`);
    expect(notice.text).toContain("splitting the group in two");
  });

  it("flags a group that has held no meeting for 90 days to its organisation's coordinators", async () => {
    const coordinator = await personWithSession(t, { displayName: "Luca" });
    const organisation = await createOrganisation(t, "Associazione Alzheimer Trento", [
      coordinator.person.id,
    ]);
    const quiet = await createGroup(t, { organisationId: organisation.id });
    const busy = await createGroup(t, { organisationId: organisation.id });
    await t.database.db
      .update(groups)
      .set({ createdAt: new Date("2026-01-05T09:00:00.000Z") })
      .where(sql`${groups.id} in (${quiet.id}, ${busy.id})`);
    // The busy group met last week.
    const stored = (await getGroupBySlug(t.database.db, busy.slug))!;
    await planMeetings(t.database.db, stored, new Date(t.clock.now().getTime() - 14 * DAY));

    expect(await sendGroupNotices(t.app.deps, t.clock.now())).toBe(1);
    const flag = await t.mail.lastTo(coordinator.person.email);
    expect(flag.subject).toBe(`${quiet.name} has not met for 90 days`);
    expect(t.mail.messages.filter((m) => m.subject.includes(busy.name))).toHaveLength(0);
  });

  it("keeps a notice for when the mail server is back, rather than losing it for 4 weeks", async () => {
    const row = await createGroup(t, { capacity: 3 });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    for (const name of ["Ada", "Bruno"]) {
      await addMember(t, row.id, (await personWithSession(t, { displayName: name })).person.id);
    }
    t.mail.away = true;
    try {
      await t.runTask("groups.notices");
      expect(t.mail.messages).toEqual([]);
    } finally {
      t.mail.away = false;
    }
    await t.runJobs();
    expect((await t.mail.lastTo(grace.person.email)).subject).toBe(`${row.name} is full`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { planMeetings } from "../meetings/writes.js";
import { formOfGroup } from "./present.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("changing a group's page and schedule through the JSON API", () => {
  it("changes it for the people who lead it, with the form's rules, and tells the members", async () => {
    t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
    const row = await createGroup(t, { capacity: 12 });
    const grace = await personWithSession(t, { displayName: "Grace" });
    const ada = await personWithSession(t, { displayName: "Ada" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    await addMember(t, row.id, ada.person.id);
    for (const name of ["Bruno", "Carlo"]) {
      await addMember(t, row.id, (await personWithSession(t, { displayName: name })).person.id);
    }
    await addWaiting(t, row.id, (await personWithSession(t)).person.id, "waitlisted");
    const stored = (await getGroupBySlug(t.database.db, row.slug))!;
    await planMeetings(t.database.db, stored, t.clock.now());
    const { values, lists } = formOfGroup(stored);
    const url = `/api/v1/groups/${row.slug}/settings`;
    const body = { ...values, ...lists };

    expect((await ada.browser.json("PUT", url, body)).statusCode).toBe(404);
    const few = await grace.browser.json("PUT", url, { ...body, capacity: "3" });
    expect([few.statusCode, few.json().error.code]).toEqual([422, "capacity_below_members"]);
    expect((await grace.browser.json("PUT", url, { ...body, name: "" })).statusCode).toBe(400);

    t.mail.clear();
    const moved = await grace.browser.json("PUT", url, { ...body, weekday: "4" });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ scheduleChanged: true });
    expect((await getGroupBySlug(t.database.db, row.slug))?.weekday).toBe(4);
    await t.mail.lastTo(ada.person.email);
  });
});

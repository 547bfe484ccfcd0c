import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, createPerson } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { listUpcomingMeetings } from "./reads.js";
import { meetings } from "./tables.js";
import { planMeetings } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("the coming meetings", () => {
  it("name who facilitates each one, and no one where nobody does", async () => {
    const row = await createGroup(t);
    const group = (await getGroupBySlug(t.database.db, row.slug))!;
    await planMeetings(t.database.db, group, t.clock.now());
    const grace = await createPerson(t, { displayName: "Grace" });
    const erased = await createPerson(t, { displayName: null });
    await addMember(t, row.id, grace.id);
    const planned = await t.database.db
      .select()
      .from(meetings)
      .where(eq(meetings.groupId, row.id))
      .orderBy(meetings.startsAt);
    expect(planned.length).toBeGreaterThanOrEqual(3);
    await t.database.db
      .update(meetings)
      .set({ facilitatorId: grace.id })
      .where(eq(meetings.id, planned[0]!.id));
    await t.database.db
      .update(meetings)
      .set({ facilitatorId: erased.id })
      .where(eq(meetings.id, planned[1]!.id));

    const now = t.clock.now();
    const listed = await listUpcomingMeetings(t.database.db, row.id, grace.id, {
      now,
      to: new Date(now.getTime() + 12 * 7 * 86_400_000),
    });
    const byId = new Map(listed.map((m) => [m.id, m]));
    expect(byId.get(planned[0]!.id)?.facilitatorName).toBe("Grace");
    // A person whose name is gone is still someone: the page says "someone".
    expect(byId.get(planned[1]!.id)?.facilitatorName).toBe("");
    expect(byId.get(planned[2]!.id)?.facilitatorName).toBeNull();
    expect(listed.every((m) => m.present === 0 && m.coming === 0 && m.myAnswer === null)).toBe(
      true,
    );
  });
});

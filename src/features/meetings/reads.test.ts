import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, createPerson } from "../../test/factories.js";
import { memberships } from "../groups/memberships/tables.js";
import { getGroupBySlug } from "../groups/reads.js";
import { getMeetingsScope, listUpcomingMeetings } from "./reads.js";
import { meetings } from "./tables.js";
import { planMeetings } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("a group as its meetings pages read it", () => {
  it("comes with the viewer's own membership, and none for anyone else", async () => {
    const handoverAt = new Date("2026-03-01T00:00:00Z");
    const row = await createGroup(t, {
      handoverAt,
      videoUrl: "https://video.example/cafe",
      phoneNumber: "+39 0461 000111",
      phonePin: "4321",
    });
    const ada = await createPerson(t);
    const luca = await createPerson(t);
    const stranger = await createPerson(t);
    await addMember(t, row.id, ada.id, "facilitator");
    await addMember(t, row.id, luca.id);
    await t.database.db
      .update(memberships)
      .set({ state: "left" })
      .where(and(eq(memberships.groupId, row.id), eq(memberships.personId, luca.id)));

    const seen = await getMeetingsScope(t.database.db, row.slug, ada.id);
    expect(seen).toEqual({
      group: {
        id: row.id,
        slug: row.slug,
        name: row.name,
        status: "active",
        timeZone: row.timeZone,
        handoverAt,
        videoUrl: "https://video.example/cafe",
        phoneNumber: "+39 0461 000111",
        phonePin: "4321",
      },
      membership: { state: "active", role: "facilitator" },
    });
    expect((await getMeetingsScope(t.database.db, row.slug, luca.id))?.membership).toEqual({
      state: "left",
      role: "member",
    });
    expect((await getMeetingsScope(t.database.db, row.slug, stranger.id))?.membership).toBeNull();
    const signedOut = await getMeetingsScope(t.database.db, row.slug, null);
    expect(signedOut?.group.id).toBe(row.id);
    expect(signedOut?.membership).toBeNull();
    expect(await getMeetingsScope(t.database.db, "no-such-group", ada.id)).toBeNull();
  });
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

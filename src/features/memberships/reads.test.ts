import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, createPerson } from "../../test/factories.js";
import { getGroupForViewer } from "./reads.js";
import { leaveGroup } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("a group as its members' pages read it", () => {
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
    await leaveGroup(t.database.db, { groupId: row.id, personId: luca.id }, t.clock.now());

    const seen = await getGroupForViewer(t.database.db, row.slug, ada.id);
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
    expect((await getGroupForViewer(t.database.db, row.slug, luca.id))?.membership).toEqual({
      state: "left",
      role: "member",
    });
    expect((await getGroupForViewer(t.database.db, row.slug, stranger.id))?.membership).toBeNull();
    const signedOut = await getGroupForViewer(t.database.db, row.slug, null);
    expect(signedOut?.group.id).toBe(row.id);
    expect(signedOut?.membership).toBeNull();
    expect(await getGroupForViewer(t.database.db, "no-such-group", ada.id)).toBeNull();
  });
});

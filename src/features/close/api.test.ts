import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("pausing and closing a group through the JSON API", () => {
  it("pauses, starts again and closes, for the people who lead it, by the page's rules", async () => {
    const row = await createGroup(t);
    const grace = await personWithSession(t, { displayName: "Grace" });
    const ada = await personWithSession(t, { displayName: "Ada" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    await addMember(t, row.id, ada.person.id);
    const url = `/api/v1/groups/${row.slug}/life-change`;
    const send = (who: typeof grace, body: unknown) => who.browser.json("POST", url, body);

    expect((await send(ada, { change: "pause" })).statusCode).toBe(404);
    expect((await send(grace, { change: "stop" })).statusCode).toBe(400);
    const paused = await send(grace, { change: "pause" });
    expect([paused.statusCode, paused.json()]).toEqual([200, { status: "paused" }]);
    // Paused already: the API says so rather than pausing it twice.
    const again = await send(grace, { change: "pause" });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "paused_already"]);
    expect((await send(grace, { change: "resume" })).json()).toEqual({ status: "active" });
    // Closing asks that the group has agreed.
    const unagreed = await send(grace, { change: "close" });
    expect([unagreed.statusCode, Object.keys(unagreed.json().error.fields)]).toEqual([
      400,
      ["agreed"],
    ]);
    const closed = await send(grace, { change: "close", agreed: "yes" });
    expect([closed.statusCode, closed.json()]).toEqual([200, { status: "closed" }]);
    expect((await getGroupBySlug(t.database.db, row.slug))?.status).toBe("closed");
  });
});

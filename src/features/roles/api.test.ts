import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { getMembership } from "../memberships/reads.js";
import { getHandover } from "./reads.js";

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

async function guidedGroup() {
  const row = await createGroup(t, {});
  const luca = await personWithSession(t, { displayName: "Luca" });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, row.id, luca.person.id, "guide");
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, ada.person.id);
  return { row, luca, grace, ada, base: `/api/v1/groups/${row.slug}` };
}

describe("roles through the JSON API", () => {
  it("changes a role, and says so when it was that role already", async () => {
    const { grace, ada, luca, base } = await guidedGroup();
    const url = `${base}/members/${ada.person.id}/role`;
    const made = await grace.browser.json("PUT", url, { role: "facilitator" });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toEqual({ personId: ada.person.id, role: "facilitator", changed: true });
    const again = await grace.browser.json("PUT", url, { role: "facilitator" });
    expect(again.json().changed).toBe(false);
    const guide = await grace.browser.json("PUT", `${base}/members/${luca.person.id}/role`, {
      role: "member",
    });
    expect(guide.statusCode).toBe(409);
    expect((await grace.browser.json("PUT", url, { role: "guide" })).statusCode).toBe(400);
  });

  it("removes a member once; nobody removes the guide or themself", async () => {
    const { row, grace, ada, luca, base } = await guidedGroup();
    expect(
      (await grace.browser.json("DELETE", `${base}/members/${luca.person.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await grace.browser.json("DELETE", `${base}/members/${grace.person.id}`)).statusCode,
    ).toBe(404);
    const removed = await grace.browser.json("DELETE", `${base}/members/${ada.person.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ personId: ada.person.id, state: "removed" });
    expect((await getMembership(t.database.db, row.id, ada.person.id))?.state).toBe("removed");
    expect((await t.mail.lastTo(ada.person.email)).subject).toContain("no longer a member");
    expect(
      (await grace.browser.json("DELETE", `${base}/members/${ada.person.id}`)).statusCode,
    ).toBe(404);
  });

  it("takes the guide's date and a facilitator's agreement, refusing a date that has passed", async () => {
    const { row, grace, luca, base } = await guidedGroup();
    const past = await luca.browser.json("PUT", `${base}/handover`, { date: "2026-03-01" });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe("in_the_past");
    const bad = await luca.browser.json("PUT", `${base}/handover`, { date: "soon" });
    expect(bad.statusCode).toBe(400);
    expect(await getHandover(t.database.db, row.id)).toBeNull();
    const proposed = await luca.browser.json("PUT", `${base}/handover`, { date: "2026-03-20" });
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toEqual({ at: "2026-03-19T23:00:00.000Z", agreed: false });
    const agreed = await grace.browser.json("POST", `${base}/handover/agreement`, {});
    expect(agreed.json()).toEqual({ at: "2026-03-19T23:00:00.000Z", agreed: true });
    const twice = await grace.browser.json("POST", `${base}/handover/agreement`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("agreed");
  });
});

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

/** A group of six: Grace and Carla facilitating, four members. */
async function groupOfSix() {
  const row = await createGroup(t, { capacity: 12 });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const carla = await personWithSession(t, { displayName: "Carla" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, carla.person.id, "facilitator");
  const members = [];
  for (let i = 0; i < 4; i++) {
    const m = await personWithSession(t, { displayName: `Member ${i + 1}` });
    await addMember(t, row.id, m.person.id);
    members.push(m);
  }
  const base = `/api/v1/groups/${row.slug}/split`;
  const proposal = {
    name1: "Caffè del martedì",
    weekday1: "2",
    time1: "10:30",
    facilitators1: [grace.person.id],
    name2: "Caffè del giovedì",
    weekday2: "4",
    time2: "17:00",
    facilitators2: [carla.person.id],
  };
  return { row, grace, carla, members, base, proposal };
}

describe("splitting a group through the JSON API", () => {
  it("proposes, takes each choice and completes the split, by the page's rules", async () => {
    const { row, grace, members, base, proposal } = await groupOfSix();
    const [ada] = members;
    // Members choose; the people who lead propose and complete.
    expect((await ada!.browser.json("POST", base, proposal)).statusCode).toBe(403);
    const proposed = await grace.browser.json("POST", base, proposal);
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().proposalId).toEqual(expect.any(String));
    // Open already: a second proposal is not for now.
    expect((await grace.browser.json("POST", base, proposal)).statusCode).toBe(403);
    const chosen = await ada!.browser.json("PUT", `${base}/choice`, { part: "2" });
    expect([chosen.statusCode, chosen.json()]).toEqual([200, { part: "2" }]);
    expect((await ada!.browser.json("PUT", `${base}/choice`, { part: "3" })).statusCode).toBe(400);
    expect((await ada!.browser.json("POST", `${base}/complete`, {})).statusCode).toBe(403);
    const done = await grace.browser.json("POST", `${base}/complete`, {});
    expect(done.statusCode).toBe(200);
    const { groups, yours } = done.json();
    expect(groups.map((g: { name: string }) => g.name)).toEqual([
      "Caffè del martedì",
      "Caffè del giovedì",
    ]);
    expect(yours).toBe(groups[0].slug);
    expect((await getGroupBySlug(t.database.db, row.slug))?.status).toBe("closed");
  });

  it("names the facilitator who is not a member, and withdraws a split", async () => {
    const { row, grace, base, proposal } = await groupOfSix();
    const stranger = await personWithSession(t);
    const wrong = { ...proposal, facilitators2: [stranger.person.id] };
    const refused = await grace.browser.json("POST", base, wrong);
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, "not_members_second"]);
    expect((await grace.browser.json("POST", base, proposal)).statusCode).toBe(201);
    const withdrawn = await grace.browser.json("POST", `${base}/withdraw`, {});
    expect([withdrawn.statusCode, withdrawn.json()]).toEqual([200, { withdrawn: true }]);
    expect((await grace.browser.json("POST", `${base}/withdraw`, {})).statusCode).toBe(403);
    expect((await getGroupBySlug(t.database.db, row.slug))?.status).toBe("active");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import {
  addMember,
  addWaiting,
  createGroup,
  createOrganisation,
  createPerson,
  personWithSession,
} from "../../test/factories.js";
import { isBoardFamilyRoute, isOrganisationRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-06-10T09:00:00.000Z"));
});

/** An organisation with Luca coordinating: a group of six with two waiting, and one of three. */
async function organisation() {
  const luca = await personWithSession(t, { displayName: "Luca" }, "passkey");
  const org = await createOrganisation(t, "Associazione Alzheimer Trento", [luca.person.id]);
  const big = await createGroup(t, { organisationId: org.id, name: "Caffè del martedì" });
  const small = await createGroup(t, { organisationId: org.id, name: "Caffè del giovedì" });
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    const person = await createPerson(t, { displayName: `Membro ${i}` });
    names.push(`Membro ${i}`);
    await addMember(t, big.id, person.id);
  }
  for (let i = 0; i < 2; i++) {
    await addWaiting(t, big.id, (await createPerson(t)).id, "waitlisted");
  }
  for (let i = 0; i < 3; i++) {
    await addMember(t, small.id, (await createPerson(t, { displayName: `Altro ${i}` })).id);
  }
  return { org, luca, names };
}

describe("an organisation's view of its groups", () => {
  it("shows its coordinators counts only, holding back any count of fewer than 5 people", async () => {
    const { org, luca, names } = await organisation();
    const page = await luca.browser.get(`/organisations/${org.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Caffè del martedì");
    expect(page.body).toContain("<td>6 / 12</td>");
    expect(page.body).toContain("<td>fewer than 5 / 12</td>");
    // Two people waiting is too few to show.
    expect(page.body).not.toContain("<td>2</td>");
    for (const name of [...names, "Altro 0"]) expect(page.body).not.toContain(name);
  });

  it("is for the organisation's coordinators and the administrators; anyone else finds nothing", async () => {
    const { org, luca } = await organisation();
    const url = `/organisations/${org.id}`;
    const anonymous = await new TestBrowser(t.app).get(url);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in");
    const stranger = await personWithSession(t, { displayName: "Marco" });
    const missing = await stranger.browser.get(
      `/organisations/${"0".repeat(8)}-0000-0000-0000-000000000000`,
    );
    const refused = await stranger.browser.get(url);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toBe(missing.body);
    const otherCoordinator = await personWithSession(t, { displayName: "Sara" });
    await createOrganisation(t, "Another association", [otherCoordinator.person.id]);
    expect((await otherCoordinator.browser.get(url)).statusCode).toBe(404);
    // Its own coordinator, signed in by e-mail, is asked to sign in with a passkey first.
    const byEmail = await startSession(t.database.db, luca.person.id, "email", t.clock.now());
    const lucaByEmail = new TestBrowser(t.app);
    lucaByEmail.cookies.set("__Host-mutua_session", byEmail.secret);
    const asked = await lucaByEmail.get(url);
    expect(asked.statusCode).toBe(403);
    expect(asked.body).toContain("Sign in with a passkey to see your organisation");
    expect(asked.body).not.toContain("Caffè");
    // An administrator may look, signed in with a passkey.
    const admin = await createPerson(t, { isAdmin: true });
    const session = await startSession(t.database.db, admin.id, "passkey", t.clock.now());
    const adminBrowser = new TestBrowser(t.app);
    adminBrowser.cookies.set("__Host-mutua_session", session.secret);
    expect((await adminBrowser.get(url)).statusCode).toBe(200);
    expect((await stranger.browser.get("/organisations/not-an-id")).statusCode).toBe(404);
  });

  it("has a check for every organisation route", () => {
    const served = servedRoutes(t.app).filter(
      (r) => isOrganisationRoute(r.url) && !isBoardFamilyRoute(r.url),
    );
    expect(served.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /organisations/:id"]);
  });
});

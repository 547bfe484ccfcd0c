import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onceIn, TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createOrganisation, createPerson } from "../../test/factories.js";
import { isAdminRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { getDifficulty } from "../difficulties/reads.js";
import { listCoordinators, listOrganisations } from "../organisations/reads.js";

const roles = ["anonymous", "member", "adminByEmail", "adminByPasskey"] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST";
  url: string;
  body?: Record<string, string>;
  ok: number | [number, string];
};

const texts = {
  nameEn: "Caring at a distance",
  nameIt: "Assistere a distanza",
  descriptionEn: "For people who care for someone far away.",
  descriptionIt: "Per chi assiste una persona lontana.",
};

/** What an administrator signed in with a passkey gets; everyone else is refused. */
const rows: Row[] = [
  { method: "GET", url: "/admin", ok: 200 },
  { method: "GET", url: "/admin/difficulties", ok: 200 },
  { method: "GET", url: "/admin/difficulties/new", ok: 200 },
  {
    method: "POST",
    url: "/admin/difficulties",
    body: { ...texts, slug: "NEWSLUG" },
    ok: [303, "/admin/difficulties"],
  },
  { method: "GET", url: "/admin/difficulties/loneliness", ok: 200 },
  {
    method: "POST",
    url: "/admin/difficulties/loneliness",
    body: { ...texts },
    ok: [303, "/admin/difficulties"],
  },
  {
    method: "POST",
    url: "/admin/difficulties/loneliness/retire",
    body: { retire: "no" },
    ok: [303, "/admin/difficulties"],
  },
  { method: "GET", url: "/admin/organisations", ok: 200 },
  { method: "GET", url: "/admin/organisations/new", ok: 200 },
  { method: "POST", url: "/admin/organisations", body: { name: "Associazione Esempio" }, ok: 303 },
  { method: "GET", url: "/admin/organisations/ORG", ok: 200 },
  {
    method: "POST",
    url: "/admin/organisations/ORG",
    body: { name: "Associazione Esempio Trento" },
    ok: [303, "/admin/organisations/ORG"],
  },
  {
    method: "POST",
    url: "/admin/organisations/ORG/coordinators",
    body: { email: "COORDINATOR" },
    ok: [303, "/admin/organisations/ORG"],
  },
  {
    method: "POST",
    url: "/admin/organisations/ORG/coordinators/PERSON/remove",
    ok: [303, "/admin/organisations/ORG"],
  },
];

let t: TestApp;
let sequence = 0;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function browserFor(role: Role) {
  const browser = new TestBrowser(t.app);
  if (role === "anonymous") return browser;
  const person = await createPerson(t, { isAdmin: role !== "member" });
  const session = await startSession(
    t.database.db,
    person.id,
    role === "adminByPasskey" ? "passkey" : "email",
    t.clock.now(),
  );
  browser.cookies.set("__Host-mutua_session", session.secret);
  return browser;
}

describe("who may use the administrators' pages", () => {
  for (const row of rows) {
    for (const role of roles) {
      const wanted: number | [number, string] =
        role === "adminByPasskey" ? row.ok : role === "anonymous" ? [303, "/sign-in"] : 403;
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${role}`, async () => {
        const org = await createOrganisation(t, `Org ${++sequence}`);
        const coordinator = await createPerson(t);
        const fill = (text: string) =>
          text
            .replaceAll("ORG", org.id)
            .replaceAll("COORDINATOR", coordinator.email)
            .replaceAll("PERSON", coordinator.id)
            .replaceAll("NEWSLUG", `new-${sequence}`);
        const browser = await browserFor(role);
        const body = Object.fromEntries(
          Object.entries(row.body ?? {}).map(([k, v]) => [k, fill(v)]),
        );
        const response =
          row.method === "GET"
            ? await browser.get(fill(row.url))
            : await browser.post(fill(row.url), body);
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
      });
    }
  }

  it("has a row for every administrators' route", () => {
    const pattern = (url: string) =>
      url
        .replace("/difficulties/loneliness", "/difficulties/:slug")
        .replace("/organisations/ORG", "/organisations/:id")
        .replace("/PERSON/", "/:personId/");
    const covered = new Set(rows.map((r) => `${r.method} ${pattern(r.url)}`));
    const served = servedRoutes(t.app).filter((r) => isAdminRoute(r.url));
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe("what administrators change", () => {
  it("renames, translates and retires a difficulty, keeping the input on a bad answer", async () => {
    const admin = await browserFor("adminByPasskey");
    const bad = await admin.post("/admin/difficulties/alcohol", { ...texts, nameEn: "A" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a name of 2 to 80 characters");
    expect(bad.body).toContain('value="Assistere a distanza"');
    await admin.post("/admin/difficulties/alcohol", { ...texts, nameEn: "Drinking" });
    await admin.post("/admin/difficulties/alcohol/retire", { retire: "yes" });
    const row = await getDifficulty(t.database.db, "alcohol");
    expect(row?.names.en).toBe("Drinking");
    expect(row?.retiredAt).not.toBeNull();
    const member = await browserFor("member");
    expect((await member.get("/groups/new")).body).not.toContain("Drinking");
  });

  it("names a coordinator by e-mail, and refuses an address without an account", async () => {
    const admin = await browserFor("adminByPasskey");
    const created = await admin.post("/admin/organisations", { name: "Associazione Ama" });
    const id = String(created.headers.location).split("/").pop()!;
    const unknown = await admin.post(`/admin/organisations/${id}/coordinators`, {
      email: "nobody-here@example.org",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Nobody with this e-mail address has an account yet");
    const luca = await createPerson(t, { displayName: "Luca" });
    await admin.post(`/admin/organisations/${id}/coordinators`, { email: luca.email });
    const coordinators = await listCoordinators(t.database.db, id);
    expect(coordinators.map((c) => c.personId)).toEqual([luca.id]);
    expect((await admin.get(`/admin/organisations/${id}`)).body).toContain("Luca");
  });

  it("adds an organisation and a difficulty once when a form is sent twice (a double click)", async () => {
    const admin = await browserFor("adminByPasskey");
    const organisation = onceIn((await admin.get("/admin/organisations/new")).body);
    const before = (await listOrganisations(t.database.db)).length;
    const sent = { name: "Associazione Due Volte", _once: organisation };
    const [first, second] = await Promise.all([
      admin.post("/admin/organisations", sent),
      admin.post("/admin/organisations", sent),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await listOrganisations(t.database.db)).toHaveLength(before + 1);

    const difficulty = onceIn((await admin.get("/admin/difficulties/new")).body);
    // A first sending with a short name already used comes back with the same id.
    const taken = await admin.post("/admin/difficulties", {
      ...texts,
      slug: "alcohol",
      _once: difficulty,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("This short name is already used");
    expect(taken.body).toContain(`name="_once" value="${difficulty}"`);
    const fixed = { ...texts, slug: "caring-from-afar", _once: difficulty };
    const [one, two] = await Promise.all([
      admin.post("/admin/difficulties", fixed),
      admin.post("/admin/difficulties", fixed),
    ]);
    // The second sending is not told that the name it just added is taken.
    expect([one.statusCode, two.statusCode]).toEqual([303, 303]);
    expect(two.headers.location).toBe("/admin/difficulties");
    expect((await getDifficulty(t.database.db, "caring-from-afar"))?.names.en).toBe(texts.nameEn);
  });
});

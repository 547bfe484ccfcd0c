import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onceIn, TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../test/doors.js";
import { createOrganisation, createPerson } from "../../test/factories.js";
import { isAdminRoute, isBoardFamilyRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { getDifficulty } from "../difficulties/reads.js";
import { listCoordinators, listOrganisations } from "../organisations/reads.js";

const roles = ["anonymous", "member", "adminByEmail", "adminByPasskey"] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST";
  url: string;
  body?: Record<string, string>;
  ok: Expect;
  /** Where the JSON twin of a form answers otherwise than the page would suggest. */
  json?: Partial<Record<Role, number>>;
};

/** What each kind of visitor gets from a page: only an administrator with a passkey is let in. */
const pageExpect = (row: Row, role: Role): Expect =>
  role === "adminByPasskey" ? row.ok : role === "anonymous" ? [303, "/sign-in"] : 403;

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

/** A fresh organisation and a person to name its coordinator, for each check. */
async function scene() {
  const org = await createOrganisation(t, `Org ${++sequence}`);
  const coordinator = await createPerson(t);
  return (text: string) =>
    text
      .replaceAll("ORG", org.id)
      .replaceAll("COORDINATOR", coordinator.email)
      .replaceAll("PERSON", coordinator.id)
      .replaceAll("NEWSLUG", `new-${sequence}`);
}

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
      const wanted = pageExpect(row, role);
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${role}`, async () => {
        const fill = await scene();
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

  // The same rows through each form's JSON twin: the same rules, answered as the API answers.
  for (const row of rows) {
    const twin = jsonTwinOf(row.method, row.url);
    if (!twin) continue;
    for (const role of roles) {
      const status = row.json?.[role] ?? twinExpect(pageExpect(row, role), twin.status);
      it(`${twin.method} ${twin.url}, the twin of ${row.url}, answers ${status} to ${role}`, async () => {
        const fill = await scene();
        const browser = await browserFor(role);
        const body =
          twin.method === "DELETE"
            ? undefined
            : Object.fromEntries(Object.entries(row.body ?? {}).map(([k, v]) => [k, fill(v)]));
        const response = await browser.json(twin.method as "POST", fill(twin.url), body);
        expect(response.statusCode).toBe(status);
      });
    }
  }

  it("has a row for every administrators' route", () => {
    const pattern = (url: string) =>
      url
        .replace("/difficulties/loneliness", "/difficulties/:slug")
        .replace("/organisations/ORG", "/organisations/:id")
        .replace(/\/PERSON(\/|$)/, "/:personId$1");
    const covered = new Set(
      rows.flatMap((r) => {
        const twin = jsonTwinOf(r.method, r.url);
        const page = `${r.method} ${pattern(r.url)}`;
        return twin ? [page, `${twin.method} ${pattern(twin.url)}`] : [page];
      }),
    );
    const served = servedRoutes(t.app).filter(
      (r) => isAdminRoute(r.url) && !isBoardFamilyRoute(r.url),
    );
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

  it("answers the same refusals through the API: a short name already used, an address without an account", async () => {
    const admin = await browserFor("adminByPasskey");
    const taken = await admin.json("POST", "/api/v1/admin/difficulties", {
      ...texts,
      slug: "alcohol",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: "slug_taken" } });
    const created = await admin.json("POST", "/api/v1/admin/organisations", { name: "Ama Api" });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const unknown = await admin.json("POST", `/api/v1/admin/organisations/${id}/coordinators`, {
      email: "nobody-here@example.org",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: { code: "no_such_person" } });
    const luca = await createPerson(t, { displayName: "Luca" });
    const named = await admin.json("POST", `/api/v1/admin/organisations/${id}/coordinators`, {
      email: luca.email,
    });
    expect(named.json()).toMatchObject({
      id,
      name: "Ama Api",
      coordinators: [{ personId: luca.id, displayName: "Luca" }],
    });
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

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../test/doors.js";
import { createPerson } from "../../test/factories.js";
import {
  isAdminRoute,
  isBoardFamilyRoute,
  isGroupLifeRoute,
  isGroupsRoute,
  isOrganisationRoute,
  servedRoutes,
} from "../../test/routes.js";
import { startSession } from "./writes.js";

/**
 * Every route, for every kind of visitor this part of Mutua knows: the status each one gets.
 * A route added without a row here fails the last test.
 */
type Role = "anonymous" | "member" | "adminByEmail" | "adminByPasskey";
type Row = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  body?: Record<string, unknown>;
  /** Sent as JSON: a route of the API. */
  json?: boolean;
  expect: Record<Role, Expect>;
  /** Where the JSON twin of a form answers otherwise than the page would suggest. */
  twin?: Partial<Record<Role, number>>;
  /** The form this row is the JSON twin of. */
  twinOf?: string;
};

const all = (status: Expect) =>
  ({
    anonymous: status,
    member: status,
    adminByEmail: status,
    adminByPasskey: status,
  }) as Row["expect"];
const signedIn = (anonymous: Expect, others: Expect) =>
  ({ anonymous, member: others, adminByEmail: others, adminByPasskey: others }) as Row["expect"];
const toSignIn: [number, string] = [303, "/sign-in"];

const rows: Row[] = [
  { method: "GET", url: "/", expect: all(200) },
  { method: "GET", url: "/urgent-help", expect: all(200) },
  { method: "GET", url: "/healthz", expect: all(200) },
  { method: "GET", url: "/readyz", expect: all(200) },
  { method: "GET", url: "/assets/app.css", expect: all(200) },
  { method: "GET", url: "/api/openapi.json", expect: all(200) },
  { method: "GET", url: "/dev/outbox", expect: all(200) },
  { method: "GET", url: "/sign-in", expect: signedIn(200, [302, "/account"]) },
  {
    method: "POST",
    url: "/sign-in",
    body: { email: "someone@example.org" },
    expect: all([303, "/sign-in/check-email"]),
  },
  { method: "GET", url: "/sign-in/check-email", expect: all([302, "/sign-in"]) },
  { method: "POST", url: "/sign-in/code", body: { code: "123456" }, expect: all(400) },
  { method: "GET", url: "/sign-in/link?token=nope", expect: all(400) },
  { method: "POST", url: "/sign-in/link", body: { token: "nope" }, expect: all(400) },
  // Signed out already, the page says so; the API asks who is signing out.
  { method: "POST", url: "/sign-out", expect: all([303, "/"]), twin: { anonymous: 401 } },
  {
    method: "POST",
    url: "/sign-out/everywhere",
    expect: all([303, "/"]),
    twin: { anonymous: 401 },
  },
  { method: "GET", url: "/account", expect: signedIn(toSignIn, 200) },
  { method: "GET", url: "/welcome", expect: signedIn(toSignIn, 200) },
  {
    method: "POST",
    url: "/welcome",
    body: { displayName: "Ada" },
    expect: signedIn(toSignIn, [303, "/account"]),
  },
  { method: "GET", url: "/account/profile", expect: signedIn(toSignIn, 200) },
  {
    method: "POST",
    url: "/account/profile",
    body: { displayName: "Ada", language: "en", textSize: "large", contrast: "standard" },
    expect: signedIn(toSignIn, [303, "/account"]),
  },
  { method: "GET", url: "/account/export", expect: signedIn(toSignIn, 200) },
  { method: "GET", url: "/account/delete", expect: signedIn(toSignIn, 200) },
  { method: "POST", url: "/account/delete", expect: signedIn(toSignIn, 200) },
  {
    method: "POST",
    url: "/account/passkeys/OTHERS_PASSKEY/remove",
    expect: signedIn(toSignIn, 404),
  },
  { method: "GET", url: "/language/it?back=/", expect: all([303, "/"]) },
  { method: "GET", url: "/setup?token=nope", expect: all(404) },
  {
    method: "POST",
    url: "/setup?token=nope",
    body: { email: "admin@example.org" },
    expect: all(404),
  },
  { method: "GET", url: "/api/v1/me", expect: signedIn(401, 200) },
  {
    method: "PATCH",
    url: "/api/v1/me",
    json: true,
    body: { textSize: "large" },
    expect: signedIn(401, 200),
  },
  {
    method: "POST",
    url: "/api/v1/me/passkeys/registration-options",
    json: true,
    body: {},
    expect: signedIn(401, 200),
  },
  {
    method: "POST",
    url: "/api/v1/me/passkeys",
    json: true,
    body: { response: {} },
    expect: signedIn(401, 400),
  },
  {
    method: "POST",
    url: "/api/v1/passkey-sign-in/options",
    json: true,
    body: {},
    expect: all(200),
  },
  {
    method: "POST",
    url: "/api/v1/passkey-sign-in",
    json: true,
    body: { response: {} },
    expect: all(400),
  },
];

let t: TestApp;
let othersPasskey: string;
beforeAll(async () => {
  t = await buildTestApp();
  const other = await createPerson(t);
  othersPasskey = `other-${other.id}`;
  const { passkeys } = await import("./tables.js");
  await t.database.db.insert(passkeys).values({
    id: othersPasskey,
    personId: other.id,
    publicKey: "AAAA",
    deviceType: "singleDevice",
    backedUp: false,
    name: "Someone else's passkey",
  });
});
afterAll(async () => {
  await t.close();
});

async function browserFor(role: Role): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app);
  if (role === "anonymous") return browser;
  const person = await createPerson(t, { isAdmin: role !== "member", displayName: "Ada" });
  const session = await startSession(
    t.database.db,
    person.id,
    role === "adminByPasskey" ? "passkey" : "email",
    t.clock.now(),
  );
  browser.cookies.set("__Host-mutua_session", session.secret);
  await browser.get("/");
  return browser;
}

describe("who may use each route", () => {
  // The same rows through each form's JSON twin: the same rules, answered as the API answers.
  const twins = rows.flatMap((row) => {
    const twin = row.json ? null : jsonTwinOf(row.method, row.url);
    if (!twin) return [];
    const expect = Object.fromEntries(
      Object.entries(row.expect).map(([role, wanted]) => [
        role,
        row.twin?.[role as Role] ?? twinExpect(wanted, twin.status),
      ]),
    ) as Row["expect"];
    const body = twin.method === "DELETE" ? undefined : row.body;
    const method = twin.method as Row["method"];
    return [{ method, url: twin.url, body, json: true, expect, twinOf: row.url }];
  });
  rows.push(...twins);

  for (const row of rows) {
    for (const role of Object.keys(row.expect) as Role[]) {
      const wanted = row.expect[role];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      const name = `${row.method} ${row.url}${row.twinOf ? `, the twin of ${row.twinOf},` : ""}`;
      it(`${name} answers ${status} to ${role}`, async () => {
        const browser = await browserFor(role);
        const url = row.url.replace("OTHERS_PASSKEY", othersPasskey);
        const response =
          row.json || row.method === "PATCH"
            ? await browser.json(row.method, url, row.body)
            : row.method === "GET"
              ? await browser.get(url)
              : await browser.post(url, (row.body ?? {}) as Record<string, string>);
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(location);
      });
    }
  }

  it("lets an administrator who has a passkey add or remove passkeys only signed in with one", async () => {
    const { passkeys } = await import("./tables.js");
    const admin = await createPerson(t, { isAdmin: true, displayName: "Amministratrice" });
    await t.database.db.insert(passkeys).values({
      id: `own-${admin.id}`,
      personId: admin.id,
      publicKey: "AAAA",
      deviceType: "singleDevice",
      backedUp: false,
      name: "Her own passkey",
    });
    const signedIn = async (method: "email" | "passkey") => {
      const browser = new TestBrowser(t.app);
      const session = await startSession(t.database.db, admin.id, method, t.clock.now());
      browser.cookies.set("__Host-mutua_session", session.secret);
      await browser.get("/");
      return browser;
    };
    // Someone who got into her mailbox signs in by e-mail: they cannot add their own passkey, nor
    // take hers away.
    const byEmail = await signedIn("email");
    const options = await byEmail.json("POST", "/api/v1/me/passkeys/registration-options", {});
    expect(options.statusCode).toBe(403);
    expect(options.json()).toMatchObject({ error: { code: "passkey_required" } });
    const removal = await byEmail.post(`/account/passkeys/own-${admin.id}/remove`);
    expect(removal.statusCode).toBe(403);
    const viaApi = await byEmail.json("DELETE", `/api/v1/me/passkeys/own-${admin.id}`);
    expect(viaApi.statusCode).toBe(403);
    expect(viaApi.json()).toMatchObject({ error: { code: "passkey_required" } });
    expect((await t.database.db.select().from(passkeys)).map((p) => p.id)).toContain(
      `own-${admin.id}`,
    );
    // Signed in with her passkey, she can.
    const byPasskey = await signedIn("passkey");
    const allowed = await byPasskey.json("POST", "/api/v1/me/passkeys/registration-options", {});
    expect(allowed.statusCode).toBe(200);
  });

  it("keeps someone else's passkey in place whoever tries to remove it", async () => {
    const { passkeys } = await import("./tables.js");
    const left = await t.database.db.select().from(passkeys);
    expect(left.map((p) => p.id)).toContain(othersPasskey);
  });

  it("has a row for every route the app serves", () => {
    const served = servedRoutes(t.app).filter(
      (route) =>
        !isGroupsRoute(route.url) &&
        !isAdminRoute(route.url) &&
        !isGroupLifeRoute(route.url) &&
        !isOrganisationRoute(route.url) &&
        !isBoardFamilyRoute(route.url),
    );
    const normalise = (url: string) =>
      url
        .split("?")[0]!
        .replace("/assets/app.css", "/assets/:file")
        .replace(/\/OTHERS_PASSKEY(\/|$)/, "/:passkeyId$1")
        .replace("/language/it", "/language/:language");
    const covered = new Set(rows.map((r) => `${r.method} ${normalise(r.url)}`));
    for (const pair of covered) {
      const [method, url] = pair.split(" ") as [Row["method"], string];
      expect(t.app.hasRoute({ method, url }), `${pair} is a route`).toBe(true);
    }
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

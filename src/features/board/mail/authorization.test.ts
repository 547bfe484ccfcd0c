import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../../test/browser.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../../test/doors.js";
import {
  addMember,
  addWaiting,
  createGroup,
  createOrganisation,
  createPerson,
} from "../../../test/factories.js";
import { servedRoutes } from "../../../test/routes.js";
import { startSession } from "../../accounts/writes.js";
import { memberships } from "../../memberships/tables.js";
import { boardMailPreferences } from "../tables.js";

/**
 * Every route of the mail about a board, for every kind of visitor. The choice is the active
 * members' own, like the board: to anyone else it does not exist (404, as for a missing group).
 * An unsubscribe link works for whoever holds it, signed in or not: its secret is the key.
 */
const roles = [
  "anonymous",
  "nonMember",
  "requested",
  "waitlisted",
  "former",
  "member",
  "facilitator",
  "guide",
  "observer",
  "coordinator",
  "admin",
] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST" | "PUT";
  url: string;
  body?: Record<string, string>;
  expect: Record<Role, Expect>;
};

const toSignIn: Expect = [303, "/sign-in"];
const members = (member: Expect, leaders: Expect) => ({
  anonymous: toSignIn,
  nonMember: 404,
  requested: 404,
  waitlisted: 404,
  former: 404,
  coordinator: 404,
  admin: 404,
  observer: 404,
  member,
  facilitator: leaders,
  guide: leaders,
});
const api = (member: Expect, leaders: Expect) => ({ ...members(member, leaders), anonymous: 401 });
const everyone = (e: Expect) =>
  Object.fromEntries(roles.map((r) => [r, e])) as Record<Role, Expect>;
const chosen: Expect = [303, "/groups/SLUG/board/mail"];
const NO_SUCH_LINK = "a".repeat(43);

const rows: Row[] = [
  { method: "GET", url: "/groups/SLUG/board/mail", expect: members(200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/mail",
    body: { choice: "each" },
    expect: members(chosen, chosen),
  },
  { method: "GET", url: "/api/v1/groups/SLUG/board/mail", expect: api(200, 200) },
  // A link only asks when opened; one that was never sent changes nothing, for anyone.
  { method: "GET", url: `/unsubscribe/board/${NO_SUCH_LINK}`, expect: everyone(200) },
  { method: "POST", url: `/unsubscribe/board/${NO_SUCH_LINK}`, expect: everyone(404) },
];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const place: Partial<Record<Role, "member" | "facilitator" | "guide">> = {
  member: "member",
  facilitator: "facilitator",
  guide: "guide",
  observer: "guide",
  former: "member",
};

/** A fresh group for each check, so one role's answer never changes another's. */
async function scene(who: Role) {
  const now = t.clock.now();
  const person = who === "anonymous" ? null : await createPerson(t, { isAdmin: who === "admin" });
  const organisation = await createOrganisation(
    t,
    "Associazione Alzheimer Trento",
    who === "coordinator" && person ? [person.id] : [],
  );
  const group = await createGroup(t, {
    organisationId: organisation.id,
    // The handover happened yesterday: the guide is now an observer.
    handoverAt: who === "observer" ? new Date(now.getTime() - 86_400_000) : null,
  });
  const other = await createPerson(t, { displayName: "Ada" });
  await addMember(t, group.id, other.id);
  const browser = new TestBrowser(t.app);
  if (person) {
    const role = place[who];
    if (role) await addMember(t, group.id, person.id, role);
    if (who === "former") {
      await t.database.db
        .update(memberships)
        .set({ state: "left", endedAt: now })
        .where(eq(memberships.personId, person.id));
    }
    if (who === "requested" || who === "waitlisted") await addWaiting(t, group.id, person.id, who);
    const session = await startSession(t.database.db, person.id, "email", now);
    browser.cookies.set("__Host-mutua_session", session.secret);
  }
  await browser.get("/sign-in");
  const fill = (text: string) => text.replaceAll("SLUG", group.slug);
  return { browser, fill, person };
}

const explicit = new Set(rows.map((row) => `${row.method} ${row.url}`));
const twinRows: Row[] = rows.flatMap((row) => {
  const twin = jsonTwinOf(row.method, row.url);
  if (!twin || explicit.has(`${twin.method} ${twin.url}`)) return [];
  const expect = Object.fromEntries(
    roles.map((who) => [who, twinExpect(row.expect[who], twin.status)]),
  ) as Record<Role, Expect>;
  const method = twin.method as Row["method"];
  return [{ method, url: twin.url, ...(row.body ? { body: row.body } : {}), expect }];
});

const bodyOf = (row: Row) => (row.method === "GET" ? undefined : (row.body ?? {}));

describe("who may use each route of the mail about a board", () => {
  for (const row of [...rows, ...twinRows]) {
    for (const who of roles) {
      const wanted = row.expect[who];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${who}`, async () => {
        const { browser, fill, person } = await scene(who);
        const url = fill(row.url);
        const send = (to: string) =>
          to.startsWith("/api/")
            ? browser.json(row.method, to, bodyOf(row))
            : row.method === "GET"
              ? browser.get(to)
              : browser.post(to, row.body ?? {});
        const response = await send(url);
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
        if (status === 404) {
          // Exactly what a group that does not exist answers: nothing gives it away.
          const missing = await send(url.replace(/\/groups\/[^/]+/, "/groups/no-such-group"));
          expect(missing.statusCode).toBe(404);
          expect(response.body).toBe(missing.body);
        }
        // Refused, nothing was saved.
        if (person && row.method !== "GET" && status >= 400) {
          const saved = await t.database.db
            .select()
            .from(boardMailPreferences)
            .where(eq(boardMailPreferences.personId, person.id));
          expect(saved).toEqual([]);
        }
      });
    }
  }

  it("has a row for every route of the mail about a board the app serves", () => {
    const served = servedRoutes(t.app).filter(
      (route) =>
        /\/board\/mail(\/|$)/.test(route.url) || route.url.startsWith("/unsubscribe/board/"),
    );
    const pattern = (url: string) =>
      url
        .replace("/groups/SLUG", "/groups/:slug")
        .replace(`/unsubscribe/board/${NO_SUCH_LINK}`, "/unsubscribe/board/:token");
    const covered = new Set([...rows, ...twinRows].map((r) => `${r.method} ${pattern(r.url)}`));
    expect(served).toHaveLength(6);
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

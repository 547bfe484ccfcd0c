import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../test/doors.js";
import {
  addMember,
  addWaiting,
  createGroup,
  createOrganisation,
  createPerson,
} from "../../test/factories.js";
import { isGroupLifeRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { meetings } from "./tables.js";

/**
 * Every route of a group's life (meetings, rota, reminders, members and roles), for every kind of visitor: the status each gets. To anyone outside the
 * group (its organisation's coordinator and the administrators included) the meetings do not
 * exist: 404, exactly as for a missing group. An observer (the guide after the handover) sees
 * the meetings but not who takes part, and can do nothing: what only members do does not exist
 * for them either (404).
 */
const roles = [
  "anonymous",
  "nonMember",
  "requested",
  "waitlisted",
  "member",
  "facilitator",
  "guide",
  "observer",
  "coordinator",
  "admin",
] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  body?: Record<string, string>;
  expect: Record<Role, Expect>;
  /** Where the JSON twin of a form answers otherwise than the page would suggest. */
  json?: Partial<Record<Role, number>>;
};

const toSignIn: Expect = [303, "/sign-in"];
const outsiders = { nonMember: 404, requested: 404, waitlisted: 404, coordinator: 404, admin: 404 };
const members = (member: Expect, leaders: Expect, observer: Expect) => ({
  anonymous: toSignIn,
  ...outsiders,
  member,
  facilitator: leaders,
  guide: leaders,
  observer,
});
const everyone = (e: Expect) =>
  Object.fromEntries(roles.map((r) => [r, e])) as Record<Role, Expect>;
const back = (meeting: string): Expect => [303, `/groups/SLUG/meetings/${meeting}`];
const api = (member: Expect, leaders: Expect, observer: Expect) => ({
  ...members(member, leaders, observer),
  anonymous: 401,
});

const rows: Row[] = [
  { method: "GET", url: "/groups/SLUG/meetings", expect: members(200, 200, 200) },
  { method: "GET", url: "/groups/SLUG/meetings/new", expect: members(404, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings",
    body: { date: "2026-04-30", startTime: "17:00", endTime: "18:30" },
    expect: members(404, 303, 404),
  },
  { method: "GET", url: "/groups/SLUG/rota", expect: members(200, 200, 404) },
  { method: "GET", url: "/groups/SLUG/meetings/OPEN", expect: members(200, 200, 200) },
  { method: "GET", url: "/groups/SLUG/meetings/OPEN/invite.ics", expect: members(200, 200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/answer",
    body: { answer: "yes" },
    expect: members(back("OPEN"), back("OPEN"), 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/suggestions",
    body: { text: "Sleeping well" },
    expect: members(back("OPEN"), back("OPEN"), 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/theme",
    body: { theme: "Sleeping well" },
    expect: members(403, back("OPEN"), 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/volunteer",
    expect: members(back("OPEN"), back("OPEN"), 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/MINE/step-down",
    expect: members(back("MINE"), back("MINE"), 404),
  },
  { method: "GET", url: "/groups/SLUG/meetings/OPEN/facilitator", expect: members(403, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/facilitator",
    body: { personId: "" },
    expect: members(403, back("OPEN"), 404),
  },
  { method: "GET", url: "/groups/SLUG/meetings/NOW/attendance", expect: members(403, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/NOW/attendance",
    body: { present: "" },
    expect: members(403, back("NOW"), 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/NOW/present",
    expect: members(back("NOW"), back("NOW"), 404),
  },
  { method: "GET", url: "/groups/SLUG/meetings/OPEN/move", expect: members(403, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/move",
    body: { date: "2026-04-30", startTime: "10:00", reason: "The hall is closed." },
    expect: members(403, back("OPEN"), 404),
  },
  { method: "GET", url: "/groups/SLUG/meetings/OPEN/cancel", expect: members(403, 200, 404) },
  { method: "GET", url: "/groups/SLUG/reminders", expect: members(200, 200, 404) },
  // Members and roles: an observer no longer sees who the members are.
  { method: "GET", url: "/groups/SLUG/members", expect: members(200, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/members/OTHER/role",
    body: { role: "facilitator" },
    expect: members(404, [303, "/groups/SLUG/members"], 404),
  },
  {
    method: "GET",
    url: "/groups/SLUG/members/OTHER/remove",
    expect: members(404, 200, 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/members/OTHER/remove",
    expect: members(404, [303, "/groups/SLUG/members"], 404),
  },
  { method: "GET", url: "/groups/SLUG/invitations", expect: members(404, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/invitations",
    body: { email: "someone@example.org" },
    expect: members(404, [303, "/groups/SLUG/members"], 404),
  },
  // A link that was never sent: nothing there, once signed in.
  {
    method: "GET",
    url: `/invitations/${"b".repeat(43)}`,
    expect: { ...everyone(404), anonymous: toSignIn },
  },
  {
    method: "POST",
    url: `/invitations/${"b".repeat(43)}`,
    expect: { ...everyone(404), anonymous: toSignIn },
  },
  { method: "GET", url: "/groups/SLUG/handover", expect: members(404, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/handover",
    body: { date: "2026-04-30" },
    expect: { ...members(404, 403, 404), guide: [303, "/groups/SLUG/handover"] },
  },
  // The agreement: the members' own; the people who lead propose changes.
  { method: "GET", url: "/groups/SLUG/agreement", expect: members(200, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/agreement",
    body: { text: "What is said here stays here. Pass is always fine." },
    expect: members(403, [303, "/groups/SLUG/agreement"], 404),
  },
  // No change is open: there is nothing to object to.
  { method: "POST", url: "/groups/SLUG/agreement/objection", expect: members(403, 403, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/agreement/accept",
    expect: members([303, "/groups/SLUG"], [303, "/groups/SLUG"], 404),
  },
  // Splitting: members see it; a group of two or three is too small to split, and nothing is
  // proposed, so there is nothing to choose, complete or withdraw.
  { method: "GET", url: "/groups/SLUG/split", expect: members(200, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/split",
    body: { name1: "Martedì", weekday1: "2", time1: "10:30", name2: "Giovedì", weekday2: "4" },
    expect: members(403, 403, 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/split/choice",
    body: { part: "1" },
    expect: members(403, 403, 404),
  },
  { method: "POST", url: "/groups/SLUG/split/complete", expect: members(403, 403, 404) },
  { method: "POST", url: "/groups/SLUG/split/withdraw", expect: members(403, 403, 404) },
  // The group's page and schedule: changed by the people who lead it only. An empty form is
  // refused with its messages (400) and changes nothing.
  { method: "GET", url: "/groups/SLUG/settings", expect: members(404, 200, 404) },
  { method: "POST", url: "/groups/SLUG/settings", expect: members(404, 400, 404) },
  // Pausing and closing: for the people who lead. An open group has no history page yet.
  { method: "GET", url: "/groups/SLUG/close", expect: members(404, 200, 404) },
  {
    method: "POST",
    url: "/groups/SLUG/close",
    body: { change: "pause" },
    expect: members(404, [303, "/groups/SLUG"], 404),
  },
  { method: "GET", url: "/groups/SLUG/history", expect: members(404, 404, 404) },
  // Nothing was proposed: nobody can agree yet.
  { method: "POST", url: "/groups/SLUG/handover/agree", expect: members(404, 403, 404) },
  {
    method: "GET",
    url: "/api/v1/groups/SLUG/meetings",
    expect: { ...members(200, 200, 200), anonymous: 401 },
  },
  // The JSON API of the group's life: members only; an observer, like anyone outside, finds
  // nothing (the meetings aside).
  { method: "GET", url: "/api/v1/groups/SLUG/members", expect: api(200, 200, 404) },
  { method: "GET", url: "/api/v1/groups/SLUG/agreement", expect: api(200, 200, 404) },
  {
    method: "POST",
    url: "/api/v1/groups/SLUG/agreement/changes",
    body: { text: "What is said here stays here. Pass is always fine.", reason: "" },
    expect: api(403, 201, 404),
  },
  {
    method: "POST",
    url: "/api/v1/groups/SLUG/agreement/objections",
    body: { reason: "" },
    expect: api(403, 403, 404),
  },
  { method: "POST", url: "/api/v1/groups/SLUG/agreement/acceptance", expect: api(200, 200, 404) },
  { method: "GET", url: "/api/v1/groups/SLUG/split", expect: api(200, 200, 404) },
  {
    method: "PUT",
    url: "/api/v1/groups/SLUG/split/choice",
    body: { part: "1" },
    expect: api(403, 403, 404),
  },
  {
    method: "POST",
    url: "/groups/SLUG/reminders",
    body: { emails: "dayBefore" },
    expect: members([303, "/groups/SLUG/reminders"], [303, "/groups/SLUG/reminders"], 404),
  },
  // An unsubscribe link only asks when opened; an unknown one changes nothing for anyone.
  { method: "GET", url: `/unsubscribe/${"a".repeat(43)}`, expect: everyone(200) },
  { method: "POST", url: `/unsubscribe/${"a".repeat(43)}`, expect: everyone(404) },
  {
    method: "POST",
    url: "/groups/SLUG/meetings/OPEN/cancel",
    body: { reason: "The hall is closed." },
    expect: members(403, back("OPEN"), 404),
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const state: Partial<Record<Role, "requested" | "waitlisted">> = {
  requested: "requested",
  waitlisted: "waitlisted",
};
const role: Partial<Record<Role, "member" | "facilitator" | "guide">> = {
  member: "member",
  facilitator: "facilitator",
  guide: "guide",
  observer: "guide",
};

/** A fresh group and meetings for each check, so one role's answer never changes another's. */
async function scene(who: Role) {
  const now = t.clock.now();
  const person = who === "anonymous" ? null : await createPerson(t, { isAdmin: who === "admin" });
  const organisation = await createOrganisation(
    t,
    "Associazione Alzheimer Trento",
    who === "coordinator" && person ? [person.id] : [],
  );
  const row = await createGroup(t, {
    organisationId: organisation.id,
    // The handover happened yesterday: the guide is now an observer.
    handoverAt: who === "observer" ? new Date(now.getTime() - 86_400_000) : null,
  });
  const group = row;
  const browser = new TestBrowser(t.app);
  if (person) {
    const place = role[who];
    if (place) await addMember(t, group.id, person.id, place);
    const waiting = state[who];
    if (waiting) await addWaiting(t, group.id, person.id, waiting);
    const session = await startSession(t.database.db, person.id, "email", now);
    browser.cookies.set("__Host-mutua_session", session.secret);
  }
  const [open, mine, started] = await t.database.db
    .insert(meetings)
    .values([
      {
        groupId: group.id,
        uid: `open-${group.id}@test`,
        startsAt: new Date(now.getTime() + 5 * 86_400_000),
        endsAt: new Date(now.getTime() + 5 * 86_400_000 + 5_400_000),
      },
      {
        groupId: group.id,
        uid: `mine-${group.id}@test`,
        startsAt: new Date(now.getTime() + 6 * 86_400_000),
        endsAt: new Date(now.getTime() + 6 * 86_400_000 + 5_400_000),
        facilitatorId: role[who] && who !== "observer" ? person!.id : null,
      },
      {
        groupId: group.id,
        uid: `now-${group.id}@test`,
        startsAt: new Date(now.getTime() - 1_800_000),
        endsAt: new Date(now.getTime() + 3_600_000),
      },
    ])
    .returning();
  const other = await createPerson(t, { displayName: "Ada" });
  await addMember(t, group.id, other.id);
  await browser.get("/sign-in");
  const fill = (text: string) =>
    text
      .replaceAll("SLUG", group.slug)
      .replaceAll("OTHER", other.id)
      .replaceAll("OPEN", open!.id)
      .replaceAll("MINE", mine!.id)
      .replaceAll("NOW", started!.id);
  return { browser, fill };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const UUID_ALL = new RegExp(UUID.source, "g");
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Each form's JSON twin, with the page's expectations as the API gives them: the same rules
 * through the other door. A twin with a row of its own above is not repeated.
 */
const explicit = new Set(rows.map((row) => `${row.method} ${row.url}`));
const twinRows: Row[] = rows.flatMap((row) => {
  const twin = jsonTwinOf(row.method, row.url);
  if (!twin || explicit.has(`${twin.method} ${twin.url}`)) return [];
  const expect = Object.fromEntries(
    roles.map((who) => [who, row.json?.[who] ?? twinExpect(row.expect[who], twin.status)]),
  ) as Record<Role, Expect>;
  const method = twin.method as Row["method"];
  return [{ method, url: twin.url, ...(row.body ? { body: row.body } : {}), expect }];
});

/** What a JSON request sends: nothing for a read or a removal, otherwise the row's body. */
const bodyOf = (row: Row) =>
  row.method === "GET" || row.method === "DELETE" ? undefined : (row.body ?? {});

describe("who may use each meetings route", () => {
  for (const row of [...rows, ...twinRows]) {
    for (const who of roles) {
      const wanted = row.expect[who];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${who}`, async () => {
        const { browser, fill } = await scene(who);
        const url = fill(row.url);
        const response = url.startsWith("/api/")
          ? await browser.json(row.method, url, bodyOf(row))
          : row.method === "GET"
            ? await browser.get(url)
            : await browser.post(url, row.body ?? {});
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
        if (status === 404) {
          // Exactly what a group, a meeting or a person that does not exist answers, page or
          // API, reading or sending: nothing gives the group away.
          const send = (to: string) =>
            to.startsWith("/api/")
              ? browser.json(row.method, to, bodyOf(row))
              : row.method === "GET"
                ? browser.get(to)
                : browser.post(to, row.body ?? {});
          const absent = [url.replace(/\/groups\/[^/]+/, "/groups/no-such-group")];
          if (UUID.test(url)) absent.push(url.replaceAll(UUID_ALL, NO_SUCH_ID));
          for (const elsewhere of absent) {
            const missing = await send(elsewhere);
            expect(missing.statusCode, elsewhere).toBe(404);
            expect(response.body, elsewhere).toBe(missing.body);
          }
        }
      });
    }
  }

  it("has a row for every meetings route the app serves", () => {
    const served = servedRoutes(t.app).filter((route) => isGroupLifeRoute(route.url));
    const pattern = (url: string) =>
      url
        .replace("/groups/SLUG", "/groups/:slug")
        .replace(/\/unsubscribe\/a+$/, "/unsubscribe/:token")
        .replace(/\/invitations\/b+$/, "/invitations/:token")
        .replace(/\/meetings\/(OPEN|MINE|NOW)/, "/meetings/:meetingId")
        .replace("/members/OTHER", "/members/:personId");
    const covered = new Set([...rows, ...twinRows].map((r) => `${r.method} ${pattern(r.url)}`));
    expect(served.length).toBeGreaterThan(15);
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

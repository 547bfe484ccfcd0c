import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../test/doors.js";
import { createGroup, createOrganisation, createPerson } from "../../test/factories.js";
import {
  isBoardFamilyRoute,
  isGroupLifeRoute,
  isGroupsRoute,
  servedRoutes,
} from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { memberships } from "../memberships/tables.js";
import { groups } from "./tables.js";

/**
 * Every groups route, for every kind of visitor: the status each gets. Member-only pages
 * answer 404 to everyone else, exactly as for a group that does not exist.
 */
const roles = [
  "anonymous",
  "nonMember",
  "requested",
  "waitlisted",
  "offered",
  "member",
  "facilitator",
  "guide",
  "observer",
  "coordinator",
  "left",
  "removed",
  "admin",
] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST";
  url: string;
  body?: Record<string, string>;
  expect: Record<Role, Expect>;
  /** Where the JSON twin of a form answers otherwise than the page would suggest. */
  json?: Partial<Record<Role, number>>;
};

const toSignIn: Expect = [303, "/sign-in"];
const everyone = (e: Expect) =>
  Object.fromEntries(roles.map((r) => [r, e])) as Record<Role, Expect>;
const signedIn = (e: Expect, anonymous: Expect = toSignIn) => ({ ...everyone(e), anonymous });

/** Everyone who holds or waits for a place can leave; a guide may leave too, before or after. */
const holdsAPlace = (e: Expect) => ({
  requested: e,
  waitlisted: e,
  offered: e,
  member: e,
  facilitator: e,
  guide: e,
  observer: e,
});
/** Joining again is refused to everyone in the group already, and to someone removed from it. */
const alreadyIn = (e: Expect) => ({ ...holdsAPlace(e), removed: e });

const newGroup = {
  name: "Nuovo gruppo",
  description: "Un gruppo per chi assiste una persona cara.",
  firstMeeting: "",
  difficulties: "dementia-care",
  audience: "carers",
  languages: "it",
  format: "online",
  videoUrl: "https://video.example/room",
  scheduleKind: "weekly",
  weekday: "2",
  startsOn: "2026-04-07",
  startTime: "10:30",
  duration: "90",
  capacity: "12",
  joiningPolicy: "open",
  visibility: "listed",
};

const rows: Row[] = [
  { method: "GET", url: "/groups", expect: everyone(200) },
  { method: "GET", url: "/api/v1/groups", expect: everyone(200) },
  { method: "GET", url: "/api/v1/groups/SLUG", expect: everyone(200) },
  { method: "GET", url: "/api/v1/groups/UNLISTED", expect: everyone(200) },
  { method: "GET", url: "/api/v1/groups/CLOSED", expect: everyone(404) },
  { method: "GET", url: "/meetings.json", expect: everyone(200) },
  { method: "GET", url: "/sitemap.xml", expect: everyone(200) },
  { method: "GET", url: "/groups/SLUG/calendar.ics", expect: everyone(200) },
  { method: "GET", url: "/groups/UNLISTED/calendar.ics", expect: everyone(200) },
  // Emptied, so calendars that subscribed drop its meetings.
  { method: "GET", url: "/groups/CLOSED/calendar.ics", expect: everyone(200) },
  { method: "GET", url: "/groups/CLOSED/meetings/2026-03-10.ics", expect: everyone(404) },
  { method: "GET", url: "/groups/SLUG/meetings/2026-03-10.ics", expect: everyone(200) },
  { method: "GET", url: "/groups/new", expect: signedIn(200) },
  { method: "POST", url: "/groups", body: newGroup, expect: signedIn(303) },
  { method: "GET", url: "/groups/SLUG", expect: everyone(200) },
  { method: "GET", url: "/groups/UNLISTED", expect: everyone(200) },
  { method: "GET", url: "/groups/CLOSED", expect: everyone(404) },
  {
    method: "GET",
    url: "/groups/SLUG/join",
    expect: { ...signedIn(200), ...alreadyIn(409) },
  },
  {
    method: "POST",
    url: "/groups/SLUG/join",
    expect: { ...signedIn([303, "/groups/SLUG"]), ...alreadyIn(409) },
  },
  {
    method: "GET",
    url: "/groups/SLUG/leave",
    expect: { ...signedIn(404), ...holdsAPlace(200) },
  },
  {
    method: "POST",
    url: "/groups/SLUG/leave",
    // Someone who left already (a double click, the page sent again) is told they have left.
    expect: {
      ...signedIn(404),
      ...holdsAPlace([303, "/groups/SLUG"]),
      left: [303, "/groups/SLUG"],
    },
    // The API is not sent twice by a double click: leaving again finds no place to leave.
    json: { left: 404 },
  },
  {
    method: "POST",
    url: "/groups/SLUG/offer",
    body: { answer: "accept" },
    // The page tells anyone without an offer what became of it; the API says there is none.
    expect: signedIn([303, "/groups/SLUG"]),
    json: { ...(everyone(409) as Record<Role, number>), anonymous: 401, offered: 200 },
  },
  // The people who lead: the facilitators, and the guide until the handover.
  {
    method: "GET",
    url: "/groups/SLUG/requests",
    expect: { ...signedIn(404), facilitator: 200, guide: 200 },
  },
  {
    method: "POST",
    url: "/groups/SLUG/requests/REQUEST",
    body: { decision: "accept" },
    expect: {
      ...signedIn(404),
      facilitator: [303, "/groups/SLUG/requests"],
      guide: [303, "/groups/SLUG/requests"],
    },
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A fresh group for each check, so one role's join or leave never changes another's. */
async function scene(role: Role) {
  const group = await createGroup(t, { joiningPolicy: "open", capacity: 12 });
  const unlisted = await createGroup(t, { visibility: "unlisted" });
  const closed = await createGroup(t, { status: "closed" });
  const asker = await createPerson(t);
  const [request] = await t.database.db
    .insert(memberships)
    .values({
      groupId: group.id,
      personId: asker.id,
      state: "requested",
      requestedAt: t.clock.now(),
    })
    .returning();
  const browser = new TestBrowser(t.app);
  if (role !== "anonymous") {
    const person = await createPerson(t, { isAdmin: role === "admin" });
    const now = t.clock.now();
    const state = (
      {
        requested: "requested",
        waitlisted: "waitlisted",
        offered: "waitlisted",
        member: "active",
        facilitator: "active",
        guide: "active",
        observer: "active",
        left: "left",
        removed: "removed",
      } as const
    )[role as string];
    if (role === "observer") {
      // The handover was yesterday: the guide now only observes.
      await t.database.db
        .update(groups)
        .set({ handoverAt: new Date(now.getTime() - 86_400_000) })
        .where(eq(groups.id, group.id));
    }
    if (role === "coordinator") {
      const organisation = await createOrganisation(t, "Associazione", [person.id]);
      await t.database.db
        .update(groups)
        .set({ organisationId: organisation.id })
        .where(eq(groups.id, group.id));
    }
    if (state) {
      await t.database.db.insert(memberships).values({
        groupId: group.id,
        personId: person.id,
        state,
        role:
          role === "facilitator"
            ? ("facilitator" as const)
            : role === "guide" || role === "observer"
              ? ("guide" as const)
              : ("member" as const),
        waitlistedAt: state === "waitlisted" ? now : null,
        offeredAt: role === "offered" ? now : null,
        offerExpiresAt: role === "offered" ? new Date(now.getTime() + 72 * 3_600_000) : null,
        endedAt: state === "left" || state === "removed" ? now : null,
      });
      // Keep the group's counts true to its memberships, as the writes do.
      if (state === "active" || state === "waitlisted") {
        await t.database.db
          .update(groups)
          .set(state === "active" ? { activeMemberCount: 1 } : { waitlistCount: 1 })
          .where(eq(groups.id, group.id));
      }
    }
    const session = await startSession(t.database.db, person.id, "email", t.clock.now());
    browser.cookies.set("__Host-mutua_session", session.secret);
  }
  await browser.get("/sign-in");
  const fill = (text: string) =>
    text
      .replaceAll("UNLISTED", unlisted.slug)
      .replaceAll("CLOSED", closed.slug)
      .replaceAll("SLUG", group.slug)
      .replaceAll("REQUEST", request!.id);
  return { browser, fill };
}

describe("who may use each groups route", () => {
  for (const row of rows) {
    for (const role of roles) {
      const wanted = row.expect[role];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${role}`, async () => {
        const { browser, fill } = await scene(role);
        const url = fill(row.url);
        const response =
          row.method === "GET" ? await browser.get(url) : await browser.post(url, row.body ?? {});
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
      const status = row.json?.[role] ?? twinExpect(row.expect[role], twin.status);
      it(`${twin.method} ${twin.url}, the twin of ${row.url}, answers ${status} to ${role}`, async () => {
        const { browser, fill } = await scene(role);
        const body = twin.method === "DELETE" ? undefined : (row.body ?? {});
        const response = await browser.json(twin.method as "POST", fill(twin.url), body);
        expect(response.statusCode).toBe(status);
      });
    }
  }

  it("has a row for every groups route the app serves", () => {
    // The newcomer path (/find, and its JSON) has its own matrix in
    // matching/authorization.test.ts, and meetings theirs in meetings/authorization.test.ts.
    const served = servedRoutes(t.app).filter(
      (route) =>
        isGroupsRoute(route.url) &&
        !/^\/(api\/v1\/)?find(\/|$)/.test(route.url) &&
        !isGroupLifeRoute(route.url) &&
        !isBoardFamilyRoute(route.url),
    );
    const pattern = (url: string) =>
      url
        .replace(/\/groups\/(SLUG|UNLISTED|CLOSED)/, "/groups/:slug")
        .replace("/requests/REQUEST", "/requests/:membershipId")
        .replace(/\/meetings\/\d{4}-\d{2}-\d{2}\.ics$/, "/meetings/:date.ics");
    const covered = new Set(
      rows.flatMap((r) => {
        const twin = jsonTwinOf(r.method, r.url);
        const page = `${r.method} ${pattern(r.url)}`;
        return twin
          ? [page, `${twin.method} ${pattern(twin.url).replace("/groups/:slug", "/groups/:slug")}`]
          : [page];
      }),
    );
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

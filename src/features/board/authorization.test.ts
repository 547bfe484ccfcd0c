import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEventStream } from "../../infra/realtime/event-stream-client.js";
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
import { isBoardRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { memberships } from "../memberships/tables.js";
import { boardPosts, boardThreads } from "./tables.js";

/**
 * Every route of the board, for every kind of visitor. The board is its active members' own: to
 * anyone else (someone waiting, someone who left, the organisation's coordinator, an
 * administrator, the guide after the handover) it does not exist: 404, exactly as for a missing
 * group or post.
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
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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
const toPost = (post: string): Expect => [303, `/groups/SLUG/board/threads/THREAD#post-${post}`];
const words = { body: "Thank you all for Tuesday." };

const rows: Row[] = [
  { method: "GET", url: "/groups/SLUG/board", expect: members(200, 200) },
  { method: "GET", url: "/groups/SLUG/board/new", expect: members(200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/threads",
    body: { title: "Tuesday", ...words },
    expect: members(303, 303),
  },
  { method: "GET", url: "/groups/SLUG/board/announcements/new", expect: members(403, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/announcements",
    body: { title: "No meeting on the 24th", ...words },
    expect: members(403, 303),
  },
  { method: "GET", url: "/groups/SLUG/board/threads/THREAD", expect: members(200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/threads/THREAD/replies",
    body: words,
    expect: members(303, 303),
  },
  { method: "GET", url: "/groups/SLUG/board/posts/MINE/edit", expect: members(200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/posts/MINE/edit",
    body: words,
    expect: members(toPost("MINE"), toPost("MINE")),
  },
  { method: "GET", url: "/groups/SLUG/board/posts/OTHERS/edit", expect: members(403, 403) },
  {
    method: "PATCH",
    url: "/api/v1/groups/SLUG/board/posts/OTHERS",
    body: words,
    expect: api(403, 403),
  },
  { method: "GET", url: "/groups/SLUG/board/posts/MINE/delete", expect: members(200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/board/posts/MINE/delete",
    expect: members(toPost("MINE"), toPost("MINE")),
  },
  { method: "GET", url: "/groups/SLUG/board/posts/OTHERS/delete", expect: members(403, 403) },
  {
    method: "DELETE",
    url: "/api/v1/groups/SLUG/board/posts/OTHERS",
    expect: api(403, 403),
  },
  {
    method: "POST",
    url: "/groups/SLUG/board/posts/OTHERS/reactions",
    body: { kind: "me_too", reacted: "yes" },
    expect: members(toPost("OTHERS"), toPost("OTHERS")),
  },
  // One's own post: "Me too" is for others to say.
  {
    method: "PUT",
    url: "/api/v1/groups/SLUG/board/posts/MINE/reactions",
    body: { kind: "me_too", reacted: "yes" },
    expect: api(409, 409),
  },
  { method: "GET", url: "/api/v1/groups/SLUG/board", expect: api(200, 200) },
  { method: "GET", url: "/api/v1/groups/SLUG/board/threads/THREAD", expect: api(200, 200) },
  { method: "GET", url: "/api/v1/groups/SLUG/board/posts/OTHERS", expect: api(200, 200) },
  // The live stream, read over a socket: it never ends by itself.
  { method: "GET", url: "/groups/SLUG/board/live", expect: members(200, 200) },
  { method: "GET", url: "/api/v1/groups/SLUG/board/live", expect: api(200, 200) },
];

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp();
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
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

/** A fresh group, thread and posts for each check, so one role's answer never changes another's. */
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
  let cookie = "";
  const writer = person && place[who] ? person.id : other.id;
  if (person) {
    const role = place[who];
    if (role)
      await addMember(t, group.id, person.id, role, new Date(now.getTime() - 7 * 86_400_000));
    if (who === "former") {
      await t.database.db
        .update(memberships)
        .set({ state: "left", endedAt: now })
        .where((await import("drizzle-orm")).eq(memberships.personId, person.id));
    }
    if (who === "requested" || who === "waitlisted") await addWaiting(t, group.id, person.id, who);
    const session = await startSession(t.database.db, person.id, "email", now);
    browser.cookies.set("__Host-mutua_session", session.secret);
    cookie = `__Host-mutua_session=${session.secret}`;
  }
  const earlier = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const [thread] = await t.database.db
    .insert(boardThreads)
    .values({ groupId: group.id, authorId: other.id, title: "Tuesday", lastActivityAt: earlier(1) })
    .returning();
  const [others, mine] = await t.database.db
    .insert(boardPosts)
    .values([
      {
        threadId: thread!.id,
        groupId: group.id,
        authorId: other.id,
        opening: true,
        body: "How was it?",
        createdAt: earlier(2),
      },
      {
        threadId: thread!.id,
        groupId: group.id,
        authorId: writer,
        body: "Good",
        createdAt: earlier(1),
      },
    ])
    .returning();
  await browser.get("/sign-in");
  const fill = (text: string) =>
    text
      .replaceAll("SLUG", group.slug)
      .replaceAll("THREAD", thread!.id)
      .replaceAll("OTHERS", others!.id)
      .replaceAll("MINE", mine!.id);
  return { browser, fill, cookie };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const UUID_ALL = new RegExp(UUID.source, "g");
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

const explicit = new Set(rows.map((row) => `${row.method} ${row.url}`));
const twinRows: Row[] = rows.flatMap((row) => {
  const twin = jsonTwinOf(row.method, row.url);
  if (!twin || explicit.has(`${twin.method} ${twin.url}`)) return [];
  const expect = Object.fromEntries(
    roles.map((who) => [who, twinExpect(row.expect[who], twin.status)]),
  ) as Record<Role, Expect>;
  return [
    {
      method: twin.method as Row["method"],
      url: twin.url,
      ...(row.body ? { body: row.body } : {}),
      expect,
    },
  ];
});

const bodyOf = (row: Row) =>
  row.method === "GET" || row.method === "DELETE" ? undefined : (row.body ?? {});

describe("who may use each board route", () => {
  for (const row of [...rows, ...twinRows]) {
    for (const who of roles) {
      const wanted = row.expect[who];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${who}`, async () => {
        const { browser, fill, cookie } = await scene(who);
        const url = fill(row.url);
        const send = (to: string) =>
          to.startsWith("/api/")
            ? browser.json(row.method, to, bodyOf(row))
            : row.method === "GET"
              ? browser.get(to)
              : browser.post(to, row.body ?? {});
        if (url.endsWith("/live") && status === 200) {
          const stream = await connectEventStream(`${base}${url}`, cookie ? { cookie } : {});
          expect(stream.status).toBe(200);
          stream.close();
          return;
        }
        const response = await send(url);
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
        if (status === 404) {
          // Exactly what a group or a post that does not exist answers: nothing gives it away.
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

  it("has a row for every board route the app serves", () => {
    // The mail choices have their own matrix, beside their pages (mail/).
    const served = servedRoutes(t.app).filter(
      (route) => isBoardRoute(route.url) && !/\/board\/mail(\/|$)|^\/unsubscribe\//.test(route.url),
    );
    const pattern = (url: string) =>
      url
        .replace("/groups/SLUG", "/groups/:slug")
        .replace("/threads/THREAD", "/threads/:threadId")
        .replace(/\/posts\/(MINE|OTHERS)/, "/posts/:postId");
    const covered = new Set([...rows, ...twinRows].map((r) => `${r.method} ${pattern(r.url)}`));
    expect(served.length).toBeGreaterThan(15);
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

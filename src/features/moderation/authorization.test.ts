import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { type Expect, jsonTwinOf, twinExpect } from "../../test/doors.js";
import { addMember, addWaiting, createGroup, createPerson } from "../../test/factories.js";
import { isModerationRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { boardPosts, boardThreads } from "../board/tables.js";
import { memberships } from "../memberships/tables.js";
import { postReports } from "./tables.js";

/**
 * Every moderation route, page and JSON, for every kind of visitor. Off the board (a stranger,
 * someone asking or waiting to join, a former member, the guide after the handover) nothing
 * exists: 404, the same bytes as for a missing group or id. On the board, any member reports
 * someone else's post and asks for their own hidden post back; the reports and the decisions
 * are for those who lead, and a member who does not lead is told so with 403: they know the
 * board exists.
 */
const roles = [
  "anonymous",
  "outsider",
  "requested",
  "waitlisted",
  "member",
  "facilitator",
  "guide",
  "observer",
  "former",
] as const;
type Role = (typeof roles)[number];
type Row = {
  method: "GET" | "POST";
  url: string;
  body?: Record<string, string>;
  expect: Record<Role, Expect>;
};

const toSignIn: Expect = [303, "/sign-in"];
const offBoard = { outsider: 404, requested: 404, waitlisted: 404, observer: 404, former: 404 };
const onBoard = (member: Expect, leaders: Expect) => ({
  anonymous: toSignIn,
  ...offBoard,
  member,
  facilitator: leaders,
  guide: leaders,
});
const api = (member: Expect, leaders: Expect) => ({ ...onBoard(member, leaders), anonymous: 401 });
const toPost = (post: string): Expect => [303, `/groups/SLUG/board/threads/THREAD#post-${post}`];
const toReports: Expect = [303, "/groups/SLUG/board/reports"];
const posts = "/groups/SLUG/board/posts";

const rows: Row[] = [
  // Members who do not lead: 403 (they know the board exists); anyone off the board: 404.
  { method: "GET", url: "/groups/SLUG/board/reports", expect: onBoard(403, 200) },
  { method: "GET", url: "/api/v1/groups/SLUG/board/reports", expect: api(403, 200) },
  { method: "GET", url: `${posts}/OTHER/report`, expect: onBoard(200, 200) },
  {
    method: "POST",
    url: `${posts}/OTHER/report`,
    body: { reason: "unkind", details: "" },
    expect: onBoard(toPost("OTHER"), toPost("OTHER")),
  },
  { method: "GET", url: `${posts}/OTHER/hide`, expect: onBoard(403, 200) },
  {
    method: "POST",
    url: `${posts}/OTHER/hide`,
    body: { reason: "It names someone who is not here." },
    expect: onBoard(403, toReports),
  },
  { method: "GET", url: `${posts}/HIDDEN/restore`, expect: onBoard(403, 200) },
  {
    method: "POST",
    url: `${posts}/HIDDEN/restore`,
    body: { reason: "" },
    expect: onBoard(403, toPost("HIDDEN")),
  },
  // One's own hidden post: its author asks for it back.
  { method: "GET", url: `${posts}/MINE/ask-back`, expect: onBoard(200, 200) },
  {
    method: "POST",
    url: `${posts}/MINE/ask-back`,
    body: { message: "I changed it." },
    expect: onBoard(toPost("MINE"), toPost("MINE")),
  },
  // Someone else's hidden post: only its author asks, whoever leads.
  { method: "GET", url: `${posts}/HIDDEN/ask-back`, expect: onBoard(403, 403) },
  { method: "POST", url: `${posts}/HIDDEN/ask-back`, expect: onBoard(403, 403) },
  {
    method: "POST",
    url: "/groups/SLUG/board/reports/REPORT/leave-up",
    expect: onBoard(403, toReports),
  },
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
};
const waiting: Partial<Record<Role, "requested" | "waitlisted">> = {
  requested: "requested",
  waitlisted: "waitlisted",
};

/** A fresh group for each check: a post of another member, a hidden one, one's own, a report. */
async function scene(who: Role) {
  const now = t.clock.now();
  const db = t.database.db;
  const person = who === "anonymous" ? null : await createPerson(t);
  const group = await createGroup(t, {
    // The handover happened yesterday: the guide is now an observer.
    handoverAt: who === "observer" ? new Date(now.getTime() - 86_400_000) : null,
  });
  const browser = new TestBrowser(t.app);
  if (person) {
    const role = place[who];
    if (role) await addMember(t, group.id, person.id, role);
    const state = waiting[who];
    if (state) await addWaiting(t, group.id, person.id, state);
    if (who === "former") {
      await db.insert(memberships).values({
        groupId: group.id,
        personId: person.id,
        state: "left",
        role: "member",
        joinedAt: new Date(now.getTime() - 30 * 86_400_000),
        endedAt: new Date(now.getTime() - 86_400_000),
      });
    }
    const session = await startSession(db, person.id, "email", now);
    browser.cookies.set("__Host-mutua_session", session.secret);
  }
  const ada = await createPerson(t, { displayName: "Ada" });
  const rita = await createPerson(t, { displayName: "Rita" });
  await addMember(t, group.id, ada.id);
  await addMember(t, group.id, rita.id);
  const [thread] = await db
    .insert(boardThreads)
    .values({ groupId: group.id, authorId: ada.id, title: "A week", lastActivityAt: now })
    .returning();
  const hidden = { hiddenAt: now, hiddenReason: "Too harsh.", hiddenBy: rita.id };
  const [other, hiddenPost, mine] = await db
    .insert(boardPosts)
    .values([
      { threadId: thread!.id, groupId: group.id, authorId: ada.id, opening: true, body: "Hello." },
      { threadId: thread!.id, groupId: group.id, authorId: ada.id, body: "Harsh.", ...hidden },
      {
        threadId: thread!.id,
        groupId: group.id,
        authorId: person?.id ?? ada.id,
        body: "Mine, harsh.",
        ...hidden,
      },
    ])
    .returning();
  const [report] = await db
    .insert(postReports)
    .values({ postId: other!.id, groupId: group.id, reporterId: rita.id, reason: "unkind" })
    .returning();
  await browser.get("/sign-in");
  const fill = (text: string) =>
    text
      .replaceAll("SLUG", group.slug)
      .replaceAll("THREAD", thread!.id)
      .replaceAll("OTHER", other!.id)
      .replaceAll("HIDDEN", hiddenPost!.id)
      .replaceAll("MINE", mine!.id)
      .replaceAll("REPORT", report!.id);
  return { browser, fill };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const UUID_ALL = new RegExp(UUID.source, "g");
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/** Each form's JSON twin, with the page's expectations as the API gives them. */
const twinRows: Row[] = rows.flatMap((row) => {
  const twin = jsonTwinOf(row.method, row.url);
  if (!twin) return [];
  const expect = Object.fromEntries(
    roles.map((who) => [who, twinExpect(row.expect[who], twin.status)]),
  ) as Record<Role, Expect>;
  return [{ method: twin.method as Row["method"], url: twin.url, body: row.body ?? {}, expect }];
});

const send = (browser: TestBrowser, row: Row, url: string) =>
  url.startsWith("/api/")
    ? browser.json(row.method, url, row.method === "GET" ? undefined : (row.body ?? {}))
    : row.method === "GET"
      ? browser.get(url)
      : browser.post(url, row.body ?? {});

describe("who may use each moderation route", () => {
  for (const row of [...rows, ...twinRows]) {
    for (const who of roles) {
      const wanted = row.expect[who];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${who}`, async () => {
        const { browser, fill } = await scene(who);
        const url = fill(row.url);
        const response = await send(browser, row, url);
        expect(response.statusCode).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
        if (status === 404) {
          // Exactly what a group or a post that does not exist answers: nothing gives it away.
          const absent = [
            url.replace(/\/groups\/[^/]+/, "/groups/no-such-group"),
            url.replaceAll(UUID_ALL, NO_SUCH_ID),
          ];
          for (const elsewhere of absent) {
            const missing = await send(browser, row, elsewhere);
            expect(missing.statusCode, elsewhere).toBe(404);
            expect(response.body, elsewhere).toBe(missing.body);
          }
        }
      });
    }
  }

  it("has a row for every moderation route the app serves, through both doors", () => {
    const served = servedRoutes(t.app).filter((route) => isModerationRoute(route.url));
    const pattern = (url: string) =>
      url
        .replace("/groups/SLUG", "/groups/:slug")
        .replace(/\/posts\/(OTHER|HIDDEN|MINE)/, "/posts/:postId")
        .replace("/reports/REPORT", "/reports/:reportId");
    const covered = new Set([...rows, ...twinRows].map((r) => `${r.method} ${pattern(r.url)}`));
    expect(served.length).toBeGreaterThanOrEqual(16);
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
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
import { isCrisisRoute, servedRoutes } from "../../test/routes.js";
import { startSession } from "../accounts/writes.js";
import { boardPosts, boardThreads } from "../board/tables.js";
import { backupContacts, crisisAlerts, riskPhrases, safeguardingLeads } from "./tables.js";
import { issueAlertLink } from "./writes.js";

/**
 * Every route of the crisis protocol, for every kind of visitor. A group's alerts are for those
 * who handle them (its facilitators, its guide before the handover, its backup contact while a
 * member): a plain member is told no (403), anyone outside the group and an observer find nothing
 * (404, exactly as for a group or alert that never was). Urgent help and "I'm worried" are every
 * member's. An e-mailed alert link is its own key, signed in or not.
 */
const roles = [
  "anonymous",
  "nonMember",
  "requested",
  "member",
  "backup",
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
  json?: Partial<Record<Role, number>>;
};

const toSignIn: Expect = [303, "/sign-in"];
const everyone = (e: Expect) =>
  Object.fromEntries(roles.map((r) => [r, e])) as Record<Role, Expect>;
const outsiders = { nonMember: 404, requested: 404, coordinator: 404, admin: 404 };
/** A group's page: for a plain member, its backup contact, those who lead, and an observer. */
const inGroup = (member: Expect, backup: Expect, leaders: Expect, observer: Expect = 404) => ({
  anonymous: toSignIn,
  ...outsiders,
  member,
  backup,
  facilitator: leaders,
  guide: leaders,
  observer,
});
const api = (member: Expect, backup: Expect, leaders: Expect) => ({
  ...inGroup(member, backup, leaders),
  anonymous: 401,
});
/** An organisation's page: its coordinator (with a passkey) and the administrators. */
const organisation = (ok: Expect) => ({
  ...everyone(404),
  anonymous: toSignIn,
  coordinator: ok,
  admin: ok,
});
/** The administrators' list: only an administrator with a passkey. */
const administrators = (ok: Expect) => ({ ...everyone(403), anonymous: toSignIn, admin: ok });

const alert: Expect = [303, "/groups/SLUG/alerts/ALERT"];
const thread: Expect = [303, "/groups/SLUG/board/threads/THREAD#post-POST"];
const lead: Expect = [303, "/organisations/ORG/safeguarding-lead"];
const phrases: Expect = [303, "/admin/risk-phrases?language=en&category=danger"];

const rows: Row[] = [
  { method: "GET", url: "/groups/SLUG/urgent-help", expect: inGroup(200, 200, 200) },
  { method: "GET", url: "/groups/SLUG/urgent-help?post=POST", expect: inGroup(200, 200, 200) },
  {
    method: "GET",
    url: "/api/v1/groups/SLUG/urgent-help",
    expect: { ...inGroup(200, 200, 200), anonymous: 401 },
  },
  { method: "GET", url: "/groups/SLUG/alerts", expect: inGroup(403, 200, 200) },
  { method: "GET", url: "/groups/SLUG/alerts/ALERT", expect: inGroup(403, 200, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/alerts/ALERT",
    body: { state: "seen" },
    expect: inGroup(403, alert, alert),
  },
  { method: "GET", url: "/api/v1/groups/SLUG/alerts", expect: api(403, 200, 200) },
  { method: "GET", url: "/api/v1/groups/SLUG/alerts/ALERT", expect: api(403, 200, 200) },
  {
    method: "GET",
    url: "/groups/SLUG/board/posts/POST/worried",
    expect: inGroup(200, 200, 200),
  },
  {
    method: "POST",
    url: "/groups/SLUG/board/posts/POST/worried",
    body: { note: "She has not been herself." },
    expect: inGroup(thread, thread, thread),
  },
  { method: "GET", url: "/groups/SLUG/backup-contact", expect: inGroup(403, 403, 200) },
  {
    method: "POST",
    url: "/groups/SLUG/backup-contact",
    body: { contact: "none" },
    expect: inGroup(403, 403, [303, "/groups/SLUG/backup-contact"]),
  },
  { method: "GET", url: "/api/v1/groups/SLUG/backup-contact", expect: api(403, 403, 200) },
  { method: "GET", url: "/organisations/ORG/safeguarding-lead", expect: organisation(200) },
  {
    method: "POST",
    url: "/organisations/ORG/safeguarding-lead",
    body: { email: "EMAIL" },
    expect: organisation(lead),
  },
  {
    method: "POST",
    url: "/organisations/ORG/safeguarding-lead/remove",
    expect: organisation(lead),
  },
  {
    method: "GET",
    url: "/api/v1/organisations/ORG/safeguarding-lead",
    expect: { ...organisation(200), anonymous: 401 },
  },
  { method: "GET", url: "/admin/risk-phrases", expect: administrators(200) },
  {
    method: "POST",
    url: "/admin/risk-phrases",
    body: { language: "en", phrase: "PHRASE", category: "danger" },
    expect: administrators(phrases),
  },
  {
    method: "POST",
    url: "/admin/risk-phrases/PHRASEID/remove",
    expect: administrators(phrases),
  },
  {
    method: "GET",
    url: "/api/v1/admin/risk-phrases",
    expect: { ...administrators(200), anonymous: 401 },
  },
  // The link in an alert's e-mail: the key to that alert alone, whoever holds it.
  { method: "GET", url: "/alerts/TOKEN", expect: everyone(200) },
  {
    method: "POST",
    url: "/alerts/TOKEN",
    body: { state: "seen" },
    expect: everyone([303, "/alerts/TOKEN"]),
  },
  { method: "GET", url: "/api/v1/alerts/TOKEN", expect: everyone(200) },
  { method: "GET", url: `/alerts/${"x".repeat(43)}`, expect: everyone(404) },
  { method: "GET", url: `/api/v1/alerts/${"x".repeat(43)}`, expect: everyone(404) },
];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const role: Partial<Record<Role, "member" | "facilitator" | "guide">> = {
  member: "member",
  backup: "member",
  facilitator: "facilitator",
  guide: "guide",
  observer: "guide",
};

/** A fresh group with a post, an alert about its author and a link to it, for each check. */
async function scene(who: Role) {
  const now = t.clock.now();
  const person = who === "anonymous" ? null : await createPerson(t, { isAdmin: who === "admin" });
  const org = await createOrganisation(
    t,
    "Associazione Alzheimer Trento",
    who === "coordinator" && person ? [person.id] : [],
  );
  const group = await createGroup(t, {
    organisationId: org.id,
    handoverAt: who === "observer" ? new Date(now.getTime() - 86_400_000) : null,
  });
  const other = await createPerson(t, { displayName: "Ada" });
  await addMember(t, group.id, other.id);
  const browser = new TestBrowser(t.app);
  if (person) {
    const place = role[who];
    if (place) await addMember(t, group.id, person.id, place);
    if (who === "requested") await addWaiting(t, group.id, person.id, "requested");
    if (who === "backup") {
      await t.database.db
        .insert(backupContacts)
        .values({ groupId: group.id, kind: "facilitator", personId: person.id });
    }
    // Staff powers need a passkey sign-in; everyone else signs in by e-mail.
    const method = who === "admin" || who === "coordinator" ? "passkey" : "email";
    const session = await startSession(t.database.db, person.id, method, now);
    browser.cookies.set("__Host-mutua_session", session.secret);
  }
  await t.database.db
    .insert(safeguardingLeads)
    .values({ organisationId: org.id, personId: other.id });
  const [thread] = await t.database.db
    .insert(boardThreads)
    .values({ groupId: group.id, authorId: other.id, title: "Hello", lastActivityAt: now })
    .returning();
  const [post] = await t.database.db
    .insert(boardPosts)
    .values({
      threadId: thread!.id,
      groupId: group.id,
      authorId: other.id,
      opening: true,
      body: "Hi",
    })
    .returning();
  const [raised] = await t.database.db
    .insert(crisisAlerts)
    .values({
      groupId: group.id,
      postId: post!.id,
      subjectId: other.id,
      source: "phrase",
      category: "danger",
    })
    .returning();
  const token = await issueAlertLink(
    t.database.db,
    { alertId: raised!.id, personId: other.id },
    now,
  );
  const [phrase] = await t.database.db
    .insert(riskPhrases)
    .values({ language: "en", phrase: `gone ${randomUUID().slice(0, 8)}`, category: "danger" })
    .returning();
  await browser.get("/sign-in");
  const fill = (text: string) =>
    text
      .replaceAll("SLUG", group.slug)
      .replaceAll("ALERT", raised!.id)
      .replaceAll("THREAD", thread!.id)
      .replaceAll("PHRASEID", phrase!.id)
      .replaceAll("POST", post!.id)
      .replaceAll("ORG", org.id)
      .replaceAll("TOKEN", token)
      .replaceAll("EMAIL", other.email)
      .replaceAll("PHRASE", `words ${randomUUID().slice(0, 8)}`);
  return { browser, fill };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const UUID_ALL = new RegExp(UUID.source, "g");
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

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

const bodyOf = (row: Row, fill: (text: string) => string) =>
  row.method === "GET" || row.method === "DELETE"
    ? undefined
    : Object.fromEntries(Object.entries(row.body ?? {}).map(([k, v]) => [k, fill(v)]));

describe("who may use each crisis route", () => {
  for (const row of [...rows, ...twinRows]) {
    for (const who of roles) {
      const wanted = row.expect[who];
      const [status, location] = Array.isArray(wanted) ? wanted : [wanted, undefined];
      it(`${row.method} ${row.url} answers ${status} to ${who}`, async () => {
        const { browser, fill } = await scene(who);
        const url = fill(row.url);
        const body = bodyOf(row, fill);
        const send = (to: string) =>
          to.startsWith("/api/")
            ? browser.json(row.method, to, body)
            : row.method === "GET"
              ? browser.get(to)
              : browser.post(to, body ?? {});
        const response = await send(url);
        expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
        if (location) expect(response.headers.location).toBe(fill(location));
        if (status === 404) {
          // Exactly what a group, an alert or a post that does not exist answers.
          const absent = [url.replace(/\/groups\/[^/?]+/, "/groups/no-such-group")];
          if (UUID.test(url)) absent.push(url.replaceAll(UUID_ALL, NO_SUCH_ID));
          for (const elsewhere of absent.filter((a) => a !== url)) {
            const missing = await send(elsewhere);
            expect(missing.statusCode, elsewhere).toBe(404);
            expect(response.body, elsewhere).toBe(missing.body);
          }
        }
      });
    }
  }

  it("has a row for every crisis route the app serves, on both doors", () => {
    const served = servedRoutes(t.app).filter((route) => isCrisisRoute(route.url));
    const pattern = (url: string) =>
      url
        .split("?")[0]!
        .replace("/groups/SLUG", "/groups/:slug")
        .replace("/alerts/ALERT", "/alerts/:alertId")
        .replace(/\/alerts\/(TOKEN|x{43})$/, "/alerts/:token")
        .replace("/posts/POST", "/posts/:postId")
        .replace("/organisations/ORG", "/organisations/:id")
        .replace("/risk-phrases/PHRASEID", "/risk-phrases/:phraseId");
    const covered = new Set([...rows, ...twinRows].map((r) => `${r.method} ${pattern(r.url)}`));
    expect(served.length).toBeGreaterThan(20);
    expect(served.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r))).toEqual([]);
  });
});

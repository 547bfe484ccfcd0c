import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup, signedInPerson } from "../../test/factories.js";
import { memberships } from "../memberships/tables.js";

/**
 * The directory is public: the same groups, the same words, for a visitor, a member of one of
 * the groups, and an administrator. Being signed in must neither hide nor reveal anything.
 */
let t: TestApp;
let visitors: Record<"anonymous" | "member" | "admin", TestBrowser>;

beforeAll(async () => {
  t = await buildTestApp();
  const group = await createGroup(t, { slug: "trento-carers", name: "Caffè Alzheimer Trento" });
  await createGroup(t, {
    slug: "online-carers",
    format: "online",
    town: null,
    publicLatitude: null,
  });
  await createGroup(t, { slug: "unlisted", visibility: "unlisted" });
  await createGroup(t, { slug: "closed", status: "closed" });
  const member = await signedInPerson(t, { displayName: "Grace", language: "en" });
  await t.database.db
    .insert(memberships)
    .values({ groupId: group.id, personId: member.person.id, state: "active" });
  const admin = await signedInPerson(t, { displayName: "Luca", language: "en", isAdmin: true });
  visitors = {
    anonymous: new TestBrowser(t.app),
    member: member.browser,
    admin: admin.browser,
  };
});
afterAll(async () => {
  await t.close();
});

/** The part of the page that depends on the search: the form and the groups found. */
const searchPart = (html: string) => html.slice(html.indexOf("<h1>"), html.indexOf("</main>"));

const queries = [
  "",
  "?place=Trento&radius=25&remote=true",
  "?q=caffe",
  "?place=Nowhere-at-all",
  "?radius=3",
];

describe("the same directory for everyone", () => {
  it.each(queries)(
    "/groups%s answers the same to a visitor, a member and an administrator",
    async (query) => {
      const answers = await Promise.all(
        Object.values(visitors).map((browser) =>
          browser.get(`/groups${query}`, { "accept-language": "en" }),
        ),
      );
      const [first, ...others] = answers;
      for (const other of others) {
        expect(other.statusCode).toBe(first!.statusCode);
        expect(searchPart(other.body)).toBe(searchPart(first!.body));
      }
      expect(first!.body).not.toContain("/groups/unlisted");
      expect(first!.body).not.toContain("/groups/closed");
    },
  );

  it.each(queries)(
    "/api/v1/groups%s answers the same to a visitor, a member and an administrator",
    async (query) => {
      const answers = await Promise.all(
        Object.values(visitors).map((browser) =>
          browser.json("GET", `/api/v1/groups${query}`, undefined, { "accept-language": "en" }),
        ),
      );
      const [first, ...others] = answers;
      for (const other of others) {
        expect(other.statusCode).toBe(first!.statusCode);
        expect(other.json()).toEqual(first!.json());
      }
    },
  );

  it("needs no sign-in and sets no cookie for a visitor", async () => {
    for (const url of ["/groups", "/api/v1/groups"]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });
});

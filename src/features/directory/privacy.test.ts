import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup, createPerson } from "../../test/factories.js";
import { memberships } from "../memberships/tables.js";

/**
 * What only members may know, planted as unmistakable strings: none may reach the directory,
 * on the page or in the API, whatever is searched for.
 */
const secrets = {
  videoUrl: "https://video.example/SECRET-VIDEO-ROOM",
  phoneNumber: "+39 0461 999 SECRETPHONE",
  phonePin: "SECRETPIN-8642",
  agreement: "SECRET-AGREEMENT what is said here stays here",
  streetAddress: "Via SECRETSTREET 13",
  venueName: "SECRETVENUE hall",
  postalCode: "SECRETPOSTCODE",
  accessNotes: "SECRETACCESSNOTE ring twice",
  firstMeeting: "SECRETFIRSTMEETING",
};
// The exact point, more precise than the public one.
const exact = { latitude: 46.0671234567, longitude: 11.1209876543 };
const memberName = "Memberina Secretname";
const memberEmail = "secret.member@example.org";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const inPerson = await createGroup(t, {
    slug: "private-bits",
    name: "Caffè Alzheimer",
    ...secrets,
    ...exact,
    publishAddress: false,
    format: "hybrid",
    waitlistCount: 3,
  });
  const online = await createGroup(t, {
    slug: "online-private-bits",
    name: "Online carers",
    format: "online",
    ...secrets,
    ...exact,
    publishAddress: false,
  });
  const member = await createPerson(t, { displayName: memberName, email: memberEmail });
  for (const group of [inPerson, online]) {
    await t.database.db.insert(memberships).values({
      groupId: group.id,
      personId: member.id,
      state: "active",
      role: "facilitator",
      requestMessage: "SECRETREQUESTMESSAGE",
    });
  }
});
afterAll(async () => {
  await t.close();
});

const searches = [
  "",
  "?place=Trento&radius=5&remote=true",
  "?q=alzheimer",
  "?q=SECRETSTREET",
  "?difficulty=dementia-care&access=step_free",
  "?place=Nowhere-at-all",
];

const leaks = (body: string) => {
  const found: string[] = [];
  for (const secret of [...Object.values(secrets), memberName, "Memberina", memberEmail])
    if (body.includes(secret) || body.includes(secret.replace(/&/g, "&amp;"))) found.push(secret);
  for (const digits of ["0671234", "1209876"]) if (body.includes(digits)) found.push(digits);
  for (const word of ["waitlist", "facilitator"]) if (body.includes(word)) found.push(word);
  return found;
};

describe("the directory keeps members' things private", () => {
  it.each(searches)("shows no private field on the page for %j", async (query) => {
    for (const language of ["en", "it"]) {
      const response = await t.app.inject({
        url: `/groups${query}`,
        headers: { "accept-language": language },
      });
      expect(response.statusCode).toBeLessThan(500);
      expect(leaks(response.body)).toEqual([]);
    }
  });

  it.each(searches)("shows no private field in the API for %j", async (query) => {
    const response = await t.app.inject({ url: `/api/v1/groups${query}` });
    expect(response.statusCode).toBeLessThan(500);
    expect(leaks(response.body)).toEqual([]);
  });

  it("still finds the groups, so the checks above looked at real results", async () => {
    const body = (await t.app.inject({ url: "/api/v1/groups?place=Trento&remote=true" })).json();
    expect(body.results.map((g: { slug: string }) => g.slug)).toEqual([
      "private-bits",
      "online-private-bits",
    ]);
    expect(body.results[0].address).toBeNull();
  });

  it("does not let the words searched for match a private field", async () => {
    const body = (await t.app.inject({ url: "/api/v1/groups?q=SECRETSTREET" })).json();
    expect(body.total).toBe(0);
  });
});

describe("places free never tell how few people are in a group", () => {
  // Outside the group the capacity less the places free would give away the number of members or
  // of people waiting, which the organisation's overview holds back below 5.
  let own: TestApp;
  beforeAll(async () => {
    own = await buildTestApp();
    await createGroup(own, { slug: "three-people", name: "Three people", activeMemberCount: 3 });
    await createGroup(own, {
      slug: "two-and-one-waiting",
      name: "Two and one waiting",
      capacity: 4,
      activeMemberCount: 2,
      waitlistCount: 1,
    });
    await createGroup(own, { slug: "six-people", name: "Six people", activeMemberCount: 6 });
    await createGroup(own, { slug: "nobody-yet", name: "Nobody yet", activeMemberCount: 0 });
    // Places free while people still wait: after the group grew, or after a split.
    await createGroup(own, {
      slug: "six-and-two-waiting",
      name: "Six and two waiting",
      activeMemberCount: 6,
      waitlistCount: 2,
    });
    await createGroup(own, {
      slug: "small-and-full",
      name: "Small and full",
      capacity: 4,
      activeMemberCount: 4,
    });
  });
  afterAll(async () => {
    await own.close();
  });

  const expected = {
    "three-people": { placesFree: null, hasPlacesFree: true },
    "two-and-one-waiting": { placesFree: null, hasPlacesFree: true },
    "six-people": { placesFree: 6, hasPlacesFree: true },
    "nobody-yet": { placesFree: null, hasPlacesFree: true },
    "six-and-two-waiting": { placesFree: null, hasPlacesFree: true },
    "small-and-full": { placesFree: 0, hasPlacesFree: false },
  };

  it("says places are free, without the number, in the directory's API", async () => {
    const body = (await own.app.inject({ url: "/api/v1/groups?free=true" })).json();
    const bySlug = Object.fromEntries(
      body.results.map((g: { slug: string; placesFree: number | null; hasPlacesFree: boolean }) => [
        g.slug,
        { placesFree: g.placesFree, hasPlacesFree: g.hasPlacesFree },
      ]),
    );
    const { "small-and-full": _, ...withRoom } = expected;
    expect(bySlug).toEqual(withRoom);
    const reasons = body.results.map((g: { slug: string; matchReasons: unknown[] }) => [
      g.slug,
      g.matchReasons.find((r) => (r as { kind: string }).kind === "places_free"),
    ]);
    expect(Object.fromEntries(reasons)["three-people"]).toEqual({
      kind: "places_free",
      count: null,
    });
  });

  it("says the same on each group's page and in its API", async () => {
    for (const [slug, places] of Object.entries(expected)) {
      const json = (await own.app.inject({ url: `/api/v1/groups/${slug}` })).json();
      expect({ placesFree: json.placesFree, hasPlacesFree: json.hasPlacesFree }).toEqual(places);
    }
    const page = async (slug: string) =>
      (await own.app.inject({ url: `/groups/${slug}`, headers: { "accept-language": "en" } })).body;
    expect(await page("three-people")).toContain("There are places free.");
    expect(await page("three-people")).not.toMatch(/\d+ places? free/);
    expect(await page("six-people")).toContain("6 places free");
    expect(await page("small-and-full")).toContain("The group is full.");
  });

  it("writes places free without the number in the directory's list, in both languages", async () => {
    const item = async (language: string, slug = "three-people") => {
      const body = (
        await own.app.inject({ url: "/groups?q=people", headers: { "accept-language": language } })
      ).body;
      const start = body.indexOf(`<a href="/groups/${slug}"`);
      expect(start).toBeGreaterThan(0);
      return body.slice(start, body.indexOf("</li>", start));
    };
    const english = await item("en");
    expect(english).toContain("· Places free");
    expect(english).not.toMatch(/\d+ places? free/);
    const italian = await item("it");
    expect(italian).toContain("· Posti liberi");
    expect(italian).not.toMatch(/\d+ post[oi] liber[oi]/);
    expect(await item("en", "six-people")).toContain("· 6 places free");
  });
});

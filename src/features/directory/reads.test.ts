import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup } from "../../test/factories.js";
import { type DirectoryQuery, directoryQuery, toSearchCriteria } from "./inputs.js";
import { searchGroups } from "./reads.js";

let t: TestApp;
const now = new Date("2026-03-10T09:00:00Z");

// Public (rounded) points of real towns; Trento's centre is 46.068, 11.121.
const rovereto = { town: "Rovereto", publicLatitude: 45.8904, publicLongitude: 11.0405 };
const riva = { town: "Riva del Garda", publicLatitude: 45.885, publicLongitude: 10.841 };
const milan = { town: "Milano", publicLatitude: 45.464, publicLongitude: 9.19 };
const leeds = {
  town: "Leeds",
  country: "GB",
  publicLatitude: 53.796,
  publicLongitude: -1.548,
  latitude: 53.7965,
  longitude: -1.5479,
};
const remote = {
  town: null,
  postalCode: null,
  streetAddress: null,
  venueName: null,
  latitude: null,
  longitude: null,
  publicLatitude: null,
  publicLongitude: null,
};

beforeAll(async () => {
  t = await buildTestApp();
  await createGroup(t, {
    slug: "trento-carers",
    name: "Caffè Alzheimer Trento",
    stepFree: true,
    hearingLoop: true,
  });
  await createGroup(
    t,
    {
      slug: "rovereto-widows",
      name: "Vedove e vedovi di Rovereto",
      description: "Per chi ha perso il marito o la moglie.",
      audience: "living_with",
      ...rovereto,
      weekday: 4,
      startTime: "18:00:00",
      rrule: "FREQ=WEEKLY;BYDAY=TH",
      capacity: 8,
      activeMemberCount: 8,
    },
    ["loss-of-partner"],
  );
  await createGroup(t, {
    slug: "online-carers",
    name: "Carers online",
    description: "An evening group for people who look after someone with dementia.",
    format: "online",
    ...remote,
    languages: ["en", "it"],
    weekday: 1,
    startTime: "20:30:00",
    videoUrl: "https://video.example/room",
  });
  await createGroup(
    t,
    {
      slug: "phone-company",
      name: "Una voce amica",
      format: "telephone",
      ...remote,
      audience: "both",
      weekday: 3,
      startTime: "15:00:00",
      phoneNumber: "+39 0461 000000",
      phonePin: "4321",
    },
    ["loneliness"],
  );
  await createGroup(
    t,
    {
      slug: "riva-any",
      name: "Insieme a Riva",
      audience: "both",
      openToAnyDifficulty: true,
      ...riva,
      languages: ["de", "it"],
      weekday: 5,
      startTime: "09:00:00",
      accessibleToilet: true,
      parking: true,
    },
    [],
  );
  await createGroup(
    t,
    {
      slug: "leeds-alcohol",
      name: "Leeds later life",
      description: "For people whose drinking worries them.",
      audience: "living_with",
      languages: ["en"],
      ...leeds,
      timeZone: "Europe/London",
      weekday: 2,
      startTime: "19:00:00",
    },
    ["alcohol"],
  );
  await createGroup(t, {
    slug: "milan-hybrid",
    name: "Caregiver Milano",
    format: "hybrid",
    ...milan,
  });
  await createGroup(t, { slug: "trento-unlisted", visibility: "unlisted" });
  await createGroup(t, { slug: "trento-closed", status: "closed" });
  await createGroup(t, { slug: "trento-paused", status: "paused" });
});
afterAll(async () => {
  await t.close();
});

async function search(query: Record<string, string | string[]>, language: "en" | "it" = "en") {
  const parsed: DirectoryQuery = directoryQuery.parse(query);
  const result = await searchGroups(t.database.db, toSearchCriteria(parsed), { now, language });
  if (!result.ok) throw new Error(result.reason);
  return result;
}
const slugs = async (query: Record<string, string | string[]>) =>
  (await search(query)).results.map((r) => r.group.slug);
const sorted = async (query: Record<string, string | string[]>) => (await slugs(query)).sort();

const listed = [
  "trento-carers",
  "rovereto-widows",
  "online-carers",
  "phone-company",
  "riva-any",
  "leeds-alcohol",
  "milan-hybrid",
];

describe("searchGroups", () => {
  it("lists every listed, active group and never an unlisted, closed or paused one", async () => {
    const result = await search({});
    expect(result.total).toBe(listed.length);
    expect(result.results.map((r) => r.group.slug).sort()).toEqual([...listed].sort());
    expect(result.place).toBeNull();
  });

  it("keeps unlisted, closed and paused groups out whatever is searched for", async () => {
    const queries: Record<string, string>[] = [
      { q: "Caffè Alzheimer" },
      { place: "Trento", radius: "5" },
      { difficulty: "dementia-care" },
      { day: "2", time: "morning" },
    ];
    for (const query of queries) {
      const found = await slugs(query);
      expect(
        found.some((slug) => /unlisted|closed|paused/.test(slug)),
        JSON.stringify(query),
      ).toBe(false);
    }
  });

  it("finds groups near a town within the radius, nearest first, with the distance", async () => {
    const result = await search({ place: "Trento", radius: "25" });
    expect(result.place).toMatchObject({ name: "Trento", country: "IT" });
    expect(result.results.map((r) => r.group.slug)).toEqual(["trento-carers", "rovereto-widows"]);
    const [trento = Number.NaN, roveretoGroup = Number.NaN] = result.results.map(
      (r) => r.group.distanceMetres ?? Number.NaN,
    );
    expect(trento).toBeLessThan(1000);
    // Trento to Rovereto is about 21 km as the crow flies.
    expect(roveretoGroup / 1000).toBeGreaterThan(20);
    expect(roveretoGroup / 1000).toBeLessThan(22);
  });

  it("widens with the radius, and narrows too", async () => {
    expect(await slugs({ place: "Trento", radius: "5" })).toEqual(["trento-carers"]);
    expect(await slugs({ place: "Trento", radius: "10" })).toEqual(["trento-carers"]);
    expect(await slugs({ place: "Trento", radius: "50" })).toEqual([
      "trento-carers",
      "rovereto-widows",
      "riva-any",
    ]);
    expect(await slugs({ place: "Rovereto", radius: "5" })).toEqual(["rovereto-widows"]);
  });

  it("adds online, telephone and hybrid groups from anywhere when asked, after the near ones", async () => {
    expect(await slugs({ place: "Trento", radius: "25", remote: "true" })).toEqual([
      "trento-carers",
      "rovereto-widows",
      "milan-hybrid",
      // No point to measure from: last, by name.
      "online-carers",
      "phone-company",
    ]);
    expect(await slugs({ place: "Trento", radius: "25", remote: "false" })).toEqual([
      "trento-carers",
      "rovereto-widows",
    ]);
  });

  it("answers UNKNOWN_PLACE for a town that does not exist", async () => {
    const parsed = directoryQuery.parse({ place: "Nowhereville-on-Sea" });
    expect(
      await searchGroups(t.database.db, toSearchCriteria(parsed), { now, language: "en" }),
    ).toMatchObject({ ok: false, reason: "UNKNOWN_PLACE" });
  });

  it("answers UNKNOWN_DIFFICULTY for a difficulty not in the taxonomy", async () => {
    const parsed = directoryQuery.parse({ difficulty: ["dementia-care", "no-such-thing"] });
    expect(
      await searchGroups(t.database.db, toSearchCriteria(parsed), { now, language: "en" }),
    ).toMatchObject({ ok: false, reason: "UNKNOWN_DIFFICULTY" });
  });

  it("matches a difficulty named by the group, or any group open to any difficulty", async () => {
    expect(await sorted({ difficulty: "dementia-care" })).toEqual(
      ["trento-carers", "online-carers", "riva-any", "milan-hybrid"].sort(),
    );
    expect(await sorted({ difficulty: ["alcohol", "loneliness"] })).toEqual(
      ["leeds-alcohol", "phone-company", "riva-any"].sort(),
    );
  });

  it("matches the audience asked for, and groups for both", async () => {
    expect(await sorted({ audience: "living_with" })).toEqual(
      ["rovereto-widows", "phone-company", "riva-any", "leeds-alcohol"].sort(),
    );
    expect(await sorted({ audience: "carers" })).toEqual(
      ["trento-carers", "online-carers", "phone-company", "riva-any", "milan-hybrid"].sort(),
    );
    expect(await sorted({ audience: "any" })).toEqual([...listed].sort());
  });

  it("matches any of the languages asked for", async () => {
    expect(await sorted({ language: "en" })).toEqual(["leeds-alcohol", "online-carers"]);
    expect(await sorted({ language: ["de", "en"] })).toEqual(
      ["leeds-alcohol", "online-carers", "riva-any"].sort(),
    );
  });

  it("matches the days asked for, Sunday being 0", async () => {
    expect(await sorted({ day: "2" })).toEqual(
      ["leeds-alcohol", "milan-hybrid", "trento-carers"].sort(),
    );
    expect(await sorted({ day: ["1", "4"] })).toEqual(["online-carers", "rovereto-widows"]);
    expect(await sorted({ day: "0" })).toEqual([]);
  });

  it("matches the time of day: morning before 12, afternoon 12 to 17, evening from 17", async () => {
    expect(await sorted({ time: "morning" })).toEqual(
      ["milan-hybrid", "riva-any", "trento-carers"].sort(),
    );
    expect(await sorted({ time: "afternoon" })).toEqual(["phone-company"]);
    expect(await sorted({ time: "evening" })).toEqual(
      ["leeds-alcohol", "online-carers", "rovereto-widows"].sort(),
    );
    expect(await sorted({ time: ["afternoon", "evening"] })).toHaveLength(4);
  });

  it("matches only groups offering every access need asked for", async () => {
    expect(await sorted({ access: "step_free" })).toEqual(["trento-carers"]);
    expect(await sorted({ access: ["step_free", "hearing_loop"] })).toEqual(["trento-carers"]);
    expect(await sorted({ access: ["step_free", "parking"] })).toEqual([]);
    expect(await sorted({ access: ["accessible_toilet", "parking"] })).toEqual(["riva-any"]);
  });

  it("leaves out full groups when places free are asked for", async () => {
    const found = await sorted({ free: "true" });
    expect(found).not.toContain("rovereto-widows");
    expect(found).toHaveLength(listed.length - 1);
  });

  it("finds words in the name, description or town, without accents, and near-misses of the name", async () => {
    expect(await sorted({ q: "caffe" })).toEqual(["trento-carers"]);
    expect(await sorted({ q: "marito" })).toEqual(["rovereto-widows"]);
    expect(await sorted({ q: "ROVERETO" })).toEqual(["rovereto-widows"]);
    expect(await sorted({ q: "Carers onlin" })).toContain("online-carers");
    expect(await sorted({ q: "dementia -evening" })).toEqual([]);
    expect(await sorted({ q: "zebra" })).toEqual([]);
  });

  it("combines criteria: each narrows the others", async () => {
    expect(
      await slugs({
        place: "Trento",
        radius: "25",
        remote: "true",
        difficulty: "dementia-care",
        language: "it",
        time: "morning",
        free: "true",
      }),
    ).toEqual(["trento-carers", "milan-hybrid"]);
  });

  it("selects no private column: street address, venue and exact point only when published", async () => {
    const result = await search({});
    for (const { group } of result.results) {
      const keys = Object.keys(group);
      for (const secret of ["videoUrl", "phoneNumber", "phonePin", "agreement", "latitude"])
        expect(keys).not.toContain(secret);
      if (group.slug === "trento-carers") {
        expect(group.streetAddress).toBeNull();
        expect(group.venueName).toBeNull();
        expect(group.postalCode).toBeNull();
      }
    }
  });

  it("names each group's difficulties in the reader's language", async () => {
    const italian = await searchGroups(
      t.database.db,
      toSearchCriteria(directoryQuery.parse({ q: "Rovereto" })),
      { now, language: "it" },
    );
    expect(italian.ok && italian.results[0]?.difficulties).toEqual([
      { slug: "loss-of-partner", name: "Perdita del proprio compagno o della propria compagna" },
    ]);
  });
});

describe("pages of results", () => {
  let paging: TestApp;
  beforeAll(async () => {
    paging = await buildTestApp();
    for (let n = 1; n <= 25; n++) {
      await createGroup(paging, {
        slug: `paging-${String(n).padStart(2, "0")}`,
        name: `Gruppo ${String(n).padStart(2, "0")}`,
      });
    }
  });
  afterAll(async () => {
    await paging.close();
  });

  it("gives 20 a page, by name, with the total on every page, even past the last", async () => {
    const page = async (n: string) => {
      const result = await searchGroups(
        paging.database.db,
        toSearchCriteria(directoryQuery.parse({ page: n })),
        { now, language: "en" },
      );
      if (!result.ok) throw new Error(result.reason);
      return result;
    };
    const first = await page("1");
    expect(first.total).toBe(25);
    expect(first.results).toHaveLength(20);
    expect(first.results[0]?.group.slug).toBe("paging-01");
    const second = await page("2");
    expect(second.total).toBe(25);
    expect(second.results.map((r) => r.group.slug)).toEqual([
      "paging-21",
      "paging-22",
      "paging-23",
      "paging-24",
      "paging-25",
    ]);
    const beyond = await page("3");
    expect(beyond).toMatchObject({ total: 25, results: [] });
  });
});

describe("retired difficulties", () => {
  let retiring: TestApp;
  beforeAll(async () => {
    retiring = await buildTestApp();
    await retiring.database.pool.query(
      "update difficulties set retired_at = '2026-01-01' where slug = 'retirement-change'",
    );
    await createGroup(retiring, { slug: "still-here" }, ["retirement-change", "dementia-care"]);
  });
  afterAll(async () => {
    await retiring.close();
  });

  it("can no longer be searched for, but a group that lists one still shows its name, last", async () => {
    const criteria = (query: Record<string, string>) =>
      toSearchCriteria(directoryQuery.parse(query));
    expect(
      await searchGroups(retiring.database.db, criteria({ difficulty: "retirement-change" }), {
        now,
        language: "en",
      }),
    ).toMatchObject({ ok: false, reason: "UNKNOWN_DIFFICULTY" });
    const found = await searchGroups(retiring.database.db, criteria({}), { now, language: "it" });
    // The form offers only what can be searched for.
    expect(found.offered.map((d) => d.slug)).not.toContain("retirement-change");
    expect(found.offered.map((d) => d.slug)).toContain("dementia-care");
    expect(found.ok && found.results[0]?.difficulties).toEqual([
      { slug: "dementia-care", name: "Assistere una persona con demenza" },
      { slug: "retirement-change", name: "Pensione e cambiamenti di vita" },
    ]);
  });
});

describe("places free for a newcomer", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await buildTestApp();
    await createGroup(own, { slug: "room", capacity: 12, activeMemberCount: 3 });
    await createGroup(own, {
      slug: "not-taking-anyone",
      capacity: 12,
      activeMemberCount: 3,
      joiningPolicy: "closed",
    });
    // One place looks free, but someone is waiting for it.
    await createGroup(own, {
      slug: "someone-waiting",
      capacity: 5,
      activeMemberCount: 4,
      waitlistCount: 1,
    });
  });
  afterAll(async () => {
    await own.close();
  });

  it("counts the people waiting as ahead of a newcomer, and a group taking nobody as full", async () => {
    const find = async (query: Record<string, string>) => {
      const found = await searchGroups(
        own.database.db,
        toSearchCriteria(directoryQuery.parse(query)),
        { now, language: "en" },
      );
      if (!found.ok) throw new Error(found.reason);
      return Object.fromEntries(found.results.map((r) => [r.group.slug, r.group]));
    };
    const all = await find({});
    expect(Object.keys(all).sort()).toEqual(["not-taking-anyone", "room", "someone-waiting"]);
    expect(Object.keys(await find({ free: "true" }))).toEqual(["room"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup } from "../../test/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await createGroup(t, { slug: "trento-carers", name: "Caffè Alzheimer Trento", stepFree: true });
  await createGroup(
    t,
    {
      slug: "rovereto-widows",
      name: "Vedove e vedovi di Rovereto",
      audience: "living_with",
      town: "Rovereto",
      publicLatitude: 45.8904,
      publicLongitude: 11.0405,
      weekday: 4,
      startTime: "18:00:00",
      scheduleKind: "fortnightly",
      capacity: 8,
      activeMemberCount: 7,
    },
    ["loss-of-partner"],
  );
  await createGroup(t, {
    slug: "london-online",
    name: "Carers online",
    format: "online",
    town: null,
    publicLatitude: null,
    publicLongitude: null,
    languages: ["en"],
    timeZone: "Europe/London",
    weekday: 1,
    startTime: "19:00:00",
    capacity: 10,
    activeMemberCount: 10,
  });
  await t.database.pool.query(
    "update difficulties set retired_at = '2026-01-01' where slug = 'retirement-change'",
  );
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, language = "en") =>
  t.app.inject({ url, headers: { "accept-language": language } });

/** The text of an element's content, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");
const results = (html: string) => {
  const start = html.indexOf('<section aria-labelledby="results"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
};

describe("GET /groups", () => {
  it("shows the search form with every difficulty still offered, and the feed link, with no script", async () => {
    const response = await get("/groups");
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("<title>Find a group – Mutua</title>");
    expect(html).toContain('<form method="get" action="/groups"');
    expect(html).toContain(
      '<link rel="alternate" type="application/json" title="Meetings Feed" href="/meetings.json"/>',
    );
    expect(html).not.toContain("<script");
    expect(html).toContain('value="dementia-care"');
    expect(html).toContain("Caring for someone with dementia");
    expect(html).not.toContain('value="retirement-change"');
    // A first visit: the middle distance and online groups too.
    expect(html).toMatch(/id="radius-25" name="radius" value="25" checked/);
    expect(html).toMatch(/id="remote" name="remote" value="true" checked/);
    expect(text(results(html))).toContain("3 groups found");
  });

  it("says in words when, where and how far each group meets, and links to its page", async () => {
    const response = await get("/groups?place=Trento&radius=25&remote=true");
    expect(response.statusCode).toBe(200);
    const found = text(results(response.body));
    expect(found).toContain("3 groups found");
    expect(found).toContain(
      "Near Trento (Italy), up to 25 km away, and groups that meet online or by telephone.",
    );
    expect(found).toContain(
      "Meets every Tuesday at 10:30am in Trento, less than 1 km away · Italian · Places free",
    );
    expect(found).toContain(
      "Meets every other Thursday at 6pm in Rovereto, 21 km away · Italian · 1 place free",
    );
    expect(found).toContain(
      "Meets every Monday at 7pm (United Kingdom Time), online, by video · English · Full for now: you can join the waiting list",
    );
    expect(found).toContain(
      "About: Caring for someone with dementia · For family and friends who care",
    );
    // The group's own words are marked as the one language it meets in, for screen readers.
    expect(response.body).toContain(
      '<a href="/groups/trento-carers" lang="it">Caffè Alzheimer Trento</a>',
    );
    // Nearest first; groups without a place to measure from last.
    const order = ["trento-carers", "rovereto-widows", "london-online"].map((slug) =>
      response.body.indexOf(`/groups/${slug}"`),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("speaks Italian to an Italian reader", async () => {
    const response = await get("/groups?place=trento&radius=25", "it");
    expect(response.statusCode).toBe(200);
    const found = text(results(response.body));
    expect(found).toContain("2 gruppi trovati");
    expect(found).toContain(
      "Si incontra ogni martedì alle 10:30 a Trento, a meno di 1 km di distanza · italiano · Posti liberi",
    );
    expect(found).toContain("Di che cosa si parla: Assistere una persona con demenza");
  });

  it("says what was asked for that a group offers", async () => {
    const response = await get("/groups?access=step_free");
    expect(text(results(response.body))).toContain(
      "Matches what you chose: step-free access (no stairs)",
    );
  });

  it("keeps the choices ticked after a search", async () => {
    const response = await get(
      "/groups?difficulty=loss-of-partner&day=4&time=evening&free=true&place=Rovereto&radius=10",
    );
    const html = response.body;
    expect(html).toMatch(/name="difficulty" value="loss-of-partner" checked/);
    expect(html).toMatch(/name="day" value="4" checked/);
    expect(html).toMatch(/name="time" value="evening" checked/);
    expect(html).toMatch(/name="free" value="true" checked/);
    expect(html).toMatch(/name="radius" value="10" checked/);
    expect(html).toContain('value="Rovereto"');
    // Online groups were not asked for this time.
    expect(html).not.toMatch(/name="remote" value="true" checked/);
    expect(text(results(html))).toContain("1 group found");
    // The optional choices are open, since some are in use.
    expect(html).toContain('<details class="directory-more" open>');
  });

  it("answers 400 for a town it cannot find: the message by the field, the input kept, no results", async () => {
    const response = await get("/groups?place=Nowhereville-on-Sea&radius=25");
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain("<title>Error: Find a group – Mutua</title>");
    expect(html).toContain('<div class="error-summary" role="alert"');
    expect(html).toContain(
      '<a href="#place">We could not find a town with that name. Check the spelling, or try a bigger town nearby</a>',
    );
    expect(html).toContain(
      '<p class="error-message" id="place-error">We could not find a town with that name.',
    );
    expect(html).toMatch(/<input id="place" name="place" type="text" value="Nowhereville-on-Sea"/);
    expect(html).toContain('aria-invalid="true"');
    expect(results(html)).toBe("");
    expect(html).not.toContain("groups found");
    // Only that one problem.
    expect(html.match(/class="error-message"/g)).toHaveLength(1);
  });

  it.each([
    ["radius=7&place=Trento", "radius", "Choose how far you can travel"],
    [`q=${"parole".repeat(20)}`, "q", "Words to look for can be at most 100 characters"],
    ["difficulty=no-such-thing", "difficulty", "Choose from the list of difficulties"],
    ["difficulty=NOT%20A%20SLUG", "difficulty", "Choose from the list of difficulties"],
    ["day=9", "day", "Choose from the days of the week"],
    ["time=night", "time", "Choose morning, afternoon or evening"],
    ["access=lift", "access", "Choose from the list of access needs"],
    ["language=Italian", "language", "Choose from the list of languages"],
    [`place=${"T".repeat(101)}`, "place", "The town or city can be at most 100 characters"],
  ])("answers 400 for %s with a plain message by the field", async (query, field, message) => {
    const response = await get(`/groups?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`<a href="#${field}">${message}</a>`);
    expect(response.body).toContain(`id="${field}-error">${message}</p>`);
    expect(results(response.body)).toBe("");
  });

  it("ignores fields it does not know and a page number that is not one", async () => {
    expect((await get("/groups?utm_source=leaflet&page=abc")).statusCode).toBe(200);
    expect((await get("/groups?page=0")).statusCode).toBe(200);
  });

  it("links to the next and previous pages, keeping the search", async () => {
    const many = await buildTestApp();
    try {
      for (let n = 1; n <= 21; n++) await createGroup(many, { name: `Gruppo ${n}` });
      const first = await many.app.inject({ url: "/groups?difficulty=dementia-care&day=2" });
      expect(text(first.body)).toContain("Page 1 of 2");
      expect(first.body).toContain(
        '<a href="/groups?difficulty=dementia-care&amp;day=2&amp;page=2#results" rel="next">Next page</a>',
      );
      const second = await many.app.inject({
        url: "/groups?difficulty=dementia-care&day=2&page=2",
      });
      expect(second.body).toContain(
        '<a href="/groups?difficulty=dementia-care&amp;day=2#results" rel="prev">Previous page</a>',
      );
      expect(second.body.match(/<li><h3>/g)).toHaveLength(1);
      // A link to a page that no longer exists leads to the last one.
      const gone = await many.app.inject({ url: "/groups?difficulty=dementia-care&day=2&page=9" });
      expect(gone.statusCode).toBe(302);
      expect(gone.headers.location).toBe("/groups?difficulty=dementia-care&day=2&page=2");
    } finally {
      await many.close();
    }
  });
});

describe("the weight of the page", () => {
  it("stays under 40 KB with 20 groups, long names and descriptions, in Italian", async () => {
    const heavy = await buildTestApp();
    try {
      for (let n = 1; n <= 25; n++) {
        await createGroup(
          heavy,
          {
            name: `Gruppo di auto mutuo aiuto per familiari di persone con demenza, numero ${n}`,
            description: "Ci incontriamo per parlare di come assistere chi amiamo. ".repeat(20),
            openToAnyDifficulty: true,
            languages: ["it", "en", "de"],
            stepFree: true,
            hearingLoop: true,
          },
          ["dementia-care", "long-term-care", "loss-of-partner", "loneliness"],
        );
      }
      const response = await heavy.app.inject({
        url: "/groups?place=Trento&radius=50&remote=true&difficulty=dementia-care&access=step_free&access=hearing_loop&q=gruppo",
        headers: { "accept-language": "it" },
      });
      expect(response.statusCode).toBe(200);
      expect(response.body.match(/<li><h3>/g)).toHaveLength(20);
      const bytes = Buffer.byteLength(response.body);
      expect(bytes).toBeLessThan(40 * 1024);
    } finally {
      await heavy.close();
    }
  });
});

describe("a group that meets once a month", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await buildTestApp();
    await createGroup(own, {
      slug: "second-tuesday",
      scheduleKind: "monthly",
      rrule: "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
      weekday: 2,
    });
    await createGroup(own, {
      slug: "last-sunday",
      scheduleKind: "monthly",
      rrule: "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1",
      weekday: 0,
      startTime: "16:00:00",
    });
  });
  afterAll(async () => {
    await own.close();
  });

  it("says which week of the month, so nobody comes on the wrong day", async () => {
    const words = async (language: string) =>
      text(
        results(
          (await own.app.inject({ url: "/groups", headers: { "accept-language": language } })).body,
        ),
      );
    const english = await words("en");
    expect(english).toContain("Meets every second Tuesday of the month at 10:30am in Trento");
    expect(english).toContain("Meets every last Sunday of the month at 4pm in Trento");
    const italian = await words("it");
    expect(italian).toContain("Si incontra ogni secondo martedì del mese alle 10:30 a Trento");
    expect(italian).toContain("Si incontra ogni ultima domenica del mese alle 16:00 a Trento");
  });
});

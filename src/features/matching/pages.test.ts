import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup } from "../../test/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await createGroup(t, { slug: "trento-tuesday", name: "Caffè Alzheimer del martedì" });
  await createGroup(t, {
    slug: "trento-thursday",
    name: "Caffè Alzheimer del giovedì",
    weekday: 4,
    rrule: "FREQ=WEEKLY;BYDAY=TH",
    startTime: "18:00:00",
  });
  // Rovereto is about 20 km from Trento.
  await createGroup(t, {
    slug: "rovereto-full",
    name: "Familiari a Rovereto",
    town: "Rovereto",
    publicLatitude: 45.8904,
    publicLongitude: 11.0405,
    capacity: 8,
    activeMemberCount: 8,
  });
  await createGroup(
    t,
    {
      slug: "trento-mixed",
      name: "Auto mutuo aiuto per tutti",
      audience: "both",
      openToAnyDifficulty: true,
      weekday: 1,
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      startTime: "09:30:00",
    },
    [],
  );
  await createGroup(t, {
    slug: "online-carers",
    name: "Caregiver in videochiamata",
    format: "online",
    venueName: null,
    streetAddress: null,
    town: null,
    latitude: null,
    longitude: null,
    publicLatitude: null,
    publicLongitude: null,
    startTime: "20:30:00",
  });
  await createGroup(t, {
    slug: "leeds-carers",
    name: "Leeds dementia carers",
    languages: ["en"],
    town: "Leeds",
    country: "GB",
    publicLatitude: 53.8,
    publicLongitude: -1.55,
    timeZone: "Europe/London",
  });
  await createGroup(
    t,
    { slug: "trento-widows", name: "Vedove e vedovi", audience: "living_with" },
    ["loss-of-partner"],
  );
  // Never suggested: not listed, closed for good, not taking anyone new.
  await createGroup(t, { slug: "trento-unlisted", name: "Gruppo privato", visibility: "unlisted" });
  await createGroup(t, { slug: "trento-closed", name: "Gruppo chiuso", status: "closed" });
  await createGroup(t, {
    slug: "trento-not-taking",
    name: "Gruppo al completo",
    joiningPolicy: "closed",
  });
  await t.database.db.execute(
    sql`update difficulties set retired_at = '2026-01-01T00:00:00Z' where slug = 'retirement-change'`,
  );
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, language = "en") =>
  t.app.inject({ url, headers: { "accept-language": language } });

/** The words of a page, tags removed, as a person reads them. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

/** The hidden fields of a page's form, as name=value pairs in order. */
const hidden = (html: string) =>
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (m) => `${m[1]}=${m[2]}`,
  );

const checked = (html: string, name: string, value: string) =>
  new RegExp(`name="${name}" value="${value}" checked`).test(html);

const dementiaCarer = "difficulty=dementia-care&who=carer";
const nearTrento = "how=in_person&place=Trento&radius=25";
const all = `${dementiaCarer}&${nearTrento}&day=2&time=morning&language=it`;

describe("GET /find", () => {
  it("welcomes the newcomer, says what will happen, and starts with one button, without a script", async () => {
    const response = await get("/find");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<title>Find a group that suits you – Mutua</title>");
    expect(text(response.body)).toContain("We will ask you five short questions");
    expect(response.body).toContain('<a class="button" href="/find/difficulty">Start now</a>');
    expect(response.body).not.toContain("<script");
  });

  it("is the way in from the home page, next to a plain link to every group", async () => {
    const response = await get("/");
    expect(response.body).toContain('<a class="button" href="/find">Find a group</a>');
    expect(response.body).toContain('<a href="/groups">See all groups</a>');
  });
});

describe("the questions", () => {
  it("asks what the person is going through, with every difficulty still offered and a way out", async () => {
    const response = await get("/find/difficulty");
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("<title>What are you going through? – Mutua</title>");
    expect(text(html)).toContain("Question 1 of 5");
    expect(html).toContain('<form method="get" action="/find/difficulty" novalidate');
    expect(html).toContain(
      '<input type="radio" id="difficulty" name="difficulty" value="dementia-care"',
    );
    expect(text(html)).toContain("For husbands, wives, children and friends");
    expect(html).not.toContain('value="retirement-change"');
    expect(html).toContain('name="difficulty" value="any"');
    expect(text(html)).toContain("Something else, or I'm not sure");
    expect(html).toContain('<a href="/find">Back</a>');
    expect(html).not.toContain("<select");
  });

  it("speaks Italian to an Italian reader", async () => {
    const response = await get("/find/difficulty", "it");
    expect(text(response.body)).toContain("Che cosa stai vivendo?");
    expect(text(response.body)).toContain("Assistere una persona con demenza");
    expect(text(response.body)).toContain("Domanda 1 di 5");
  });

  it("answers 400 with the error summary and the message by the question when nothing is chosen", async () => {
    const response = await get("/find/difficulty?sent=1");
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain("<title>Error: What are you going through? – Mutua</title>");
    expect(html).toContain('<div class="error-summary" role="alert"');
    expect(html).toContain(
      '<a href="#difficulty">Choose what you are going through, or “Something else, or I\'m not sure”</a>',
    );
    expect(html).toContain('<p class="error-message" id="difficulty-error">');
  });

  it.each([
    ["a difficulty that does not exist", "no-such-thing"],
    ["a retired difficulty", "retirement-change"],
    ["something that is not a difficulty", "<b>"],
  ])("refuses %s", async (_what, slug) => {
    const response = await get(`/find/difficulty?sent=1&difficulty=${encodeURIComponent(slug)}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="difficulty-error"');
  });

  it("goes on to the next question with the answer in the address", async () => {
    const response = await get("/find/difficulty?sent=1&difficulty=dementia-care");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/find/who?difficulty=dementia-care");
  });

  it("carries the earlier answers in hidden fields, links back with them, and keeps them after an error", async () => {
    const page = await get("/find/who?difficulty=dementia-care");
    expect(page.statusCode).toBe(200);
    expect(hidden(page.body)).toEqual(["difficulty=dementia-care", "sent=1"]);
    expect(page.body).toContain('<a href="/find/difficulty?difficulty=dementia-care">Back</a>');
    expect(text(page.body)).toContain("Question 2 of 5");

    const wrong = await get("/find/who?difficulty=dementia-care&who=everyone&sent=1");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<a href="#who">Choose who the group is for</a>');
    expect(hidden(wrong.body)).toEqual(["difficulty=dementia-care", "sent=1"]);

    const right = await get("/find/who?difficulty=dementia-care&who=carer&sent=1");
    expect(right.headers.location).toBe("/find/where?difficulty=dementia-care&who=carer");
  });

  it("shows an earlier answer as chosen when the person comes back to a question", async () => {
    const response = await get(`/find/who?${dementiaCarer}`);
    expect(checked(response.body, "who", "carer")).toBe(true);
    expect(hidden(response.body)).toEqual(["difficulty=dementia-care", "sent=1"]);
  });

  describe("where or how to meet", () => {
    it("offers in person near a town, video, telephone or any, with the middle distance chosen", async () => {
      const response = await get(`/find/where?${dementiaCarer}`);
      const html = response.body;
      for (const how of ["in_person", "online", "telephone", "any"]) {
        expect(html).toContain(`name="how" value="${how}"`);
      }
      expect(html).toContain('<label for="place">Your town or city</label>');
      expect(checked(html, "radius", "25")).toBe(true);
    });

    it("asks for a choice", async () => {
      const response = await get(`/find/where?${dementiaCarer}&radius=25&place=&sent=1`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        '<a href="#how">Choose where or how you would like to meet</a>',
      );
    });

    it("asks for the town when meeting in person", async () => {
      const response = await get(
        `/find/where?${dementiaCarer}&how=in_person&place=&radius=10&sent=1`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        '<a href="#place">Type the name of your town or city, so we can find groups near you</a>',
      );
      expect(checked(response.body, "how", "in_person")).toBe(true);
      expect(checked(response.body, "radius", "10")).toBe(true);
    });

    it("says so when it cannot find the town, keeping what was typed", async () => {
      const response = await get(
        `/find/where?${dementiaCarer}&how=any&place=Nowhereville-on-Sea&radius=25&sent=1`,
      );
      expect(response.statusCode).toBe(400);
      const html = response.body;
      expect(html).toContain("<title>Error: Where or how would you like to meet? – Mutua</title>");
      expect(html).toContain(
        '<p class="error-message" id="place-error">We could not find a town with that name.',
      );
      expect(html).toMatch(
        /<input id="place" name="place" type="text" value="Nowhereville-on-Sea"/,
      );
      expect(checked(html, "how", "any")).toBe(true);
      expect(hidden(html)).toEqual(["difficulty=dementia-care", "who=carer", "sent=1"]);
    });

    it("goes on with the town and distance, or without them for video and telephone", async () => {
      const near = await get(`/find/where?${dementiaCarer}&${nearTrento}&sent=1`);
      expect(near.statusCode).toBe(303);
      expect(near.headers.location).toBe(`/find/when?${dementiaCarer}&${nearTrento}`);
      const online = await get(
        `/find/where?${dementiaCarer}&how=online&place=Trento&radius=25&sent=1`,
      );
      expect(online.headers.location).toBe(`/find/when?${dementiaCarer}&how=online`);
    });
  });

  describe("when suits", () => {
    const before = `${dementiaCarer}&${nearTrento}`;

    it("asks for days and times, or any time", async () => {
      const response = await get(`/find/when?${before}&sent=1`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        '<a href="#day">Tick the days or times that suit you, or “Any day and any time suits me”</a>',
      );
      expect(text(response.body)).toContain("Question 4 of 5");
      expect(response.body).toContain('name="day" value="1"');
      expect(response.body).toContain('name="time" value="morning"');
    });

    it("refuses days and times together with any time, keeping the ticks", async () => {
      const response = await get(`/find/when?${before}&day=2&day=4&time=morning&when=any&sent=1`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('id="when-error"');
      expect(checked(response.body, "day", "2")).toBe(true);
      expect(checked(response.body, "day", "4")).toBe(true);
      expect(checked(response.body, "time", "morning")).toBe(true);
      expect(checked(response.body, "when", "any")).toBe(true);
    });

    it("goes on with the days and times chosen", async () => {
      const response = await get(`/find/when?${before}&day=4&day=2&time=morning&sent=1`);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/find/language?${before}&day=2&day=4&time=morning`);
    });
  });

  describe("which language", () => {
    const before = `${dementiaCarer}&${nearTrento}&day=2&time=morning`;

    it("offers the languages groups use, the reader's own chosen to start with", async () => {
      const english = await get(`/find/language?${before}`);
      expect(checked(english.body, "language", "en")).toBe(true);
      expect(english.body).toContain('name="language" value="it"');
      expect(text(english.body)).toContain("Italian");
      const italian = await get(`/find/language?${before}`, "it");
      expect(checked(italian.body, "language", "it")).toBe(true);
    });

    it("refuses a language no group uses", async () => {
      const response = await get(`/find/language?${before}&language=zz&sent=1`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<a href="#language">Choose a language</a>');
    });

    it("goes on to check the answers", async () => {
      const response = await get(`/find/language?${before}&language=it&sent=1`);
      expect(response.headers.location).toBe(`/find/summary?${all}`);
    });
  });
});

describe("GET /find/summary", () => {
  it("shows each answer in words with a link to change it that keeps the others", async () => {
    const response = await get(`/find/summary?${all}`);
    expect(response.statusCode).toBe(200);
    const words = text(response.body);
    expect(words).toContain("Check your answers");
    expect(words).toContain("What are you going through? Caring for someone with dementia");
    expect(words).toContain("Who is the group for? For someone I care for");
    expect(words).toContain("In person, up to 25 km from Trento");
    expect(words).toContain("When suits you? Tuesday, in the morning");
    expect(words).toContain("Which language would you like to speak in the group? Italian");
    const change = `/find/where?${all.replaceAll("&", "&amp;")}&amp;change=1`;
    expect(response.body).toContain(
      `<a href="${change}" aria-label="Change: Where or how would you like to meet?">Change</a>`,
    );
    expect(response.body).toContain('<form method="get" action="/find/results">');
    expect(response.body).toContain("See groups that fit");
  });

  it("comes back to the summary after a change, with the other answers kept", async () => {
    const page = await get(`/find/when?${all}&change=1`);
    expect(hidden(page.body)).toContain("change=1");
    expect(page.body).toContain(`<a href="/find/summary?${all.replaceAll("&", "&amp;")}">Back</a>`);
    const changed = await get(
      `/find/when?${dementiaCarer}&${nearTrento}&language=it&change=1&day=1&day=3&time=evening&sent=1`,
    );
    expect(changed.headers.location).toBe(
      `/find/summary?${dementiaCarer}&${nearTrento}&day=1&day=3&time=evening&language=it`,
    );
    const summary = await get(changed.headers.location as string);
    expect(text(summary.body)).toContain("Monday or Wednesday, in the evening");
    expect(text(summary.body)).toContain("Caring for someone with dementia");
  });

  it("speaks Italian to an Italian reader", async () => {
    const response = await get(`/find/summary?${all}`, "it");
    const words = text(response.body);
    expect(words).toContain("Controlla le tue risposte");
    expect(words).toContain("Martedì, di mattina");
    expect(words).toContain("Di persona, fino a 25 km da Trento");
    expect(words).toContain("Italiano");
  });

  it("sends the person to the first question still to answer", async () => {
    const response = await get(`/find/summary?${dementiaCarer}&language=it`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/find/where?${dementiaCarer}&language=it`);
    const none = await get("/find/summary");
    expect(none.headers.location).toBe("/find/difficulty");
  });

  it("sends the person back to a question whose answer no longer works, showing why", async () => {
    const retired = await get(`/find/summary?${all.replace("dementia-care", "retirement-change")}`);
    expect(retired.statusCode).toBe(303);
    expect(retired.headers.location).toMatch(/^\/find\/difficulty\?.*&sent=1$/);
    const followed = await get(retired.headers.location as string);
    expect(followed.statusCode).toBe(400);
    const town = await get(`/find/summary?${all.replace("Trento", "Nowhereville")}`);
    expect(town.headers.location).toMatch(/^\/find\/where\?.*place=Nowhereville.*&sent=1$/);
  });
});

describe("GET /find/results", () => {
  const order = (html: string) =>
    [...html.matchAll(/<h3><a href="\/groups\/([a-z0-9-]+)"/g)].map((m) => m[1]);

  it("ranks the groups that fit by day and time, then places free, then distance, with reasons", async () => {
    const response = await get(`/find/results?${all}`);
    expect(response.statusCode).toBe(200);
    expect(order(response.body)).toEqual([
      "trento-tuesday",
      "rovereto-full",
      "trento-mixed",
      "trento-thursday",
    ]);
    const words = text(response.body);
    expect(words).toContain("4 groups fit your answers.");
    expect(words).toContain(
      "Why it may suit you: It is about: Caring for someone with dementia It is for family and friends who care for someone It meets less than 1 km from Trento It meets on Tuesday, a day you chose It meets in the morning, a time you chose Members speak Italian",
    );
    expect(words).toContain("It meets 21 km from Trento");
    expect(words).toContain("It welcomes people going through any difficulty");
    expect(words).toContain("Meets every Tuesday at 10:30am in Trento, less than 1 km away");
    // Not many, but enough: no apology.
    expect(words).not.toContain("Not many groups fit");
    expect(response.body).toContain(
      `<a href="/find/summary?${all.replaceAll("&", "&amp;")}">Back</a>`,
    );
  });

  it("never suggests an unlisted or closed group, or one not taking new members", async () => {
    for (const how of ["in_person", "any"]) {
      const response = await get(`/find/results?${all.replace("in_person", how)}`);
      for (const slug of ["trento-unlisted", "trento-closed", "trento-not-taking"]) {
        expect(response.body).not.toContain(`/groups/${slug}`);
      }
    }
  });

  it("adds online and telephone groups for “any of these”, after near ones that fit as well", async () => {
    const response = await get(`/find/results?${all.replace("in_person", "any")}`);
    expect(order(response.body)).toEqual([
      "trento-tuesday",
      "rovereto-full",
      "trento-mixed",
      "online-carers",
      "trento-thursday",
    ]);
    expect(text(response.body)).toContain(
      "It meets online, by video, so you can take part from home",
    );
  });

  it("shows only groups that meet by video when that is what the person chose", async () => {
    const response = await get(
      `/find/results?${dementiaCarer}&how=online&day=2&time=evening&language=it`,
    );
    expect(order(response.body)).toEqual(["online-carers"]);
    const words = text(response.body);
    expect(words).toContain("It meets online, by video, so you can take part from home");
    expect(words).toContain("It meets in the evening, a time you chose");
  });

  it("shows mixed groups for “something else, or I'm not sure”", async () => {
    const response = await get(
      `/find/results?difficulty=any&who=me&${nearTrento}&when=any&language=it`,
    );
    expect(order(response.body)).toEqual(["trento-mixed"]);
  });

  it("is strict on the language and on the place", async () => {
    const english = await get(`/find/results?${all.replace("language=it", "language=en")}`);
    expect(order(english.body)).toEqual([]);
    const leeds = await get(
      `/find/results?${dementiaCarer}&how=in_person&place=Leeds&radius=10&when=any&language=en`,
    );
    expect(order(leeds.body)).toEqual(["leeds-carers"]);
  });

  it("says kindly when few groups fit, and offers to look wider, to see all groups or to ask for help", async () => {
    const response = await get(
      `/find/results?${dementiaCarer}&how=in_person&place=Leeds&radius=10&day=3&time=evening&language=en`,
    );
    const words = text(response.body);
    expect(words).toContain("1 group fits your answers.");
    expect(words).toContain("Not many groups fit all your answers yet. You could:");
    expect(response.body).toContain(
      '<a href="/find/results?difficulty=dementia-care&amp;who=carer&amp;how=in_person&amp;place=Leeds&amp;radius=20&amp;when=any&amp;language=en">Look up to 20 km away, on any day and at any time</a>',
    );
    expect(response.body).toContain('<a href="/groups">See all groups</a>');
    expect(response.body).toContain(
      '<a href="/find/help?difficulty=dementia-care&amp;who=carer&amp;how=in_person&amp;place=Leeds&amp;radius=10&amp;day=3&amp;time=evening&amp;language=en">Ask us to help you find a group</a>',
    );

    const none = await get(`/find/results?${all.replace("language=it", "language=en")}`);
    expect(text(none.body)).toContain("We are sorry: no group fits all your answers yet.");
    expect(none.body).toContain("Look up to 50 km away, on any day and at any time");
  });

  it("looks wider when asked: at least twice as far, and a group beyond the distance comes in", async () => {
    const near = await get(`/find/results?${all.replace("radius=25", "radius=10")}`);
    expect(order(near.body)).not.toContain("rovereto-full");
    expect(near.body).toContain("Look up to 20 km away, on any day and at any time");
    const wider = await get(
      `/find/results?${dementiaCarer}&${nearTrento.replace("25", "50")}&when=any&language=it`,
    );
    expect(order(wider.body)).toContain("rovereto-full");
  });

  it("sends the person back to the questions when the answers are missing or no longer work", async () => {
    expect((await get(`/find/results?${dementiaCarer}`)).headers.location).toBe(
      `/find/where?${dementiaCarer}`,
    );
    const unknown = await get(`/find/results?${all.replace("dementia-care", "no-such-thing")}`);
    expect(unknown.headers.location).toMatch(/^\/find\/difficulty\?.*&sent=1$/);
    const town = await get(`/find/results?${all.replace("Trento", "Nowhereville")}`);
    expect(town.headers.location).toMatch(/^\/find\/where\?.*&sent=1$/);
  });
});

describe("at most five groups", () => {
  it("shows the five that fit best, and says how many fit in all", async () => {
    const many = await buildTestApp();
    try {
      for (let n = 1; n <= 7; n++) {
        await createGroup(
          many,
          { slug: `lonely-${n}`, name: `Compagnia ${n}`, audience: "living_with", weekday: n % 7 },
          ["loneliness"],
        );
      }
      const response = await many.app.inject(
        `/find/results?difficulty=loneliness&who=me&${nearTrento}&day=3&language=it`,
      );
      const words = text(response.body);
      expect(words).toContain("7 groups fit your answers.");
      expect(words).toContain("Here are the 5 that fit best.");
      const slugs = [...response.body.matchAll(/<h3><a href="\/groups\/([a-z0-9-]+)"/g)].map(
        (m) => m[1],
      );
      expect(slugs).toHaveLength(5);
      // Wednesday's group first: the only one on a day the person chose.
      expect(slugs[0]).toBe("lonely-3");
    } finally {
      await many.close();
    }
  });
});

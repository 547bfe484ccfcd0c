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
      publishAddress: true,
      venueName: "Biblioteca civica",
      streetAddress: "Corso Bettini 43",
      postalCode: "38068",
    },
    ["loss-of-partner"],
  );
  await createGroup(t, { slug: "trento-unlisted", visibility: "unlisted" });
  await createGroup(t, {
    slug: "starting-soon",
    name: "Nuovo gruppo di Trento",
    languages: ["de"],
    weekday: 6,
    startsOn: "2026-04-11",
    rrule: "FREQ=WEEKLY;BYDAY=SA",
  });
});
afterAll(async () => {
  await t.close();
});

const api = (query: string) => t.app.inject({ url: `/api/v1/groups${query}` });

describe("GET /api/v1/groups", () => {
  it("presents exactly the public fields of each group, nearest first", async () => {
    const response = await api("?place=Trento&radius=25&access=step_free&difficulty=dementia-care");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      place: { name: "Trento", country: "IT" },
      radiusKm: 25,
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const [group] = body.results;
    expect(Object.keys(group).sort()).toEqual(
      [
        "access",
        "address",
        "audience",
        "country",
        "difficulties",
        "distanceKm",
        "excerpt",
        "format",
        "hasPlacesFree",
        "joiningPolicy",
        "languages",
        "matchReasons",
        "name",
        "openToAnyDifficulty",
        "placesFree",
        "schedule",
        "slug",
        "town",
        "url",
        "writtenIn",
      ].sort(),
    );
    expect(group).toMatchObject({
      slug: "trento-carers",
      url: "/groups/trento-carers",
      difficulties: [{ slug: "dementia-care", name: "Caring for someone with dementia" }],
      audience: "carers",
      languages: ["it"],
      format: "in_person",
      town: "Trento",
      address: null,
      distanceKm: 0,
      schedule: {
        kind: "weekly",
        weekday: 2,
        startTime: "10:30",
        durationMinutes: 90,
        timeZone: "Europe/Rome",
        startsOn: null,
      },
      // Nobody has joined yet: the overview says "fewer than 5", so the number is held back.
      placesFree: null,
      hasPlacesFree: true,
      access: ["step_free"],
      joiningPolicy: "open",
    });
    expect(group.matchReasons).toEqual([
      { kind: "near", place: "Trento", distanceKm: 0 },
      {
        kind: "difficulty",
        difficulties: [{ slug: "dementia-care", name: "Caring for someone with dementia" }],
      },
      { kind: "access", needs: ["step_free"] },
    ]);
  });

  it("gives the distance in kilometres: Trento to Rovereto is about 21", async () => {
    const body = (await api("?place=Trento&radius=25&language=it")).json();
    expect(body.results.map((g: { slug: string }) => g.slug)).toEqual([
      "trento-carers",
      "rovereto-widows",
    ]);
    expect(body.results[1].distanceKm).toBe(21);
  });

  it("shows a street address only when the group published it", async () => {
    const body = (await api("?q=Rovereto")).json();
    expect(body.results[0].address).toEqual({
      venueName: "Biblioteca civica",
      streetAddress: "Corso Bettini 43",
      postalCode: "38068",
    });
  });

  it("gives a first meeting's date only while it is still to come", async () => {
    const body = (await api("?day=6&day=2")).json();
    const dates = Object.fromEntries(
      body.results.map((g: { slug: string; schedule: { startsOn: string | null } }) => [
        g.slug,
        g.schedule.startsOn,
      ]),
    );
    // The test clock says 10 March 2026; the factory's groups started on 3 March.
    expect(dates).toEqual({ "starting-soon": "2026-04-11", "trento-carers": null });
    const page = await t.app.inject({ url: "/groups?day=6" });
    expect(page.body).toContain("<p>First meeting on Saturday 11 April 2026</p>");
  });

  it("names difficulties in the language asked for", async () => {
    const response = await t.app.inject({
      url: "/api/v1/groups?q=Rovereto",
      headers: { "accept-language": "it" },
    });
    expect(response.json().results[0].difficulties).toEqual([
      { slug: "loss-of-partner", name: "Perdita del proprio compagno o della propria compagna" },
    ]);
  });

  it("refuses a parameter it does not know, by name", async () => {
    const response = await api("?place=Trento&colour=blue");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: "invalid_input",
        message: "Some of what was sent is not valid.",
        fields: { colour: "This is not something groups can be searched by" },
      },
    });
  });

  it.each([
    ["?place=Nowhereville-on-Sea", "place", "We could not find a town with that name."],
    ["?difficulty=no-such-thing", "difficulty", "Choose from the list of difficulties"],
    ["?radius=7", "radius", "Choose how far you can travel"],
    [`?q=${"x".repeat(101)}`, "q", "Words to look for can be at most 100 characters"],
    ["?page=0", "page", "There is no such page of groups"],
    ["?remote=yes", "remote", "Choose one of the options"],
  ])("answers 400 with a JSON problem for %s", async (query, field, message) => {
    const response = await api(query);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(error.fields[field]).toContain(message);
  });

  it("takes repeated parameters as several values", async () => {
    const body = (await api("?day=2&day=4&language=it&language=en")).json();
    expect(body.total).toBe(2);
  });

  it("finds the same groups in the same order as the page", async () => {
    const query = "?place=Trento&radius=50&remote=true";
    const json = (await api(query)).json();
    const html = (await t.app.inject({ url: `/groups${query}` })).body;
    const fromHtml = [...html.matchAll(/<h3><a href="\/groups\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(json.results.map((g: { slug: string }) => g.slug)).toEqual(fromHtml);
  });
});

describe("OpenAPI", () => {
  it("documents the search with its parameters and answer", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const operation = doc.paths["/api/v1/groups"].get;
    const names = operation.parameters.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(
      [
        "access",
        "audience",
        "day",
        "difficulty",
        "free",
        "language",
        "page",
        "place",
        "q",
        "radius",
        "remote",
        "time",
      ].sort(),
    );
    expect(operation.responses["200"]).toBeDefined();
    expect(operation.responses["400"]).toBeDefined();
    expect(doc.paths["/groups"]).toBeUndefined();
  });
});

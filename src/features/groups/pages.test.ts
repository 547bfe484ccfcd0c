import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateTime } from "../../infra/time/zoned.js";
import { onceIn, TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup, createOrganisation, signedInPerson } from "../../test/factories.js";
import { cancelMeeting, moveMeeting } from "../meetings/changes/writes.js";
import { listUpcomingMeetings } from "../meetings/reads.js";
import { planMeetings } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { getGroupBySlug } from "./reads.js";
import { groupDifficulties, groups } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const valid = {
  name: "Caffè Alzheimer Trento",
  description: "Ci incontriamo per parlare di come assistere chi amiamo con la demenza.",
  firstMeeting: "Ti accogliamo con un caffè. Puoi anche solo ascoltare.",
  difficulties: "dementia-care",
  audience: "carers",
  languages: "it",
  format: "in_person",
  venueName: "Sala civica",
  streetAddress: "Via Roma 1",
  town: "trento",
  postalCode: "38122",
  access: "stepFree",
  scheduleKind: "monthly",
  weekday: "2",
  nth: "2",
  startsOn: "2026-03-10",
  startTime: "10:30",
  duration: "90",
  capacity: "12",
  joiningPolicy: "open",
  visibility: "listed",
};

/** What a form's field shows: an input's value, or a text area's text (as escaped in the page). */
function shownValue(body: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(body)?.[0];
  if (input) return /\bvalue="([^"]*)"/.exec(input)?.[1] ?? "";
  const area = new RegExp(`<textarea[^>]*\\bname="${name}"[^>]*>([^<]*)</textarea>`).exec(body);
  return area ? area[1]! : null;
}

async function groupCount() {
  return (await t.database.db.select().from(groups)).length;
}

describe("starting a group", () => {
  it("starts one group when the form is sent twice (a double click), and sends both to it", async () => {
    const { browser } = await signedInPerson(t, { displayName: "Gino" });
    const form = await browser.get("/groups/new");
    const once = onceIn(form.body);
    const before = await groupCount();
    // A first sending with a mistake comes back with the same id, and uses nothing up.
    const mistake = await browser.post("/groups", { ...valid, capacity: "0", _once: once });
    expect(mistake.statusCode).toBe(400);
    expect(mistake.body).toContain(`name="_once" value="${once}"`);
    const [first, second] = await Promise.all([
      browser.post("/groups", { ...valid, _once: once }),
      browser.post("/groups", { ...valid, _once: once }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await groupCount()).toBe(before + 1);
    // Its meetings were planned with it, in the same transaction.
    const slug = String(first.headers.location).replace("/groups/", "");
    const [group] = await t.database.db.select().from(groups).where(eq(groups.slug, slug));
    const planned = await listUpcomingMeetings(t.database.db, group!.id, group!.id, {
      now: t.clock.now(),
      to: new Date(t.clock.now().getTime() + 12 * 7 * 86_400_000),
    });
    expect(planned.length).toBeGreaterThan(0);
    // Sent again much later (the page kept in the browser): the same group, not a new one.
    const again = await browser.post("/groups", { ...valid, _once: once });
    expect(again.headers.location).toBe(first.headers.location);
    expect(await groupCount()).toBe(before + 1);
  });

  it("starts a group from the form: the founder is its facilitator, its town is found, and its page shows it", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Grace" });
    const form = await browser.get("/groups/new");
    expect(form.statusCode).toBe(200);
    // Each difficulty is named by its label alone; its description is a hint tied to the box.
    expect(form.body).toMatch(
      /<input type="checkbox" id="difficulties" name="difficulties" value="dementia-care" aria-describedby="difficulties-dementia-care-hint"\/><div><label for="difficulties">Caring for someone with dementia<\/label><p class="hint" id="difficulties-dementia-care-hint">[^<]+<\/p><\/div>/,
    );
    const created = await browser.post("/groups", valid);
    expect(created.statusCode).toBe(303);
    const slug = String(created.headers.location).replace("/groups/", "");
    expect(slug).toMatch(/^caffe-alzheimer-trento-[0-9a-f]{6}$/);
    const [group] = await t.database.db.select().from(groups).where(eq(groups.slug, slug));
    expect(group).toMatchObject({
      town: "Trento",
      country: "IT",
      rrule: "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
      weekday: 2,
      startTime: "10:30:00",
      stepFree: true,
      hearingLoop: false,
      activeMemberCount: 1,
      publishAddress: false,
      // The one language it meets in is the one its page is written in.
      writtenIn: "it",
    });
    expect(group!.publicLatitude).toBeCloseTo(46.07, 2);
    const [founder] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.groupId, group!.id));
    expect(founder).toMatchObject({ personId: person.id, state: "active", role: "facilitator" });
    expect(
      (
        await t.database.db
          .select()
          .from(groupDifficulties)
          .where(eq(groupDifficulties.groupId, group!.id))
      ).map((d) => d.difficultySlug),
    ).toEqual(["dementia-care"]);

    const page = await browser.get(`/groups/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Your group has started.");
    expect(page.body).toContain("Caring for someone with dementia");
    expect(page.body).toContain("Ti accogliamo con un caffè.");
    // The founder is a member, so sees the address and the ground rules.
    expect(page.body).toContain("Via Roma 1");
    expect(page.body).toContain("Quello che si dice nel gruppo resta nel gruppo.");
  });

  it("keeps the clock of the town it meets in, whatever the instance's own", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Margaret" });
    expect(t.app.deps.config.timeZone).toBe("Europe/Rome");
    const created = await browser.post("/groups", {
      ...valid,
      name: "Leeds carers' café",
      languages: "en",
      town: "Leeds",
      postalCode: "LS1 1UR",
      streetAddress: "1 Park Row",
    });
    expect(created.statusCode).toBe(303);
    const slug = String(created.headers.location).replace("/groups/", "");
    const [group] = await t.database.db.select().from(groups).where(eq(groups.slug, slug));
    expect(group).toMatchObject({ town: "Leeds", country: "GB", timeZone: "Europe/London" });
    const coming = await listUpcomingMeetings(t.database.db, group!.id, person.id, {
      now: t.clock.now(),
      to: new Date(t.clock.now().getTime() + 120 * 86_400_000),
    });
    expect(coming.length).toBeGreaterThan(2);
    for (const meeting of coming) {
      expect(localDateTime(meeting.startsAt, "Europe/London").localTime).toBe("10:30");
    }
  });

  it("lets a coordinator start a group for their organisation, as its guide, and nobody else name that organisation", async () => {
    const luca = await signedInPerson(t, { displayName: "Luca" });
    const org = await createOrganisation(t, "Associazione Ama Trento", [luca.person.id]);
    const form = await luca.browser.get("/groups/new");
    expect(form.body).toContain("Associazione Ama Trento");
    const created = await luca.browser.post("/groups", { ...valid, organisationId: org.id });
    expect(created.statusCode).toBe(303);
    const slug = String(created.headers.location).replace("/groups/", "");
    const [group] = await t.database.db.select().from(groups).where(eq(groups.slug, slug));
    expect(group?.organisationId).toBe(org.id);
    const [guide] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.groupId, group!.id));
    expect(guide).toMatchObject({ personId: luca.person.id, role: "guide", state: "active" });
    expect((await luca.browser.get(`/groups/${slug}`)).body).toContain(
      "Supported by Associazione Ama Trento",
    );

    const other = await signedInPerson(t);
    const refused = await other.browser.post("/groups", { ...valid, organisationId: org.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Choose an organisation you coordinate");
  });

  it("marks a bilingual group's own words with the language they are written in, for screen readers", async () => {
    const { browser } = await signedInPerson(t, { displayName: "Greta" });
    const created = await browser.post("/groups", {
      ...valid,
      name: "Caffè Alzheimer bilingue",
      languages: ["it", "de"],
      writtenIn: "it",
    });
    expect(created.statusCode).toBe(303);
    const slug = String(created.headers.location).replace("/groups/", "");
    const english = new TestBrowser(t.app, { acceptLanguage: "en" });
    const page = await english.get(`/groups/${slug}`);
    expect(page.body).toContain('<h1 lang="it">Caffè Alzheimer bilingue</h1>');
    const found = await english.get("/groups?q=bilingue");
    expect(found.body).toMatch(/<a href="\/groups\/[^"]+" lang="it">Caffè Alzheimer bilingue<\/a>/);
    const api = await english.get(`/api/v1/groups/${slug}`);
    expect(api.json()).toMatchObject({ languages: ["it", "de"], writtenIn: "it" });
    // Read in Italian, the words are in the page's own language: no mark is needed.
    const italian = new TestBrowser(t.app, { acceptLanguage: "it" });
    expect((await italian.get(`/groups/${slug}`)).body).toContain(
      "<h1>Caffè Alzheimer bilingue</h1>",
    );
  });

  it("keeps the input and explains each bad answer by its field, saving nothing", async () => {
    const { browser } = await signedInPerson(t);
    const before = await groupCount();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ capacity: "0" }, "capacity", "Enter a number from 3 to 30"],
      [{ capacity: "500" }, "capacity", "Enter a number from 3 to 30"],
      [{ name: "x".repeat(81) }, "name", "Enter a name of at most 80 characters"],
      [
        { description: "<b>Benvenuti</b> nel gruppo di sostegno" },
        "description",
        "Please write plain text, without &lt;tags>",
      ],
      [{ town: "Nowhereville Upon Nothing" }, "town", "We could not find this town"],
      [{ languages: ["it", "de"] }, "writtenIn", "Choose the language this page is written in"],
      [
        { languages: ["it", "de"], writtenIn: "en" },
        "writtenIn",
        "Choose one of the languages spoken in the group",
      ],
      [{ startsOn: "30/2/2026" }, "startsOn", "Enter a real date, like 14/4/2026"],
      [
        { scheduleKind: "one_off", oneOffDates: "2020-01-07 10:30" },
        "oneOffDates",
        "the group would never meet",
      ],
      [
        // The same day twice, written two ways: before, the second date broke a key and the
        // person got an error page.
        { scheduleKind: "one_off", oneOffDates: "14/4/2027 10:30\n2027-04-14 10.30" },
        "oneOffDates",
        "One of the days is written twice",
      ],
      [
        { scheduleKind: "one_off", oneOffDates: "14/4/2027 10:30\n14/4/2027 17:00" },
        "oneOffDates",
        "write each day only once",
      ],
      [
        { format: "online", videoUrl: "javascript:alert(1)" },
        "videoUrl",
        "Enter a video link that starts with https://",
      ],
      [
        { accessNotes: "Salite al primo piano. ".repeat(25) },
        "accessNotes",
        "Write at most 500 characters about getting there",
      ],
      [
        { venueName: "Sala ".repeat(25) },
        "venueName",
        "Write the name of the place in at most 120 characters",
      ],
      [
        { streetAddress: "Via ".repeat(51) },
        "streetAddress",
        "Write the street address in at most 200 characters",
      ],
      [{ postalCode: "38122 ".repeat(3) }, "postalCode", "Write the postcode in at most 12"],
      [{ difficulties: "" }, "difficulties", "Choose at least one difficulty"],
      [{ difficulties: "not-a-difficulty" }, "difficulties", "Choose at least one difficulty"],
    ];
    for (const [change, field, message] of cases) {
      const response = await browser.post("/groups", { ...valid, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.body).toContain(message);
      // In the summary at the top, and next to the field itself.
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toContain(`id="${field}-error"`);
      // What the person typed is still in the field.
      const typed = change[field];
      if (typeof typed === "string" && field !== "difficulties" && field !== "writtenIn") {
        expect(shownValue(response.body, field), field).toBe(
          typed.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;"),
        );
      }
    }
    expect(await groupCount()).toBe(before);
  });

  it("answers any form with less than 500 and saves a group only when it answers 303", async () => {
    const { browser } = await signedInPerson(t);
    const fields = Object.keys(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...fields),
          fc.oneof(
            fc.string({ maxLength: 120 }),
            fc.constantFrom("", "0", "31", "-1", "2026-13-01", "25:99", "<i>x</i>"),
          ),
          { maxKeys: 5 },
        ),
        async (change) => {
          const before = await groupCount();
          const response = await browser.post("/groups", { ...valid, ...change });
          expect(response.statusCode).toBeLessThan(500);
          expect(await groupCount()).toBe(response.statusCode === 303 ? before + 1 : before);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("a group's page", () => {
  it("shows the next meetings at 10:30 Rome time across the change to summer time", async () => {
    t.clock.set(new Date("2026-03-01T08:00:00Z"));
    const group = await createGroup(t, {
      scheduleKind: "monthly",
      rrule: "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
      startsOn: "2026-03-10",
      startTime: "10:30:00",
    });
    const page = await t.app.inject({ url: `/groups/${group.slug}` });
    expect(page.statusCode).toBe(200);
    // 10 March is before the change (29 March), 14 April after it: both at 10:30.
    expect(page.body).toContain("Tuesday 10 March 2026, 10:30am (CET)");
    expect(page.body).toContain("Tuesday 14 April 2026, 10:30am (CEST)");
    expect(page.body).toContain("second Tuesday");
  });

  it("shows the public page to anyone, never the members, the video link, the phone PIN or an unpublished address", async () => {
    const group = await createGroup(t, {
      format: "hybrid",
      videoUrl: "https://video.example/SECRET-ROOM",
      phoneNumber: "+39 0461 999999",
      phonePin: "4321",
      streetAddress: "Via Segreta 7",
      publishAddress: false,
    });
    const member = await signedInPerson(t, { displayName: "Zenobia" });
    await t.database.db
      .insert(memberships)
      .values({ groupId: group.id, personId: member.person.id, state: "active" });
    const { browser: stranger } = await signedInPerson(t);
    for (const response of [
      await t.app.inject({ url: `/groups/${group.slug}` }),
      await stranger.get(`/groups/${group.slug}`),
    ]) {
      expect(response.statusCode).toBe(200);
      for (const secret of [
        "SECRET-ROOM",
        "999999",
        "4321",
        "Via Segreta",
        "Zenobia",
        member.person.email,
      ]) {
        expect(response.body).not.toContain(secret);
      }
      expect(response.body).toContain("Trento");
      // The language is named in the reader's words, so it is not marked as Italian text.
      expect(response.body).toMatch(/<h2>Languages<\/h2><p>Italian<\/p>/);
      // What the group wrote, in the one language it meets in, is marked as Italian.
      expect(response.body).toContain(`<h1 lang="it">${group.name}</h1>`);
      expect(response.body).toContain(`<p lang="it">${group.description}</p>`);
    }
    // A reader of Italian needs no mark; nor do the words of a group that meets in two languages.
    const italian = await t.app.inject({
      url: `/groups/${group.slug}`,
      headers: { "accept-language": "it" },
    });
    expect(italian.body).toContain(`<h1>${group.name}</h1>`);
    const both = await createGroup(t, { languages: ["it", "en"] });
    expect((await t.app.inject({ url: `/groups/${both.slug}` })).body).toContain(
      `<h1>${both.name}</h1>`,
    );
    const api = await member.browser.json("GET", `/api/v1/groups/${group.slug}`);
    expect(api.statusCode).toBe(200);
    for (const secret of [
      "SECRET-ROOM",
      "999999",
      "4321",
      "Via Segreta",
      "Zenobia",
      member.person.email,
      "46.0679",
    ]) {
      expect(api.body).not.toContain(secret);
    }
    expect(api.json()).toMatchObject({
      slug: group.slug,
      town: "Trento",
      address: null,
      abilities: { "group.leave": true },
    });
    const own = await member.browser.get(`/groups/${group.slug}`);
    expect(own.body).toContain("SECRET-ROOM");
    expect(own.body).toContain("4321");
    expect(own.body).toContain("Via Segreta 7");
  });

  it("gives the next meetings through the API as they stand: moved, or cancelled", async () => {
    t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
    const group = await createGroup(t, { startsOn: "2026-03-03" });
    const stored = (await getGroupBySlug(t.database.db, group.slug))!;
    await planMeetings(t.database.db, stored, t.clock.now());
    const planned = await listUpcomingMeetings(t.database.db, group.id, group.id, {
      now: t.clock.now(),
      to: new Date("2026-04-01T00:00:00Z"),
    });
    const on = (date: string) => planned.find((m) => m.occurrenceKey === date)!;
    await cancelMeeting(
      t.database.db,
      { groupId: group.id, meetingId: on("2026-03-17").id, reason: "Easter." },
      t.clock.now(),
    );
    await moveMeeting(
      t.database.db,
      {
        group: stored,
        meetingId: on("2026-03-24").id,
        date: "2026-03-26",
        startTime: "15:00",
        reason: "The hall is closed.",
      },
      t.clock.now(),
    );
    const api = await t.app.inject(`/api/v1/groups/${group.slug}`);
    expect(api.statusCode).toBe(200);
    const next = api.json().nextMeetings as {
      localDate: string;
      localTime: string;
      cancelled: boolean;
    }[];
    expect(next.map((m) => [m.localDate, m.localTime, m.cancelled])).toEqual([
      ["2026-03-10", "10:30", false],
      ["2026-03-17", "10:30", true],
      ["2026-03-26", "15:00", false],
      ["2026-03-31", "10:30", false],
    ]);
  });

  it("answers 404 for a closed group and for a group that does not exist, alike", async () => {
    const closed = await createGroup(t, { status: "closed" });
    const a = await t.app.inject({ url: `/groups/${closed.slug}` });
    const b = await t.app.inject({ url: "/groups/no-such-group" });
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
  });
});

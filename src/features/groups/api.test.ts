import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createOrganisation, signedInPerson } from "../../test/factories.js";
import { memberships } from "../memberships/tables.js";
import { groups } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The form's fields as JSON: the same schema, so the same text (lists as arrays). */
const valid = {
  name: "Gruppo del martedì",
  description: "Ci incontriamo per parlare di come assistere chi amiamo.",
  firstMeeting: "",
  difficulties: ["dementia-care"],
  audience: "carers",
  languages: ["it"],
  format: "online",
  videoUrl: "https://video.example/room",
  scheduleKind: "weekly",
  weekday: "2",
  startsOn: "2026-04-07",
  startTime: "10:30",
  duration: "90",
  capacity: "12",
  joiningPolicy: "open",
  visibility: "listed",
};

async function groupCount() {
  return (await t.database.db.select().from(groups)).length;
}

describe("starting a group through the JSON API", () => {
  it("starts it (201) with the founder as its facilitator, and says where its page is", async () => {
    const { person, browser } = await signedInPerson(t);
    const response = await browser.json("POST", "/api/v1/groups", valid);
    expect(response.statusCode).toBe(201);
    const { slug, url } = response.json();
    expect(url).toBe(new URL(`/groups/${slug}`, t.app.deps.config.publicUrl).toString());
    const [group] = await t.database.db.select().from(groups).where(eq(groups.slug, slug));
    const [founder] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.groupId, group!.id));
    expect(founder).toMatchObject({ personId: person.id, role: "facilitator", state: "active" });
  });

  it("refuses what the form refuses, by its field or its reason, and saves nothing", async () => {
    const { browser } = await signedInPerson(t);
    const other = await createOrganisation(t, "Altra associazione");
    const before = await groupCount();
    const empty = await browser.json("POST", "/api/v1/groups", {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty("name");
    const cases: [Record<string, unknown>, number, string][] = [
      [{ difficulties: ["not-a-difficulty"] }, 422, "unknown_difficulty"],
      [
        {
          format: "in_person",
          venueName: "Sala",
          streetAddress: "Via Roma 1",
          town: "Nowhereville Upon Nothing",
        },
        422,
        "unknown_town",
      ],
      [{ organisationId: other.id }, 422, "not_your_organisation"],
    ];
    for (const [change, status, code] of cases) {
      const response = await browser.json("POST", "/api/v1/groups", { ...valid, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(await groupCount()).toBe(before);
  });

  it("answers 401 to someone not signed in, whatever they send", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/groups",
      payload: "not json at all",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers any JSON body with less than 500 and saves a group only when it answers 201", async () => {
    const { browser } = await signedInPerson(t);
    const fields = Object.keys(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...fields, "organisationId", "writtenIn"),
          fc.oneof(
            fc.string({ maxLength: 60 }),
            fc.constantFrom("", "0", "31", "2026-13-01", null, 12, true, [], ["it", "xx"], {}),
          ),
          { maxKeys: 4 },
        ),
        async (change) => {
          const before = await groupCount();
          const response = await browser.json("POST", "/api/v1/groups", { ...valid, ...change });
          expect(response.statusCode).toBeLessThan(500);
          expect(await groupCount()).toBe(response.statusCode === 201 ? before + 1 : before);
        },
      ),
      { numRuns: 60 },
    );
  });
});

import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { signedInPerson } from "../../test/factories.js";
import { people } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const fieldNames = [
  "email",
  "code",
  "displayName",
  "language",
  "textSize",
  "contrast",
  "token",
  "back",
  "name",
  "isAdmin",
];
const nasty = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "<script>",
    "'; drop table people;--",
    "%00",
    "../../etc",
    "😀".repeat(50),
    "1e309",
  ),
);
const form = fc.dictionary(fc.constantFrom(...fieldNames), nasty, { maxKeys: 6 });
const formRoutes = [
  "/sign-in",
  "/sign-in/code",
  "/sign-in/link",
  "/welcome",
  "/account/profile",
  "/language",
  "/setup?token=x",
];

describe("no input gives a server error", () => {
  it("answers any form body on any form route with less than 500, signed in or not", async () => {
    const anonymous = new TestBrowser(t.app, { ip: "192.0.2.50" });
    const { browser: member } = await signedInPerson(t);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...formRoutes),
        form,
        fc.boolean(),
        async (route, body, signedIn) => {
          const response = await (signedIn ? member : anonymous).post(route, body);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers any JSON body to the API with less than 500, and changes the person only when it answers 200", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Ada" });
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const [before] = await t.database.db.select().from(people).where(eq(people.id, person.id));
        const response = await browser.json("PATCH", "/api/v1/me", body);
        expect(response.statusCode).toBeLessThan(500);
        const [after] = await t.database.db.select().from(people).where(eq(people.id, person.id));
        if (response.statusCode !== 200) {
          expect(response.json().error.code).toBeTypeOf("string");
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps nothing half-saved: a profile with one bad field saves none of the good ones", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Ada" });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("language", "textSize", "contrast"),
        nasty,
        async (field, value) => {
          fc.pre(!["en", "it", "standard", "large", "largest", "high"].includes(value));
          const good = {
            displayName: "Bianca",
            language: "it",
            textSize: "large",
            contrast: "high",
          };
          const response = await browser.post("/account/profile", { ...good, [field]: value });
          expect(response.statusCode).toBe(400);
          const [after] = await t.database.db.select().from(people).where(eq(people.id, person.id));
          expect(after?.displayName).toBe("Ada");
        },
      ),
      { numRuns: 100 },
    );
  });
});

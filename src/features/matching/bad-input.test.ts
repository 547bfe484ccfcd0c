import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup } from "../../test/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await createGroup(t, { slug: "trento-carers" });
  await createGroup(t, {
    slug: "online-carers",
    format: "online",
    town: null,
    publicLatitude: null,
    publicLongitude: null,
    weekday: null,
    startTime: null,
    scheduleKind: "one_off",
    rrule: null,
  });
});
afterAll(async () => {
  await t.close();
});

const pages = [
  "/find",
  "/find/difficulty",
  "/find/who",
  "/find/where",
  "/find/when",
  "/find/language",
  "/find/summary",
  "/find/results",
  "/find/help",
  "/find/help/sent",
];

const fieldNames = [
  "difficulty",
  "who",
  "how",
  "place",
  "radius",
  "day",
  "time",
  "when",
  "language",
  "sent",
  "change",
  "__proto__",
  "constructor",
  "day[]",
  "",
];

const nasty = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "1",
    "\u0000",
    "\ud800",
    "any",
    "dementia-care",
    "retirement-change",
    "me",
    "carer",
    "both",
    "in_person",
    "online",
    "telephone",
    "Trento",
    "Bolzano/Bozen",
    "Nowhereville",
    "5",
    "20",
    "25",
    "100",
    "-1",
    "1e309",
    "2",
    "7",
    "morning",
    "night",
    "it",
    "en",
    "zz",
    "<script>alert(1)</script>",
    "'; drop table groups;--",
    "% _ \\",
    "😀".repeat(30),
    "x".repeat(5000),
  ),
);

/** Like encodeURIComponent, but a lone surrogate becomes the bytes a careless client would send. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ""))}%ED%A0%80`;
  }
};

const value = fc.oneof(nasty, fc.array(nasty, { maxLength: 4 }));
const pairs = fc.array(fc.tuple(fc.constantFrom(...fieldNames), value), { maxLength: 10 });
const structured = pairs.map((list) =>
  list
    .flatMap(([key, v]) => (Array.isArray(v) ? v : [v]).map((one) => [key, one] as const))
    .map(([key, one]) => `${encode(key)}=${encode(one)}`)
    .join("&"),
);
// Raw query text, malformed escapes and all.
const raw = fc.string({
  unit: fc.constantFrom(..."%&=[]+;#?/.,aqpE0Z9 ".split("")),
  maxLength: 60,
});
const query = fc.oneof(structured, raw);

describe("no address gives a server error", () => {
  it("answers any query string on every /find page with less than 500, and an HTML page", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), query, async (page, text) => {
        const response = await t.app.inject({ url: `${page}?${text}` });
        expect(response.statusCode, `${page}?${text}`).toBeLessThan(500);
        if (response.statusCode !== 303) {
          expect(response.headers["content-type"]).toMatch(/^text\/html/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("answers any query string on a question sent back with less than 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages.slice(1, 6)), structured, async (page, text) => {
        const response = await t.app.inject({ url: `${page}?sent=1&${text}` });
        expect(response.statusCode, `${page}?sent=1&${text}`).toBeLessThan(500);
        // A redirect always leads to another /find page, never away.
        if (response.statusCode === 303) {
          expect(response.headers.location).toMatch(/^\/find\//);
        }
      }),
      { numRuns: 250 },
    );
  });

  it("answers any help form with less than 500", async () => {
    const browser = new TestBrowser(t.app);
    await browser.get("/find/help");
    const helpFields = ["name", "reach", "email", "phone", "message", ...fieldNames];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...helpFields), nasty), { maxLength: 10 }),
        async (list) => {
          const form = Object.fromEntries(
            list.map(([key, v]) => [key, v.replace(/[\ud800-\udfff]/g, "")]),
          );
          const response = await browser.post("/find/help", form);
          expect(response.statusCode, JSON.stringify(form)).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  });
});
afterAll(async () => {
  await t.close();
});

const fieldNames = [
  "difficulty",
  "audience",
  "place",
  "radius",
  "remote",
  "language",
  "day",
  "time",
  "access",
  "free",
  "q",
  "page",
  "__proto__",
  "constructor",
  "difficulty[]",
  "",
];
const nasty = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "Trento",
    "Bolzano/Bozen",
    "dementia-care",
    "25",
    "-1",
    "1e309",
    "999999999999",
    "true",
    "<script>alert(1)</script>",
    "'; drop table groups;--",
    "% _ \\",
    "!(&|:*",
    '"unterminated',
    "-",
    "or",
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
const structured = fc
  .array(fc.tuple(fc.constantFrom(...fieldNames), value), { maxLength: 8 })
  .map((pairs) =>
    pairs
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

describe("no query string gives a server error", () => {
  it("answers any query on /groups with less than 500, and an HTML page", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (text) => {
        const response = await t.app.inject({ url: `/groups?${text}` });
        expect(response.statusCode, text).toBeLessThan(500);
        if (response.statusCode === 200 || response.statusCode === 400) {
          expect(response.headers["content-type"]).toMatch(/^text\/html/);
        }
      }),
      { numRuns: 250 },
    );
  });

  it("answers any query on /api/v1/groups with less than 500, and a JSON problem when refused", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (text) => {
        const response = await t.app.inject({ url: `/api/v1/groups?${text}` });
        expect(response.statusCode, text).toBeLessThan(500);
        const body = response.json();
        if (response.statusCode === 200) expect(Array.isArray(body.results)).toBe(true);
        else expect(body.error.code, text).toBeTypeOf("string");
      }),
      { numRuns: 250 },
    );
  });
});

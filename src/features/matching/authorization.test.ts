import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { jsonTwinOf, twinExpect } from "../../test/doors.js";
import { createGroup, signedInPerson } from "../../test/factories.js";
import { servedRoutes } from "../../test/routes.js";

/**
 * Finding a group is for everyone, signed in or not: no route here asks anyone to sign in, and
 * asking for help is never refused.
 */
const answers =
  "difficulty=dementia-care&who=carer&how=in_person&place=Trento&radius=25&day=2&time=morning&language=it";
const rows: {
  method: "GET" | "POST";
  url: string;
  status: number;
  body?: Record<string, string>;
}[] = [
  { method: "GET", url: "/find", status: 200 },
  { method: "GET", url: "/find/difficulty", status: 200 },
  { method: "GET", url: `/find/who?${answers}`, status: 200 },
  { method: "GET", url: `/find/where?${answers}`, status: 200 },
  { method: "GET", url: `/find/when?${answers}`, status: 200 },
  { method: "GET", url: `/find/language?${answers}`, status: 200 },
  { method: "GET", url: `/find/summary?${answers}`, status: 200 },
  { method: "GET", url: `/find/results?${answers}`, status: 200 },
  { method: "GET", url: `/find/help?${answers}`, status: 200 },
  {
    method: "POST",
    url: "/find/help",
    status: 303,
    body: { name: "Ada", reach: "phone", phone: "0461 123456" },
  },
  { method: "GET", url: "/find/help/sent", status: 200 },
];

let t: TestApp;
const browsers: Record<string, TestBrowser> = {};
beforeAll(async () => {
  t = await buildTestApp();
  await createGroup(t);
  browsers.anonymous = new TestBrowser(t.app);
  browsers.member = (await signedInPerson(t)).browser;
});
afterAll(async () => {
  await t.close();
});

describe("who may use each /find route", () => {
  for (const row of rows) {
    for (const role of ["anonymous", "member"]) {
      it(`${row.method} ${row.url.split("?")[0]} answers ${row.status} to ${role}`, async () => {
        const browser = browsers[role]!;
        const response =
          row.method === "GET" ? await browser.get(row.url) : await browser.post(row.url, row.body);
        expect(response.statusCode).toBe(row.status);
      });
    }
  }

  // The same rows through each form's JSON twin: the same rules, answered as the API answers.
  for (const row of rows) {
    const twin = jsonTwinOf(row.method, row.url.split("?")[0]!);
    if (!twin) continue;
    const status = twinExpect(row.status, twin.status);
    for (const role of ["anonymous", "member"]) {
      it(`${twin.method} ${twin.url}, the twin of ${row.url}, answers ${status} to ${role}`, async () => {
        const browser = browsers[role]!;
        const response = await browser.json(twin.method as "POST", twin.url, row.body ?? {});
        expect(response.statusCode).toBe(status);
      });
    }
  }

  it("has a row for every /find route the app serves, and for each form's JSON twin", () => {
    const served = servedRoutes(t.app)
      .filter((route) => /^\/(api\/v1\/)?find(\/|$)/.test(route.url))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    const covered = rows.flatMap((row) => {
      const url = row.url.split("?")[0]!;
      const twin = jsonTwinOf(row.method, url);
      return [`${row.method} ${url}`, ...(twin ? [`${twin.method} ${twin.url}`] : [])];
    });
    expect(served).toEqual(covered.sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const HELP = "help@mutua.example";

describe("asking for help through the JSON API", () => {
  it("takes a request from anyone, with the answers given so far, once for its id", async () => {
    const anyone = new TestBrowser(t.app);
    const request = "6f1c1f3e-2b7a-4c1e-9a3d-1f2e3d4c5b6a";
    const body = {
      name: "Ada",
      reach: "email",
      email: "ada@example.org",
      message: "Vorrei un gruppo vicino a casa.",
      request,
      difficulty: "dementia-care",
      who: "carer",
      how: "online",
      day: ["2", "4"],
      language: "it",
    };
    const sent = await anyone.json("POST", "/api/v1/find/help", body);
    expect([sent.statusCode, sent.json()]).toEqual([201, { id: request }]);
    expect((await anyone.json("POST", "/api/v1/find/help", body)).statusCode).toBe(201);
    await t.runJobs();
    const mails = t.mail.messages.filter((m) => m.to.includes(HELP));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("ada@example.org");
  });

  it("says what to put right (400), and answers any body with less than 500", async () => {
    const anyone = new TestBrowser(t.app);
    const empty = await anyone.json("POST", "/api/v1/find/help", {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(
      expect.arrayContaining(["name", "reach"]),
    );
    for (const body of [null, [], "text", 12, { name: 1 }, { name: "Ada", day: {} }]) {
      const response = await anyone.json("POST", "/api/v1/find/help", body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
  });
});

describe("asking for help through the JSON API where nobody reads the messages", () => {
  it("answers 404 and sends nothing", async () => {
    const alone = await buildTestApp({ env: { HELP_EMAIL: "" } });
    try {
      const response = await new TestBrowser(alone.app).json("POST", "/api/v1/find/help", {
        name: "Ada",
        reach: "phone",
        phone: "0461 123456",
      });
      expect(response.statusCode).toBe(404);
      await alone.runJobs();
      expect(alone.mail.messages).toHaveLength(0);
    } finally {
      await alone.close();
    }
  });
});

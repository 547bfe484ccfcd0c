import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../../test/browser.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { personWithSession } from "../../../test/factories.js";
import { signInSecrets } from "../../../test/smtp.js";
import { countAdministrators } from "../reads.js";
import { people } from "../tables.js";
import { issueSetupToken, makeAdministrator } from "../writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("setting up the first administrator", () => {
  it("uses the one-time link once: makes the address an administrator and e-mails it a sign-in link", async () => {
    const token = await issueSetupToken(t.database.db, t.clock.now());
    const browser = new TestBrowser(t.app);
    const form = await browser.get(`/setup?token=${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Set up the first administrator");

    const bad = await browser.post(`/setup?token=${token}`, { email: "not an address" });
    expect(bad.statusCode).toBe(400);
    expect(await countAdministrators(t.database.db)).toBe(0);

    const done = await browser.post(`/setup?token=${token}`, { email: "Luca@Example.org" });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("luca@example.org");
    const [admin] = await t.database.db
      .select()
      .from(people)
      .where(eq(people.email, "luca@example.org"));
    expect(admin?.isAdmin).toBe(true);
    const { code } = signInSecrets(await t.mail.lastTo("luca@example.org"));
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(303);
    expect((await browser.get("/account")).headers.location).toBe("/welcome");
    await browser.post("/welcome", { displayName: "Luca" });
    const account = await browser.get("/account");
    expect(account.body).toContain("add a passkey and sign in with it");

    const again = await new TestBrowser(t.app).get(`/setup?token=${token}`);
    expect(again.statusCode).toBe(404);
    const reuse = await new TestBrowser(t.app).post(`/setup?token=${token}`, {
      email: "intruder@example.org",
    });
    expect(reuse.statusCode).toBe(404);
    expect(await countAdministrators(t.database.db)).toBe(1);
  });

  it("ends the sessions someone had as a member when they are made an administrator", async () => {
    const member = await personWithSession(t, { displayName: "Piero" });
    expect((await member.browser.get("/account")).statusCode).toBe(200);
    await makeAdministrator(t.database.db, member.person.email, t.clock.now());
    // A member's session lasts weeks; an administrator signs in again, with its shorter limits.
    expect((await member.browser.get("/account")).statusCode).toBe(303);
  });

  it("expires after 24 hours, and an older link stops working when a new one is made", async () => {
    const older = await issueSetupToken(t.database.db, t.clock.now());
    const newer = await issueSetupToken(t.database.db, t.clock.now());
    expect((await new TestBrowser(t.app).get(`/setup?token=${older}`)).statusCode).toBe(404);
    t.clock.advance(24 * 3_600_000 + 1000);
    expect((await new TestBrowser(t.app).get(`/setup?token=${newer}`)).statusCode).toBe(404);
  });
});

describe("setting up while the mail server is away", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await buildTestApp();
  });
  afterAll(async () => {
    await own.close();
  });

  it("keeps nothing when the address is refused, so a mistyped one can be put right", async () => {
    const token = await issueSetupToken(own.database.db, own.clock.now());
    const browser = new TestBrowser(own.app);
    own.mail.refused.add("grcae@example.org");
    try {
      const failed = await browser.post(`/setup?token=${token}`, { email: "grcae@example.org" });
      expect(failed.statusCode).toBe(400);
      expect(failed.body).toContain("We could not send an e-mail to this address");
    } finally {
      own.mail.refused.clear();
    }
    const [kept] = await own.database.db
      .select()
      .from(people)
      .where(eq(people.email, "grcae@example.org"));
    expect(kept).toBeUndefined();
    expect((await browser.get(`/setup?token=${token}`)).statusCode).toBe(200);
  });

  it("keeps nothing when the sign-in e-mail cannot go, so the same link works once mail is back", async () => {
    const token = await issueSetupToken(own.database.db, own.clock.now());
    const browser = new TestBrowser(own.app);
    own.mail.away = true;
    try {
      const failed = await browser.post(`/setup?token=${token}`, { email: "grace@example.org" });
      expect(failed.statusCode).toBe(503);
      expect(failed.body).toContain("We could not send the e-mail just now");
      expect(failed.body).toContain('value="grace@example.org"');
    } finally {
      own.mail.away = false;
    }
    // No administrator without a way in: the address may not even be theirs to read.
    expect(await countAdministrators(own.database.db)).toBe(0);
    expect((await browser.get(`/setup?token=${token}`)).statusCode).toBe(200);

    const done = await browser.post(`/setup?token=${token}`, { email: "grace@example.org" });
    expect(done.statusCode).toBe(200);
    expect(await countAdministrators(own.database.db)).toBe(1);
    const { code } = signInSecrets(await own.mail.lastTo("grace@example.org"));
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(303);
  });
});

describe("the language switch for visitors", () => {
  it("turns the pages Italian and back, remembering the choice", async () => {
    const browser = new TestBrowser(t.app, { acceptLanguage: "en-GB" });
    expect((await browser.get("/")).body).toContain('<html lang="en"');
    const switched = await browser.get("/language/it?back=%2Furgent-help");
    expect(switched.headers.location).toBe("/urgent-help");
    const page = await browser.get("/urgent-help");
    expect(page.body).toContain('<html lang="it"');
    expect(page.body).toContain("Hai bisogno di aiuto urgente?");
    const unsafe = await browser.get("/language/en?back=https%3A%2F%2Fevil.example%2F");
    expect(unsafe.headers.location).toBe("/");
    expect((await browser.get("/language/fr")).statusCode).toBe(404);
  });
});

describe("the development outbox", () => {
  it("is only for someone at this computer", async () => {
    expect((await new TestBrowser(t.app).get("/dev/outbox")).statusCode).toBe(200);
    expect(
      (await new TestBrowser(t.app, { ip: "203.0.113.9" }).get("/dev/outbox")).statusCode,
    ).toBe(404);
    // Someone from elsewhere, through a proxy on this computer that the app does not trust.
    const local = new TestBrowser(t.app);
    for (const header of [
      { "x-forwarded-for": "203.0.113.9" } as Record<string, string>,
      { forwarded: "for=203.0.113.9;proto=https" },
    ]) {
      expect((await local.get("/dev/outbox", header)).statusCode).toBe(404);
    }
  });
});

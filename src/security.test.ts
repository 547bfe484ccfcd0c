import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { people } from "./features/accounts/tables.js";
import { connectDatabase } from "./infra/db/database.js";
import { TestBrowser } from "./test/browser.js";
import { buildTestApp, type TestApp } from "./test/build-app.js";
import { signedInPerson, uniqueEmail } from "./test/factories.js";
import { signInSecrets } from "./test/smtp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("CSRF protection", () => {
  const change = {
    displayName: "Changed",
    language: "en",
    textSize: "large",
    contrast: "standard",
  };

  it("refuses a form without its token with 403, and changes nothing", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Kept" });
    const response = await browser.post("/account/profile", change, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("This form has expired");
    const forged = await browser.post(
      "/account/profile",
      { ...change, _csrf: "x".repeat(43) },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(people).where(eq(people.id, person.id));
    expect(row?.displayName).toBe("Kept");
  });

  it("refuses a form sent from another site even with a valid token", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Kept" });
    const fromElsewhere = await browser.post("/account/profile", change, {
      headers: { origin: "https://evil.example" },
    });
    expect(fromElsewhere.statusCode).toBe(403);
    const crossSite = await browser.post("/account/profile", change, {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(people).where(eq(people.id, person.id));
    expect(row?.displayName).toBe("Kept");
    const sameSite = await browser.post("/account/profile", change, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(sameSite.statusCode).toBe(303);
  });

  it("refuses a JSON API change sent as a form, which another site could forge", async () => {
    const { browser } = await signedInPerson(t);
    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `__Host-mutua_session=${browser.cookies.get("__Host-mutua_session")}`,
      },
      payload: "textSize=large",
    });
    expect(patched.statusCode).toBe(415);
    expect(patched.json().error.code).toBe("unsupported_media_type");
  });
});

describe("security headers", () => {
  it("sends a strict CSP with a fresh nonce that the page's scripts carry", async () => {
    const first = await t.app.inject({ url: "/sign-in" });
    const second = await t.app.inject({ url: "/sign-in" });
    const csp = String(first.headers["content-security-policy"]);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body).toContain(`nonce="${nonce}"`);
    expect(second.headers["content-security-policy"]).not.toBe(csp);
    expect(first.headers["x-content-type-options"]).toBe("nosniff");
    expect(first.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("marks signed-in pages no-store so a shared computer keeps no copy", async () => {
    const { browser } = await signedInPerson(t);
    for (const path of ["/", "/account", "/account/profile", "/api/v1/me"]) {
      expect((await browser.get(path)).headers["cache-control"]).toBe("no-store");
    }
  });

  it("escapes what a person typed when the form comes back", async () => {
    const response = await new TestBrowser(t.app).post("/sign-in", {
      email: '"><script>alert(1)</script>',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain("<script>alert(1)</script>");
    expect(response.body).toContain("&quot;>&lt;script>alert(1)&lt;/script>");
  });
});

describe("pages in plain words", () => {
  it("answers an unknown page with a 404 page, and an unknown API path with a JSON problem", async () => {
    const page = await t.app.inject({ url: "/no-such-page" });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain("Page not found");
    const api = await t.app.inject({ url: "/api/v1/no-such-thing" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({
      error: { code: "not_found", message: "There is nothing at this address." },
    });
  });

  it("answers malformed and oversized bodies with 4xx, never 5xx", async () => {
    const { browser } = await signedInPerson(t);
    const badJson = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: {
        "content-type": "application/json",
        cookie: `__Host-mutua_session=${browser.cookies.get("__Host-mutua_session")}`,
      },
      payload: "{not json",
    });
    expect(badJson.statusCode).toBe(400);
    const huge = await new TestBrowser(t.app).post("/sign-in", { email: "a".repeat(70_000) });
    expect(huge.statusCode).toBe(413);
  });
});

describe("while the database is down", () => {
  it("still serves the urgent-help page, says the app is not ready, and shows a plain 500 page elsewhere", async () => {
    const { browser } = await signedInPerson(t);
    const dead = connectDatabase("postgres://nobody:nothing@127.0.0.1:9/none", { max: 1 });
    const logs: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const down = await buildApp(
      { ...t.app.deps, db: dead.db, databaseReady: async () => false },
      { logStream },
    );
    const cookie = `__Host-mutua_session=${browser.cookies.get("__Host-mutua_session")}`;
    const urgent = await down.inject({ url: "/urgent-help", headers: { cookie } });
    expect(urgent.statusCode).toBe(200);
    expect(urgent.body).toContain("call 112");
    expect((await down.inject({ url: "/readyz" })).statusCode).toBe(503);
    expect((await down.inject({ url: "/healthz" })).statusCode).toBe(200);
    const account = await down.inject({ url: "/account", headers: { cookie } });
    expect(account.statusCode).toBe(500);
    expect(account.body).toContain("Sorry, something went wrong on our side");
    expect(account.body).not.toMatch(/ECONNREFUSED|stack|at .*\.js/);
    // The failure is logged, but not the query's parameters (which can be personal data).
    expect(logs.join("")).toContain("request failed");
    expect(logs.join("")).not.toContain("params:");
    await down.close();
    await dead.close();
  });
});

describe("logs", () => {
  it("never contain e-mail addresses, codes, link tokens or session secrets", async () => {
    const email = uniqueEmail("canary");
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email });
    const { code, link } = signInSecrets(await t.mail.lastTo(email));
    await browser.get(link.replace("http://localhost:3000", ""));
    await browser.post("/sign-in/code", { code });
    const secret = browser.cookies.get("__Host-mutua_session");
    const logs = t.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(email);
    expect(logs).not.toContain(new URL(link).searchParams.get("token")!);
    expect(logs).not.toMatch(new RegExp(`"[^"]*${code}[^"]*"`));
    if (secret) expect(logs).not.toContain(secret);
  });

  it("never contain the token of a link in an e-mail's path (unsubscribe, invitation, alert)", async () => {
    const token = "Zq9".repeat(15);
    for (const path of [`/unsubscribe/${token}`, `/invitations/${token}`, `/alerts/${token}`]) {
      await t.app.inject({ url: path });
    }
    const logs = t.logs.join("\n");
    expect(logs).toContain("/unsubscribe/:token");
    expect(logs).not.toContain(token);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../../test/browser.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { createPerson, uniqueEmail } from "../../../test/factories.js";
import { signInSecrets } from "../../../test/smtp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("signing in with an e-mailed code", () => {
  it("signs a known person in with the 6-digit code, even pasted with a space", async () => {
    const person = await createPerson(t, { displayName: "Grace" });
    const browser = new TestBrowser(t.app);
    const asked = await browser.post("/sign-in", { email: `  ${person.email.toUpperCase()} ` });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe("/sign-in/check-email");
    const mail = await t.mail.lastTo(person.email);
    const { code } = signInSecrets(mail);
    expect(mail.subject).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
    const page = await browser.get("/sign-in/check-email");
    expect(page.body).toContain(person.email);
    const done = await browser.post("/sign-in/code", {
      code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/account");
    const account = await browser.get("/account");
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain("Grace");
    expect(account.headers["cache-control"]).toBe("no-store");
  });

  it("sets the session in a __Host- cookie that is Secure, HttpOnly and SameSite=Lax", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    const done = await browser.post("/sign-in/code", { code });
    const header = ([] as string[])
      .concat(done.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("__Host-mutua_session="));
    expect(header).toBeDefined();
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/Domain=/);
  });

  it("accepts a code only once", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(303);
    await browser.post("/sign-out");
    const again = await browser.post("/sign-in/code", { code });
    expect(again.statusCode).toBe(400);
    expect((await browser.get("/account")).statusCode).toBe(303);
  });

  it("refuses a code after 15 minutes", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    t.clock.advance(15 * 60 * 1000 + 1000);
    const late = await browser.post("/sign-in/code", { code });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain("That code is not right, or it has expired");
  });

  it("ends the request after five wrong codes, so the code cannot be guessed", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const attempt = await browser.post("/sign-in/code", { code: wrong });
      expect(attempt.statusCode).toBe(400);
      expect(attempt.body).toContain('aria-invalid="true"');
    }
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(400);
  });

  it("looks at no more than five codes, even sent all at once", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => browser.post("/sign-in/code", { code: wrong })),
    );
    expect(answers.every((a) => a.statusCode === 400)).toBe(true);
    const { rows } = await t.database.pool.query(
      "select failed_code_attempts as tries from sign_in_requests where email = $1",
      [person.email],
    );
    expect(rows).toEqual([{ tries: 5 }]);
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(400);
  });

  it("does not accept the code in another browser", async () => {
    const person = await createPerson(t);
    const asking = new TestBrowser(t.app);
    await asking.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    const other = new TestBrowser(t.app);
    const attempt = await other.post("/sign-in/code", { code });
    expect(attempt.statusCode).toBe(400);
    expect((await other.get("/account")).statusCode).toBe(303);
  });

  it("keeps the typed address and explains a bad one next to the field, sending nothing", async () => {
    const browser = new TestBrowser(t.app);
    t.mail.clear();
    const response = await browser.post("/sign-in", { email: "ada at example" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="ada at example"');
    expect(response.body).toContain("Enter an e-mail address like ada@example.org");
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain("<title>Error: Sign in or create an account – Mutua</title>");
    expect(t.mail.messages).toHaveLength(0);
  });

  it("says by the field when the mail server refuses the address, setting no sign-in cookie", async () => {
    const browser = new TestBrowser(t.app);
    const email = uniqueEmail("mistyped");
    t.mail.refused.add(email);
    try {
      const response = await browser.post("/sign-in", { email });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("We could not send an e-mail to this address");
      expect(response.body).toContain('id="email-error"');
      expect(response.body).toContain(`value="${email}"`);
      expect(browser.cookies.get("__Host-mutua_signin")).toBeUndefined();
    } finally {
      t.mail.refused.clear();
    }
  });

  it("says by the field when the mail server cannot take mail just now, so the person can try again", async () => {
    // From an IP of its own, so its many tries leave the other tests' count per IP alone.
    const browser = new TestBrowser(t.app, { ip: "192.0.2.77" });
    const email = uniqueEmail("patient");
    t.mail.away = true;
    try {
      const response = await browser.post("/sign-in", { email });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain("We could not send the e-mail just now");
      expect(response.body).toContain('id="email-error"');
      expect(response.body).toContain(`value="${email}"`);
      expect(browser.cookies.get("__Host-mutua_signin")).toBeUndefined();
    } finally {
      t.mail.away = false;
    }
    // A server that refuses everything from this instance is not a mistyped address either.
    t.mail.refusesSender = true;
    try {
      const response = await browser.post("/sign-in", { email });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain("We could not send the e-mail just now");
      expect(t.logs.join("")).toContain("The mail server refuses messages: check SMTP_URL");
      expect(t.logs.join("")).not.toContain(email);
    } finally {
      t.mail.refusesSender = false;
    }
    // Tries while the mail server was away do not count against the address's five in half an
    // hour: once it is back, asking again works, five times.
    t.mail.away = true;
    try {
      for (let i = 0; i < 6; i++) {
        expect((await browser.post("/sign-in", { email })).statusCode).toBe(503);
      }
    } finally {
      t.mail.away = false;
    }
    for (let i = 0; i < 5; i++) {
      expect((await browser.post("/sign-in", { email })).statusCode).toBe(303);
    }
    expect(signInSecrets(await t.mail.lastTo(email)).code).toMatch(/^\d{6}$/);
  });

  it("treats a sign-in or passkey cookie that is not one of ours as none, never as an error", async () => {
    const browser = new TestBrowser(t.app);
    await browser.get("/sign-in");
    browser.cookies.set("__Host-mutua_signin", `${"a".repeat(36)}.${"b".repeat(43)}`);
    const check = await browser.get("/sign-in/check-email");
    expect(check.statusCode).toBe(302);
    expect(check.headers.location).toBe("/sign-in");
    const code = await browser.post("/sign-in/code", { code: "123456" });
    expect(code.statusCode).toBe(400);
    browser.cookies.set("__Host-mutua_passkey", "-".repeat(36));
    const passkey = await browser.json("POST", "/api/v1/passkey-sign-in", {});
    expect(passkey.statusCode).toBeGreaterThanOrEqual(400);
    expect(passkey.statusCode).toBeLessThan(500);
  });

  it("greets a new address with a sign-up message and asks for a name after the code", async () => {
    const email = uniqueEmail("newcomer");
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email });
    const mail = await t.mail.lastTo(email);
    expect(mail.text).toContain("create an account");
    const { code } = signInSecrets(mail);
    const done = await browser.post("/sign-in/code", { code });
    expect(done.headers.location).toBe("/welcome");
    const named = await browser.post("/welcome", { displayName: "Marco" });
    expect(named.statusCode).toBe(303);
    expect((await browser.get("/account")).body).toContain("Marco");
  });

  it("writes the expiry time in full words in the e-mail, in the person's language", async () => {
    t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
    const email = uniqueEmail("italiano");
    const browser = new TestBrowser(t.app, { acceptLanguage: "it-IT,it;q=0.9" });
    await browser.post("/sign-in", { email });
    const mail = await t.mail.lastTo(email);
    // 09:15 UTC on 10 March 2026 is 10:15 in Rome.
    expect(mail.text).toContain("martedì 10 marzo 2026");
    expect(mail.text).toContain("10:15");
    expect(mail.html).toContain('<html lang="it">');
  });
});

describe("coming back after signing in", () => {
  it("returns to the page that asked for a sign-in, once", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    const asked = await browser.get("/account/profile");
    expect(asked.headers.location).toBe("/sign-in");
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    const done = await browser.post("/sign-in/code", { code });
    expect(done.headers.location).toBe("/account/profile");
    expect(browser.cookies.has("__Host-mutua_return")).toBe(false);
  });

  it("never returns to another site", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    browser.cookies.set("__Host-mutua_return", "//evil.example/");
    await browser.post("/sign-in", { email: person.email });
    const { code } = signInSecrets(await t.mail.lastTo(person.email));
    expect((await browser.post("/sign-in/code", { code })).headers.location).toBe("/account");
  });
});

describe("signing in with the e-mailed link", () => {
  it("signs in straight away in the browser that asked", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const { link } = signInSecrets(await t.mail.lastTo(person.email));
    const opened = await browser.get(link.replace("http://localhost:3000", ""));
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe("/account");
  });

  it("shows a confirm page, not a silent sign-in, in another browser", async () => {
    const person = await createPerson(t);
    await new TestBrowser(t.app).post("/sign-in", { email: person.email });
    const { link } = signInSecrets(await t.mail.lastTo(person.email));
    const path = link.replace("http://localhost:3000", "");
    const elsewhere = new TestBrowser(t.app);
    const opened = await elsewhere.get(path);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Sign in on this device?");
    expect(elsewhere.cookies.has("__Host-mutua_session")).toBe(false);
    const token = new URL(link).searchParams.get("token")!;
    const confirmed = await elsewhere.post("/sign-in/link", { token });
    expect(confirmed.statusCode).toBe(303);
    expect((await elsewhere.get("/account")).statusCode).toBe(200);
  });

  it("works once and not after 15 minutes", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const path = signInSecrets(await t.mail.lastTo(person.email)).link.replace(
      "http://localhost:3000",
      "",
    );
    expect((await browser.get(path)).statusCode).toBe(303);
    const again = await new TestBrowser(t.app).get(path);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("This link no longer works");

    const late = new TestBrowser(t.app);
    await late.post("/sign-in", { email: person.email });
    const latePath = signInSecrets(await t.mail.lastTo(person.email)).link.replace(
      "http://localhost:3000",
      "",
    );
    t.clock.advance(15 * 60 * 1000 + 1);
    expect((await late.get(latePath)).statusCode).toBe(400);
  });

  it("keeps the last code working when asking again fails because the mail server is away", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app, { ip: "192.0.2.78" });
    await browser.post("/sign-in", { email: person.email });
    const { code, link } = signInSecrets(await t.mail.lastTo(person.email));
    t.mail.away = true;
    try {
      expect((await browser.post("/sign-in", { email: person.email })).statusCode).toBe(503);
    } finally {
      t.mail.away = false;
    }
    // The first e-mail was only slow: its code still signs in, and its link is still good.
    const path = link.replace("http://localhost:3000", "");
    expect((await new TestBrowser(t.app).get(path)).statusCode).toBe(200);
    expect((await browser.post("/sign-in/code", { code })).statusCode).toBe(303);
    expect((await browser.get("/account")).statusCode).toBe(200);
  });

  it("stops an older link working once a newer one is asked for", async () => {
    const person = await createPerson(t);
    const browser = new TestBrowser(t.app);
    await browser.post("/sign-in", { email: person.email });
    const first = signInSecrets(await t.mail.lastTo(person.email)).link.replace(
      "http://localhost:3000",
      "",
    );
    t.mail.clear();
    await browser.post("/sign-in", { email: person.email });
    await t.mail.lastTo(person.email);
    expect((await browser.get(first)).statusCode).toBe(400);
  });
});

describe("the same answer for every address", () => {
  it("answers an unknown address exactly as a known one", async () => {
    const known = await createPerson(t);
    const unknown = uniqueEmail("nobody");
    const normalise = (body: string, email: string) =>
      body
        .replaceAll(email, "EMAIL")
        .replace(/name="_csrf" value="[^"]+"/g, "")
        .replace(/nonce="[^"]+"/g, "");
    const answers = [];
    for (const email of [known.email, unknown]) {
      const browser = new TestBrowser(t.app);
      const asked = await browser.post("/sign-in", { email });
      const page = await browser.get("/sign-in/check-email");
      answers.push({
        status: asked.statusCode,
        location: asked.headers.location,
        cookies: [...browser.cookies.keys()].sort(),
        pageStatus: page.statusCode,
        page: normalise(page.body, email),
      });
    }
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe("rate limits", () => {
  it("allows 5 requests for one address in 30 minutes, refuses the 6th with Retry-After, and not another address", async () => {
    const email = uniqueEmail("limited");
    const browser = new TestBrowser(t.app, { ip: "192.0.2.10" });
    for (let i = 0; i < 5; i++)
      expect((await browser.post("/sign-in", { email })).statusCode).toBe(303);
    const refused = await browser.post("/sign-in", { email });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(30 * 60);
    expect(refused.body).toContain("Please wait a little");
    expect((await browser.post("/sign-in", { email: uniqueEmail("other") })).statusCode).toBe(303);
    t.clock.advance(30 * 60 * 1000 + 1000);
    expect((await browser.post("/sign-in", { email })).statusCode).toBe(303);
  });

  it("allows 25 requests from one IP in 5 minutes and refuses the 26th; another IP is unaffected", async () => {
    const browser = new TestBrowser(t.app, { ip: "198.51.100.7" });
    for (let i = 0; i < 25; i++) {
      expect((await browser.post("/sign-in", { email: uniqueEmail(`ip${i}`) })).statusCode).toBe(
        303,
      );
    }
    expect((await browser.post("/sign-in", { email: uniqueEmail("ip26") })).statusCode).toBe(429);
    const elsewhere = new TestBrowser(t.app, { ip: "198.51.100.8" });
    expect((await elsewhere.post("/sign-in", { email: uniqueEmail("ip-other") })).statusCode).toBe(
      303,
    );
  });

  it("behind a proxy, counts the address the proxy saw, whatever the browser writes before it", async () => {
    const proxied = await buildTestApp({ env: { TRUST_PROXY: "true" } });
    try {
      const browser = new TestBrowser(proxied.app, { ip: "127.0.0.1" });
      const through = (n: number) => ({
        headers: { "x-forwarded-for": `192.0.2.${n}, 203.0.113.9` },
      });
      for (let i = 0; i < 25; i++) {
        const sent = await browser.post("/sign-in", { email: uniqueEmail(`fwd${i}`) }, through(i));
        expect(sent.statusCode).toBe(303);
      }
      const refused = await browser.post("/sign-in", { email: uniqueEmail("fwd26") }, through(99));
      expect(refused.statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it("keeps counting across a restart, because the counters live in PostgreSQL", async () => {
    const email = uniqueEmail("restart");
    const browser = new TestBrowser(t.app, { ip: "203.0.113.5" });
    for (let i = 0; i < 5; i++) await browser.post("/sign-in", { email });
    const { buildApp } = await import("../../../app.js");
    const second = await buildApp({ ...t.app.deps });
    const afterRestart = new TestBrowser(second, { ip: "203.0.113.5" });
    expect((await afterRestart.post("/sign-in", { email })).statusCode).toBe(429);
    await second.close();
  });
});

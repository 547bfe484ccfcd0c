import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_JOB_DAYS, forgetFailedJobs } from "../../infra/jobs/housekeeping.js";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";

const HELP = "help@mutua.example";
const answers =
  "difficulty=loss-of-partner&who=me&how=in_person&place=Trento&radius=10&day=1&time=morning&language=it";

/** The words of a page, tags removed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

const sentTo = (t: TestApp, address: string) =>
  t.mail.messages.filter((m) => m.to.includes(address)).length;

describe("asking for help to find a group", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows a short form that says the answers will be sent too", async () => {
    const response = await t.app.inject({ url: `/find/help?${answers}` });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("<title>Ask us to help you find a group – Mutua</title>");
    expect(html).toContain('<form method="post" action="/find/help" novalidate>');
    expect(html).toContain('<label for="name">Your first name, or a name we can call you</label>');
    expect(html).toContain('name="reach" value="email"');
    expect(html).toContain('name="reach" value="phone"');
    expect(html).toContain('<textarea id="message" name="message"');
    const words = text(html);
    expect(words).toContain("We will also send your answers to the questions:");
    expect(words).toContain("Loss of a partner");
    expect(words).toContain("In person, up to 10 km from Trento");
    expect(words).toContain("Monday, in the morning");
    expect(html).toContain('<input type="hidden" name="difficulty" value="loss-of-partner"/>');
    // Back to the groups found, since every question was answered.
    expect(html).toContain(`<a href="/find/results?${answers.replaceAll("&", "&amp;")}">Back</a>`);
  });

  it("sends a real e-mail to the help address with the person's words and answers, then thanks them", async () => {
    const browser = new TestBrowser(t.app);
    await browser.get(`/find/help?${answers}`);
    const response = await browser.post("/find/help", {
      ...Object.fromEntries(new URLSearchParams(answers)),
      name: "Ada",
      reach: "email",
      email: " Ada@Example.org ",
      phone: "",
      message: "Mio marito è morto a gennaio.\n\nPreferisco la mattina.",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/find/help/sent");

    await t.runJobs();
    const mail = await t.mail.lastTo(HELP);
    expect(mail.subject).toBe("Ada would like help to find a group");
    expect(mail.headers.get("reply-to")).toMatchObject({ text: "ada@example.org" });
    expect(mail.text).toContain("Ada used “Find a group” on Mutua and would like help");
    expect(mail.text).toContain("Reach them by e-mail: ada@example.org");
    expect(mail.text).toContain("Mio marito è morto a gennaio.");
    expect(mail.text).toContain("Preferisco la mattina.");
    expect(mail.text).toContain("What are you going through? Loss of a partner");
    expect(mail.text).toContain("Who is the group for? For me");
    expect(mail.text).toContain("When suits you? Monday, in the morning");
    expect(mail.text).toContain("Which language would you like to speak in the group? Italian");

    const thanks = await browser.get("/find/help/sent");
    expect(thanks.statusCode).toBe(200);
    expect(text(thanks.body)).toContain("Thank you, we have your message");
  });

  it("takes a telephone number instead, and a request with no answers at all", async () => {
    const browser = new TestBrowser(t.app);
    const response = await browser.post("/find/help", {
      name: "Marco",
      reach: "phone",
      email: "",
      phone: "+39 0461 987654",
      message: "",
    });
    expect(response.statusCode).toBe(303);
    await t.runJobs();
    const mail = await t.mail.lastTo(HELP);
    expect(mail.subject).toBe("Marco would like help to find a group");
    expect(mail.text).toContain("Reach them by telephone: +39 0461 987654");
    expect(mail.text).toContain("They did not write a message.");
    expect(mail.text).toContain("They did not answer the questions.");
    expect(mail.headers.get("reply-to")).toBeUndefined();
  });

  it("writes the e-mail in the person's language", async () => {
    const browser = new TestBrowser(t.app, { acceptLanguage: "it" });
    await browser.post("/find/help", {
      ...Object.fromEntries(new URLSearchParams(answers)),
      name: "Lucia",
      reach: "phone",
      phone: "0461 123456",
    });
    await t.runJobs();
    const mail = await t.mail.lastTo(HELP);
    expect(mail.subject).toBe("Lucia chiede aiuto per trovare un gruppo");
    expect(mail.text).toContain("Lunedì, di mattina");
  });

  it.each([
    [
      "nothing filled in",
      {},
      { name: "Type a name we can call you", reach: "Choose how we should reach you" },
    ],
    [
      "e-mail chosen but not given",
      { name: "Ada", reach: "email" },
      { email: "Enter your e-mail address" },
    ],
    [
      "an address that is not one",
      { name: "Ada", reach: "email", email: "ada at home" },
      { email: "Enter an e-mail address like ada@example.org" },
    ],
    [
      "telephone chosen but not given",
      { name: "Ada", reach: "phone", email: "x" },
      { phone: "Type your telephone number" },
    ],
    [
      "letters for a telephone number",
      { name: "Ada", reach: "phone", phone: "call me" },
      { phone: "Type a telephone number using numbers, like 0461 123456" },
    ],
    [
      "a name too long",
      { name: "A".repeat(41), reach: "phone", phone: "0461 123456" },
      { name: "The name can be at most 40 characters" },
    ],
    [
      "a message too long",
      { name: "Ada", reach: "phone", phone: "0461 123456", message: "parola ".repeat(200) },
      { message: "Your message can be at most 1,000 characters" },
    ],
  ])(
    "with %s: answers 400, keeps the input, says what to fix and sends nothing",
    async (_what, form, expected) => {
      const browser = new TestBrowser(t.app);
      const before = sentTo(t, HELP);
      const response = await browser.post("/find/help", {
        ...Object.fromEntries(new URLSearchParams(answers)),
        ...form,
      });
      expect(response.statusCode).toBe(400);
      const html = response.body;
      expect(html).toContain("<title>Error: Ask us to help you find a group – Mutua</title>");
      const summary = [...html.matchAll(/<li><a href="#([a-z]+)">([^<]+)<\/a><\/li>/g)].map((m) => [
        m[1],
        m[2],
      ]);
      expect(Object.fromEntries(summary)).toEqual(expected);
      for (const [field, value] of Object.entries(form)) {
        if (field === "message") expect(html).toContain(value.trim());
        else if (field === "reach")
          expect(html).toMatch(new RegExp(`name="reach" value="${value}" checked`));
        else expect(html).toContain(`value="${value}"`);
      }
      // The answers still ride along.
      expect(html).toContain('<input type="hidden" name="difficulty" value="loss-of-partner"/>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await t.runJobs();
      expect(sentTo(t, HELP)).toBe(before);
    },
  );

  it("is never rate-limited: many requests from one address all go through", async () => {
    const browser = new TestBrowser(t.app, { ip: "203.0.113.9" });
    const before = sentTo(t, HELP);
    for (let n = 0; n < 30; n++) {
      const response = await browser.post("/find/help", {
        name: `Persona ${n}`,
        reach: "phone",
        phone: "0461 123456",
      });
      expect(response.statusCode).toBe(303);
    }
    await t.runJobs();
    expect(sentTo(t, HELP)).toBe(before + 30);
  });

  it("sends a form sent twice once, and thanks the person even while the mail server is away", async () => {
    const browser = new TestBrowser(t.app);
    const form = await browser.get("/find/help");
    const requestId = /name="request" value="([0-9a-f-]{36})"/.exec(form.body)?.[1];
    expect(requestId).toBeDefined();
    const before = sentTo(t, HELP);
    t.mail.refused.add(HELP);
    const fields = { request: requestId!, name: "Bruna", reach: "phone", phone: "0461 555000" };
    try {
      // The mail server refuses for now: the person is thanked all the same, nothing is lost.
      expect((await browser.post("/find/help", fields)).statusCode).toBe(303);
    } finally {
      t.mail.refused.clear();
    }
    // A second click on the same form is the same request.
    expect((await browser.post("/find/help", fields)).statusCode).toBe(303);
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from graphile_worker._private_jobs where key = $1",
      [`help-request:${requestId}`],
    );
    expect(rows[0].n).toBe(1);
    await t.runJobs();
    expect(sentTo(t, HELP)).toBe(before + 1);
  });

  it("forgets a request the mail server never took, a month after the queue gave up on it", async () => {
    const browser = new TestBrowser(t.app);
    const form = await browser.get("/find/help");
    const requestId = /name="request" value="([0-9a-f-]{36})"/.exec(form.body)?.[1];
    const words = "Mi sento sola da quando Piero non c'è più";
    const fields = { request: requestId!, name: "Ida", reach: "phone", phone: "0461 555111" };
    expect((await browser.post("/find/help", { ...fields, message: words })).statusCode).toBe(303);
    const key = `help-request:${requestId}`;
    // Every attempt failed: the queue keeps the job, with what Ida wrote, and tries no more.
    await t.database.pool.query(
      "select graphile_worker.permanently_fail_jobs(array(select id from graphile_worker.jobs where key = $1), 'the mail server went away')",
      [key],
    );
    const kept = async () =>
      (
        await t.database.pool.query(
          "select count(*)::int as n from graphile_worker._private_jobs where payload::text like '%Piero%'",
        )
      ).rows[0].n;
    expect(await kept()).toBe(1);
    const day = 86_400_000;
    const now = Date.now();
    expect(await forgetFailedJobs(t.database.db, new Date(now + (FAILED_JOB_DAYS - 1) * day))).toBe(
      0,
    );
    expect(await kept()).toBe(1);
    expect(
      await forgetFailedJobs(t.database.db, new Date(now + (FAILED_JOB_DAYS + 1) * day)),
    ).toBeGreaterThanOrEqual(1);
    expect(await kept()).toBe(0);
    // A job still to run is never removed, however old.
    await t.database.pool.query(
      "select graphile_worker.add_job('matching.help-request', '{}', run_at => now() + interval '1 year', job_key => 'still-to-run')",
    );
    await forgetFailedJobs(t.database.db, new Date(now + 365 * day));
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from graphile_worker.jobs where key = 'still-to-run'",
    );
    expect(rows[0].n).toBe(1);
    await t.database.pool.query("select graphile_worker.remove_job('still-to-run')");
  });

  it("refuses a form sent from another site", async () => {
    const browser = new TestBrowser(t.app);
    const before = sentTo(t, HELP);
    const response = await browser.post(
      "/find/help",
      { name: "Ada", reach: "phone", phone: "0461 123456" },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    await t.runJobs();
    expect(sentTo(t, HELP)).toBe(before);
  });
});

describe("asking for help where nobody can read the messages", () => {
  it("offers the telephone instead and sends nothing", async () => {
    const t = await buildTestApp({ env: { HELP_EMAIL: "" } });
    try {
      const page = await t.app.inject({ url: "/find/help" });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('action="/find/help"');
      expect(page.body).toContain(
        '<a href="tel:+390461123456">Call us on +39 0461 123456. We will be glad to help you find a group.</a>',
      );
      const browser = new TestBrowser(t.app);
      const response = await browser.post("/find/help", {
        name: "Ada",
        reach: "phone",
        phone: "0461 123456",
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("Call us on +39 0461 123456");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(t.mail.messages).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  it("says plainly that help is not available when there is no telephone either", async () => {
    const t = await buildTestApp({ env: { HELP_EMAIL: "", HELP_PHONE: "" } });
    try {
      const page = await t.app.inject({ url: "/find/help" });
      expect(text(page.body)).toContain(
        "We are sorry: nobody on Mutua can help you by message yet.",
      );
      expect(page.body).toContain('<a href="/groups">See all groups</a>');
      expect(page.body).not.toContain('<form method="post" action="/find/help"');
    } finally {
      await t.close();
    }
  });
});

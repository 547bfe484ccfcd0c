import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../../infra/jobs/runner.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { personWithSession } from "../../test/factories.js";
import { HELP_REQUEST_TASK } from "../matching/writes.js";
import { CHANGE_NOTICES_TASK } from "../meetings/changes/writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const message = (to: string) => ({
  to,
  subject: "Your group's agreement may change",
  text: "A change is proposed.",
  html: "<p>A change is proposed.</p>",
});

describe("the administrators' start page", () => {
  it("tells the people who run the instance when e-mail is waiting for the mail server, and when it never went", async () => {
    const { browser } = await personWithSession(t, { isAdmin: true }, "passkey");
    expect((await browser.get("/admin")).body).toContain(
      "No e-mail is waiting for the mail server.",
    );

    const mailer = deliverNowOrLater(t.app.deps.mailer, t.database.db, t.app.log);
    t.mail.away = true;
    try {
      await mailer.send(message("ada@example.org"));
      await mailer.send(message("bruno@example.org"));
    } finally {
      t.mail.away = false;
    }
    const waiting = await browser.get("/admin");
    expect(waiting.body).toContain(
      "E-mails waiting for the mail server, which could not take them: 2, the oldest since",
    );
    expect(waiting.body).toContain(
      "Check that the mail server is running and that SMTP_URL is right.",
    );

    // One has used every try; the mail server takes the other once it is back.
    await t.database.pool.query(
      `update graphile_worker._private_jobs set attempts = max_attempts
        where id = (select min(id) from graphile_worker.jobs where task_identifier = 'mail.later')`,
    );
    await t.runJobs();
    expect(t.mail.messages.map((m) => m.to)).toEqual([["bruno@example.org"]]);
    const after = await browser.get("/admin");
    expect(after.body).toContain("No e-mail is waiting for the mail server.");
    expect(after.body).toContain(
      "E-mails the mail server never took, after trying for three days: 1.",
    );
  });

  it("counts a request for help or a meeting's news among the waiting e-mail once it has failed", async () => {
    const { browser } = await personWithSession(t, { isAdmin: true }, "passkey");
    await t.database.pool.query("delete from graphile_worker._private_jobs");
    await enqueueJob(t.database.db, HELP_REQUEST_TASK, {}, { key: "help-request:one" });
    await enqueueJob(t.database.db, CHANGE_NOTICES_TASK, {}, { key: "meeting-change:one" });
    // Just queued, they go in a moment: nothing is waiting for the mail server yet.
    expect((await browser.get("/admin")).body).toContain(
      "No e-mail is waiting for the mail server.",
    );
    await t.database.pool.query("update graphile_worker._private_jobs set attempts = 1");
    expect((await browser.get("/admin")).body).toContain(
      "E-mails waiting for the mail server, which could not take them: 2, the oldest since",
    );
    await t.database.pool.query("delete from graphile_worker._private_jobs");
  });
});

import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../../test/factories.js";
import { failingFrom, type ReceivedMail } from "../../../test/smtp.js";
import { boardMailPreferences, boardPostMailSent, boardPosts } from "../tables.js";
import { sendBoardDigests, sendPostMail } from "./jobs.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
});

type Someone = Awaited<ReturnType<typeof personWithSession>>;

/**
 * A group with a facilitator and three members, each with their own choice of mail: Grace
 * (facilitator) and Ada never chose (the daily digest; Ada reads Italian), Marco wants each post,
 * Nina wants none.
 */
async function boardWithChoices() {
  const group = await createGroup(t);
  const joined = new Date("2026-03-01T09:00:00.000Z");
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada", language: "it" });
  const marco = await personWithSession(t, { displayName: "Marco" });
  const nina = await personWithSession(t, { displayName: "Nina" });
  await addMember(t, group.id, grace.person.id, "facilitator", joined);
  for (const who of [ada, marco, nina])
    await addMember(t, group.id, who.person.id, "member", joined);
  for (const [who, choice] of [
    [marco, "each"],
    [nina, "none"],
  ] as const) {
    const chose = await who.browser.post(`/groups/${group.slug}/board/mail`, { choice });
    expect(chose.statusCode).toBe(303);
  }
  return { group, grace, ada, marco, nina };
}

const mailTo = (who: Someone, subject?: RegExp): ReceivedMail[] =>
  t.mail.messages.filter(
    (m) => m.to.includes(who.person.email) && (!subject || subject.test(m.subject)),
  );

async function announce(who: Someone, slug: string, extra: Record<string, string> = {}) {
  const sent = await who.browser.json("POST", `/api/v1/groups/${slug}/board/announcements`, {
    title: "No meeting on the 24th",
    body: "The hall is closed. **See you** on the 31st.\n\n<script>alert(1)</script>",
    ...extra,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json() as { threadId: string; post: { id: string } };
}

async function startThread(who: Someone, slug: string, title = "After the appointment") {
  const sent = await who.browser.json("POST", `/api/v1/groups/${slug}/board/threads`, {
    title,
    body: "How did it go for you?",
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json() as { threadId: string; post: { id: string } };
}

async function reply(who: Someone, slug: string, threadId: string, body = "It went well.") {
  const sent = await who.browser.json(
    "POST",
    `/api/v1/groups/${slug}/board/threads/${threadId}/replies`,
    { body },
  );
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json() as { post: { id: string } };
}

/**
 * Lets the post's failed job be tried again now, rather than after the queue's back-off. The
 * queue records a failure just after its run returns, so this waits for it first.
 */
async function retryNow(postId: string) {
  const key = `board-post-mail:${postId}`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await t.database.pool.query(
      "update graphile_worker._private_jobs set run_at = now() where key = $1 and last_error is not null and locked_at is null returning id",
      [key],
    );
    if (rows.length === 1) return;
    if (Date.now() > deadline) throw new Error("The job did not fail");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("e-mails about a post", () => {
  it("sends a facilitator's announcement to every other member once, but not to one who chose no mail", async () => {
    const { group, grace, ada, marco, nina } = await boardWithChoices();
    const { threadId } = await announce(grace, group.slug);
    await t.runJobs();
    await t.runJobs();

    expect(mailTo(ada)).toHaveLength(1);
    expect(mailTo(marco)).toHaveLength(1);
    expect(mailTo(nina)).toHaveLength(0);
    expect(mailTo(grace)).toHaveLength(0);

    const [english] = mailTo(marco);
    expect(english!.subject).toBe(`${group.name}: an announcement, “No meeting on the 24th”`);
    expect(english!.text).toContain("Grace posted an announcement");
    expect(english!.text).toContain("The hall is closed. **See you** on the 31st.");
    expect(english!.text).toContain(
      `http://localhost:3000/groups/${group.slug}/board/threads/${threadId}`,
    );
    expect(english!.text).toContain(`http://localhost:3000/groups/${group.slug}/board/mail`);
    // The HTML part is the board's own sanitised rendering: formatting kept, a script inert.
    expect(english!.html).toContain("<strong>See you</strong>");
    expect(english!.html).not.toContain("<script");
    expect(english!.header("list-unsubscribe")).toMatch(
      /^<http:\/\/localhost:3000\/unsubscribe\/board\/[A-Za-z0-9_-]{43}>$/,
    );
    expect(english!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // Each in their own language.
    expect(mailTo(ada)[0]!.subject).toBe(`${group.name}: un avviso, «No meeting on the 24th»`);
  });

  it("sends an announcement of a cancelled meeting to every other member, whatever they chose", async () => {
    const { group, grace, ada, marco, nina } = await boardWithChoices();
    await announce(grace, group.slug, { toEveryone: "yes" });
    await t.runJobs();
    await t.runJobs();
    for (const who of [ada, marco, nina]) expect(mailTo(who), who.person.email).toHaveLength(1);
    expect(mailTo(grace)).toHaveLength(0);
    expect(mailTo(nina)[0]!.text).toContain("whatever e-mails they chose");
  });

  it("sends a new conversation and each reply only to those who want each post, never to their author", async () => {
    const { group, grace, ada, marco, nina } = await boardWithChoices();
    const { threadId } = await startThread(ada, group.slug);
    await t.runJobs();
    expect(mailTo(marco, /Ada started “After the appointment”/)).toHaveLength(1);
    for (const who of [grace, ada, nina]) expect(mailTo(who)).toHaveLength(0);

    // Marco's own reply is not sent to him; nobody else wants each post yet.
    await reply(marco, group.slug, threadId);
    await t.runJobs();
    expect(t.mail.messages.filter((m) => /replied/.test(m.subject))).toHaveLength(0);

    // Grace now wants each post too: Ada's reply reaches her and Marco, once each.
    await grace.browser.post(`/groups/${group.slug}/board/mail`, { choice: "each" });
    t.clock.advance(10_000);
    await reply(ada, group.slug, threadId, "Thank you, Marco.");
    await t.runJobs();
    await t.runJobs();
    expect(mailTo(marco, /Ada replied in “After the appointment”/)).toHaveLength(1);
    expect(mailTo(grace, /Ada replied in “After the appointment”/)).toHaveLength(1);
    expect(mailTo(ada, /replied/)).toHaveLength(0);
    expect(mailTo(nina)).toHaveLength(0);
    expect(mailTo(marco, /replied/)[0]!.text).toContain("Thank you, Marco.");
  });

  it("sends nothing about a post deleted or hidden before its e-mails went", async () => {
    const { group, ada, marco } = await boardWithChoices();
    const deleted = await startThread(ada, group.slug, "Deleted soon");
    const gone = await ada.browser.json(
      "DELETE",
      `/api/v1/groups/${group.slug}/board/posts/${deleted.post.id}`,
    );
    expect(gone.statusCode).toBe(200);
    t.clock.advance(10_000);
    const hidden = await startThread(ada, group.slug, "Hidden soon");
    await t.database.db
      .update(boardPosts)
      .set({ hiddenAt: t.clock.now(), hiddenReason: "Names a person" })
      .where(eq(boardPosts.id, hidden.post.id));
    await t.runJobs();
    expect(mailTo(marco)).toHaveLength(0);
  });

  it("sends only the missing e-mails when the mail server failed half way and the job is retried", async () => {
    const { group, grace, ada, marco, nina } = await boardWithChoices();
    const { post } = await announce(grace, group.slug, { toEveryone: "yes" });
    // The round fails after its first e-mail went.
    const failing = { ...t.app.deps, mailer: failingFrom(t.app.deps.mailer, 2) };
    await expect(sendPostMail(failing, post.id)).rejects.toThrow("the mail server went away");
    const sent = () => [ada, marco, nina].flatMap((who) => mailTo(who));
    expect(sent()).toHaveLength(1);

    // Then the server is away altogether: the queued job fails and is tried again later.
    t.mail.away = true;
    await t.runJobs();
    t.mail.away = false;
    expect(sent()).toHaveLength(1);
    await retryNow(post.id);
    await t.runJobs();
    for (const who of [ada, marco, nina]) expect(mailTo(who), who.person.email).toHaveLength(1);
    const claims = await t.database.db
      .select()
      .from(boardPostMailSent)
      .where(eq(boardPostMailSent.postId, post.id));
    expect(claims).toHaveLength(3);
    expect(claims.every((c) => c.settledAt !== null)).toBe(true);
  });

  it("keeps writing to the others when the mail server refuses one address for good, and does not try it again", async () => {
    const { group, grace, ada, marco } = await boardWithChoices();
    t.mail.refused.add(ada.person.email);
    const { post } = await announce(grace, group.slug);
    await t.runJobs();
    t.mail.refused.delete(ada.person.email);
    await sendPostMail(t.app.deps, post.id);
    expect(mailTo(marco)).toHaveLength(1);
    expect(mailTo(ada)).toHaveLength(0);
  });
});

describe("the daily digest", () => {
  // Each test writes on a day of its own: a round gathers every board's day.
  it("sends each member who chose it one e-mail with the day's conversations, their own posts aside, once a day", async () => {
    t.clock.set(new Date("2026-04-10T09:00:00.000Z"));
    const { group, grace, ada, marco, nina } = await boardWithChoices();
    const { threadId } = await startThread(ada, group.slug);
    t.clock.advance(60_000);
    await reply(marco, group.slug, threadId);
    t.clock.advance(60_000);
    await reply(marco, group.slug, threadId, "And one more thing.");
    await announce(grace, group.slug);
    await t.runJobs();
    t.mail.clear();

    t.clock.set(new Date("2026-04-11T07:00:00.000Z"));
    await t.runTask("board.digest");
    await t.runTask("board.digest");
    const [graces, ...moreForGrace] = mailTo(grace, /new on the board/);
    expect(moreForGrace).toHaveLength(0);
    expect(graces!.text).toContain("“After the appointment”: 3 new messages");
    // The announcement reached everyone by e-mail already: it is not listed again.
    expect(graces!.text).not.toContain("No meeting on the 24th");
    expect(graces!.text).toContain(`http://localhost:3000/groups/${group.slug}/board`);
    expect(graces!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // Ada's own opening post is not news to her; Marco's two replies are.
    const adas = mailTo(ada, /novità sulla bacheca/);
    expect(adas).toHaveLength(1);
    expect(adas[0]!.text).toContain("«After the appointment»: 2 nuovi messaggi");
    // Marco wants each post instead, Nina none.
    expect(mailTo(marco)).toHaveLength(0);
    expect(mailTo(nina)).toHaveLength(0);

    // The next day nothing new was written: no e-mail at all.
    t.clock.set(new Date("2026-04-12T07:00:00.000Z"));
    await t.runTask("board.digest");
    expect(mailTo(grace, /new on the board/)).toHaveLength(1);
  });

  it("leaves out what was deleted or hidden, and a board with nothing new sends nothing", async () => {
    t.clock.set(new Date("2026-05-10T09:00:00.000Z"));
    const { group, grace, ada } = await boardWithChoices();
    const { post } = await startThread(ada, group.slug, "Soon hidden");
    await t.database.db
      .update(boardPosts)
      .set({ hiddenAt: t.clock.now(), hiddenReason: "Names a person" })
      .where(eq(boardPosts.id, post.id));
    t.mail.clear();
    t.clock.set(new Date("2026-05-11T07:00:00.000Z"));
    await sendBoardDigests(t.app.deps);
    expect(mailTo(grace)).toHaveLength(0);
  });

  it("sends only the missing digests when the mail server failed half way through the round", async () => {
    t.clock.set(new Date("2026-06-10T09:00:00.000Z"));
    const { group, grace, ada } = await boardWithChoices();
    const other = await boardWithChoices();
    await startThread(ada, group.slug);
    await startThread(other.ada, other.group.slug);
    t.mail.clear();
    t.clock.set(new Date("2026-06-11T07:00:00.000Z"));
    const failing = { ...t.app.deps, mailer: failingFrom(t.app.deps.mailer, 2) };
    await expect(sendBoardDigests(failing)).rejects.toThrow("the mail server went away");
    expect(t.mail.messages).toHaveLength(1);
    // Later the same day, the round is run again.
    t.clock.advance(3_600_000);
    await t.runTask("board.digest");
    for (const who of [grace, other.grace]) expect(mailTo(who), who.person.email).toHaveLength(1);
    expect(t.mail.messages).toHaveLength(2);
  });
});

describe("one-click unsubscribe from a board e-mail", () => {
  it("asks when the link is opened, turns board mail off when it is used, and says so plainly for an unknown link", async () => {
    const { group, grace, ada } = await boardWithChoices();
    await announce(grace, group.slug);
    await t.runJobs();
    const link = String(mailTo(ada)[0]!.header("list-unsubscribe")).replace(/^<|>$/g, "");
    const path = new URL(link).pathname;

    // Opening it (as a mail scanner does) changes nothing.
    const opened = await t.app.inject({ method: "GET", url: path });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('method="post"');
    const row = () =>
      t.database.db
        .select()
        .from(boardMailPreferences)
        .where(
          and(
            eq(boardMailPreferences.groupId, group.id),
            eq(boardMailPreferences.personId, ada.person.id),
          ),
        );
    expect(await row()).toHaveLength(0);

    // The mail program's one-click POST (RFC 8058): no cookie, no form token, just the link.
    const oneClick = () =>
      t.app.inject({
        method: "POST",
        url: path,
        payload: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const clicked = await oneClick();
    expect(clicked.statusCode).toBe(200);
    expect(clicked.body).toContain(group.name);
    expect((await row())[0]!.choice).toBe("none");
    // Used again, it says the same: still no mail.
    expect((await oneClick()).statusCode).toBe(200);

    // No more announcements for Ada, but a cancelled meeting still reaches her.
    t.clock.advance(10_000);
    await announce(grace, group.slug, { title: "A new room" });
    t.clock.advance(10_000);
    await announce(grace, group.slug, { title: "Cancelled: the 24th", toEveryone: "yes" });
    await t.runJobs();
    expect(mailTo(ada, /A new room/)).toHaveLength(0);
    expect(mailTo(ada, /Cancelled: the 24th/)).toHaveLength(1);

    for (const unknown of [`/unsubscribe/board/${"x".repeat(43)}`, "/unsubscribe/board/short"]) {
      const answered = await t.app.inject({
        method: "POST",
        url: unknown,
        payload: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(answered.statusCode, unknown).toBe(404);
      expect(answered.body).toContain("This link does not work");
    }
  });

  it("lets a link lapse after six months", async () => {
    const { group, grace, ada } = await boardWithChoices();
    await announce(grace, group.slug);
    await t.runJobs();
    const link = String(mailTo(ada)[0]!.header("list-unsubscribe")).replace(/^<|>$/g, "");
    t.clock.advance(181 * 86_400_000);
    const late = await t.app.inject({
      method: "POST",
      url: new URL(link).pathname,
      payload: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(late.statusCode).toBe(404);
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from board_mail_preferences where person_id = $1 and choice = 'none'",
      [ada.person.id],
    );
    expect(rows[0].n).toBe(0);
    // The daily round forgets links too old to work.
    await t.runTask("board.digest");
    const left = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from board_unsubscribe_links where person_id = ${ada.person.id}`,
    );
    expect(left.rows[0]!.n).toBe(0);
  });
});

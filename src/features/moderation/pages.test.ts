import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "../../infra/audit/tables.js";
import { onceIn } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { deleteAccount } from "../accounts/writes.js";
import { boardPosts } from "../board/tables.js";
import { startThread } from "../board/writes.js";
import { moderationLog, postReports } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
  t.mail.clear();
});

/** A page's text as a person reads it, whichever characters the markup escaped. */
const plain = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

const WORDS = "Nobody here understands anything, and Bruno is the worst of you.";

/** A facilitator, the author of a post, a member who reports it and a member who reads it. */
async function boardWithPost() {
  const group = await createGroup(t, { name: "Caffè del martedì" });
  const grace = await personWithSession(t, { displayName: "Grace Lead", language: "en" });
  const ada = await personWithSession(t, { displayName: "Ada Author", language: "en" });
  const rita = await personWithSession(t, { displayName: "Rita Reporter", language: "en" });
  const marco = await personWithSession(t, { displayName: "Marco Reader", language: "en" });
  const joined = new Date("2026-03-01T09:00:00.000Z");
  await addMember(t, group.id, grace.person.id, "facilitator", joined);
  for (const who of [ada, rita, marco])
    await addMember(t, group.id, who.person.id, "member", joined);
  const started = await startThread(
    t.database.db,
    {
      groupId: group.id,
      authorId: ada.person.id,
      joinedAt: joined,
      title: "A hard week",
      body: WORDS,
      announcement: false,
      toEveryone: false,
    },
    t.clock.now(),
  );
  if (!started.ok) throw new Error(started.reason);
  const post = started.post;
  const paths = {
    thread: `/groups/${group.slug}/board/threads/${post.threadId}`,
    post: (rest: string) => `/groups/${group.slug}/board/posts/${post.id}${rest}`,
    reports: `/groups/${group.slug}/board/reports`,
  };
  return { group, grace, ada, rita, marco, post, paths };
}

type Scene = Awaited<ReturnType<typeof boardWithPost>>;

async function report(
  scene: Scene,
  reason = "unkind",
  details = "It named Bruno in front of all.",
) {
  const form = await scene.rita.browser.get(scene.paths.post("/report"));
  expect(form.statusCode).toBe(200);
  return scene.rita.browser.post(scene.paths.post("/report"), {
    reason,
    details,
    _once: onceIn(form.body),
  });
}

async function hide(scene: Scene, reason = "It names a person who is not here to answer.") {
  const form = await scene.grace.browser.get(scene.paths.post("/hide"));
  expect(form.statusCode).toBe(200);
  return scene.grace.browser.post(scene.paths.post("/hide"), {
    reason,
    _once: onceIn(form.body),
  });
}

describe("reporting a post", () => {
  it("offers Report this message under others' posts, never under one's own", async () => {
    const scene = await boardWithPost();
    const others = await scene.rita.browser.get(scene.paths.thread);
    expect(others.body).toContain(`href="${scene.paths.post("/report")}"`);
    expect(others.body).toContain("Report this message");
    const own = await scene.ada.browser.get(scene.paths.thread);
    expect(own.body).not.toContain(`href="${scene.paths.post("/report")}"`);
  });

  it("asks for a reason from the short list, then thanks the member and tells the facilitators without the words or the reporter", async () => {
    const scene = await boardWithPost();
    const page = await scene.rita.browser.get(scene.paths.post("/report"));
    expect(page.body).toContain('type="radio"');
    expect(plain(page.body)).toContain("It shares someone's private details");

    const sent = await report(scene);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${scene.paths.thread}#post-${scene.post.id}`);
    const landed = await scene.rita.browser.get(scene.paths.thread);
    expect(plain(landed.body)).toContain(
      "Thank you. The group's facilitators will look at it. They will not tell the author who reported it.",
    );

    const rows = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.postId, scene.post.id));
    expect(rows).toMatchObject([
      { reporterId: scene.rita.person.id, reason: "unkind", state: "open" },
    ]);

    const mail = await t.mail.lastTo(scene.grace.person.email);
    expect(mail.subject).toContain("was reported");
    expect(mail.text).toContain(`http://localhost:3000${scene.paths.reports}`);
    for (const secret of ["Bruno", WORDS, "Rita", "named"]) expect(mail.text).not.toContain(secret);
    expect(t.mail.messages.filter((m) => m.to.includes(scene.ada.person.email))).toEqual([]);
    expect(t.mail.messages.filter((m) => m.to.includes(scene.rita.person.email))).toEqual([]);

    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "moderation.reported"))
      .orderBy(auditEvents.id);
    expect(audit).toMatchObject({ actorId: scene.rita.person.id, subjectId: scene.post.id });
    expect(JSON.stringify(audit!.details)).not.toContain("Bruno");
  });

  it("is never slowed down: a member reports ten posts in the same second", async () => {
    const scene = await boardWithPost();
    for (let i = 0; i < 10; i++) {
      const more = await startThread(
        t.database.db,
        {
          groupId: scene.group.id,
          authorId: scene.marco.person.id,
          joinedAt: null,
          title: `Thread ${i}`,
          body: `Words ${i}`,
          announcement: false,
          toEveryone: false,
        },
        new Date(t.clock.now().getTime() - (20 - i) * 60_000),
      );
      if (!more.ok) throw new Error(more.reason);
      const sent = await scene.rita.browser.post(
        `/groups/${scene.group.slug}/board/posts/${more.post.id}/report`,
        { reason: "off_topic", details: "" },
      );
      expect(sent.statusCode).toBe(303);
    }
    const rows = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.reporterId, scene.rita.person.id));
    expect(rows).toHaveLength(10);
  });
});

describe("the reports page", () => {
  it("shows those who lead each open report with the post's words, the reason, the text and who reported it", async () => {
    const scene = await boardWithPost();
    await report(scene);
    const page = await scene.grace.browser.get(scene.paths.reports);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Bruno is the worst of you");
    expect(page.body).toContain("It is unkind or hurtful");
    expect(page.body).toContain("It named Bruno in front of all.");
    expect(page.body).toContain("Reported by Rita Reporter");
    expect(page.body).toContain(`href="${scene.paths.post("/hide")}"`);
  });

  it("answers 403 to a member who does not lead (they know the board exists) and 404 to anyone off the board, as for no group", async () => {
    const scene = await boardWithPost();
    const page = await scene.marco.browser.get(scene.paths.reports);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("Only those who lead the group read its reports");
    const stranger = await personWithSession(t);
    const hidden = await stranger.browser.get(scene.paths.reports);
    const missing = await stranger.browser.get("/groups/no-such-group/board/reports");
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });

  it("leaves a reported post up: its open reports are decided and listed below, the post stays", async () => {
    const scene = await boardWithPost();
    await report(scene);
    const page = await scene.grace.browser.get(scene.paths.reports);
    const [row] = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.postId, scene.post.id));
    const action = `${scene.paths.reports}/${row!.id}/leave-up`;
    expect(page.body).toContain(`action="${action}"`);
    const sent = await scene.grace.browser.post(action, { _once: onceIn(page.body) });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(scene.paths.reports);
    const [decided] = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.id, row!.id));
    expect(decided).toMatchObject({ state: "left_up", decidedBy: scene.grace.person.id });
    const after = await scene.grace.browser.get(scene.paths.reports);
    expect(after.body).toContain("No report is waiting.");
    expect(after.body).toContain("Left up on");
    const [post] = await t.database.db
      .select()
      .from(boardPosts)
      .where(eq(boardPosts.id, scene.post.id));
    expect(post!.hiddenAt).toBeNull();
    const again = await scene.grace.browser.post(action, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This report has been decided already.");
  });
});

describe("hiding and restoring", () => {
  it("A hidden post's author gets the notice with the reason; restoring brings it back", async () => {
    const scene = await boardWithPost();
    await report(scene);
    const reason = "It names a person who is not here to answer.";
    const hidden = await hide(scene, reason);
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe(scene.paths.reports);

    // The reports are acted on, and the step is logged, with the hiding.
    const [acted] = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.postId, scene.post.id));
    expect(acted).toMatchObject({ state: "acted_on", decidedBy: scene.grace.person.id });
    const log = await t.database.db
      .select()
      .from(moderationLog)
      .where(eq(moderationLog.postId, scene.post.id));
    expect(log).toMatchObject([{ step: "hidden", reason, byId: scene.grace.person.id }]);

    // The author is told once, with the reason and the way back.
    const told = t.mail.messages.filter((m) => m.to.includes(scene.ada.person.email));
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe("The facilitators hid your message in Caffè del martedì");
    expect(told[0]!.text).toContain(`Their reason: “${reason}”`);
    expect(told[0]!.text).toContain("You can change it and ask for it to be shown again:");
    expect(told[0]!.text).toContain(`http://localhost:3000${scene.paths.thread}#post-`);

    const author = await scene.ada.browser.get(scene.paths.thread);
    expect(plain(author.body)).toContain(reason);
    expect(author.body).toContain("Bruno is the worst of you");
    expect(author.body).toContain("Ask for it to be shown again");
    const other = await scene.marco.browser.get(scene.paths.thread);
    expect(plain(other.body)).toContain("This message was hidden by the group's facilitators.");
    expect(other.body).not.toContain("Bruno");
    expect(other.body).not.toContain(reason);

    const form = await scene.grace.browser.get(scene.paths.post("/restore"));
    expect(form.statusCode).toBe(200);
    const restored = await scene.grace.browser.post(scene.paths.post("/restore"), {
      reason: "",
      _once: onceIn(form.body),
    });
    expect(restored.statusCode).toBe(303);
    for (const who of [scene.ada, scene.marco, scene.rita]) {
      const page = await who.browser.get(scene.paths.thread);
      expect(page.body).toContain("Bruno is the worst of you");
      expect(plain(page.body)).not.toContain("hidden by the group's facilitators");
    }
    const steps = await t.database.db
      .select({ step: moderationLog.step })
      .from(moderationLog)
      .where(eq(moderationLog.postId, scene.post.id));
    expect(steps.map((s) => s.step).sort()).toEqual(["hidden", "restored"]);
    const back = await t.mail.lastTo(scene.ada.person.email);
    expect(back.subject).toBe("Your message in Caffè del martedì is shown again");
  });

  it("hides a post nobody reported, and refuses to hide it twice with a clear message", async () => {
    const scene = await boardWithPost();
    expect((await hide(scene)).statusCode).toBe(303);
    const twice = await scene.grace.browser.post(scene.paths.post("/hide"), {
      reason: "Again",
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("The facilitators have already hidden this message.");
    const log = await t.database.db
      .select()
      .from(moderationLog)
      .where(eq(moderationLog.postId, scene.post.id));
    expect(log).toHaveLength(1);
    expect(t.mail.messages.filter((m) => m.to.includes(scene.ada.person.email))).toHaveLength(1);
    const visible = await scene.grace.browser.post(scene.paths.post("/restore"), {});
    expect(visible.statusCode).toBe(303);
    const restoreTwice = await scene.grace.browser.get(scene.paths.post("/restore"));
    expect(restoreTwice.statusCode).toBe(409);
    expect(restoreTwice.body).toContain("This message is not hidden");
  });
});

describe("asking for a hidden post back", () => {
  it("lets the author change it and ask once; the facilitators are told; asking again waits", async () => {
    const scene = await boardWithPost();
    await hide(scene);
    t.clock.advance(60_000);
    const edited = await scene.ada.browser.post(scene.paths.post("/edit"), {
      body: "This week was hard. I am sorry for what I said.",
    });
    expect(edited.statusCode).toBe(303);
    const form = await scene.ada.browser.get(scene.paths.post("/ask-back"));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("It names a person who is not here to answer.");
    t.mail.clear();
    const asked = await scene.ada.browser.post(scene.paths.post("/ask-back"), {
      message: "I changed it.",
      _once: onceIn(form.body),
    });
    expect(asked.statusCode).toBe(303);
    const log = await t.database.db
      .select()
      .from(moderationLog)
      .where(and(eq(moderationLog.postId, scene.post.id), eq(moderationLog.step, "restore_asked")));
    expect(log).toMatchObject([{ reason: "I changed it.", byId: scene.ada.person.id }]);
    const mail = await t.mail.lastTo(scene.grace.person.email);
    expect(mail.text).toContain("Ada Author asks for their hidden message");
    const page = await scene.grace.browser.get(scene.paths.reports);
    expect(page.body).toContain("Its author asked for it to be shown again");
    expect(page.body).toContain("I changed it.");

    const again = await scene.ada.browser.post(scene.paths.post("/ask-back"), { message: "" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("You have asked already.");
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(like(auditEvents.action, "moderation.%"), eq(auditEvents.subjectId, scene.post.id)),
      );
    expect(audit.map((a) => a.action).sort()).toEqual([
      "moderation.hidden",
      "moderation.restore_asked",
    ]);
    expect(JSON.stringify(audit)).not.toContain("changed it");
  });
});

describe("a reporter's own data", () => {
  it("holds their reports in their copy of their data, and erasing the account takes their words, not the report", async () => {
    const scene = await boardWithPost();
    await report(scene, "unkind", "It named Bruno in front of all.");
    const exported = await scene.rita.browser.get("/account/export");
    expect(exported.statusCode).toBe(200);
    expect(exported.json().moderation).toMatchObject([
      { postId: scene.post.id, reason: "unkind", details: "It named Bruno in front of all." },
    ]);
    await deleteAccount(t.database.db, scene.rita.person.id, t.clock.now());
    const [left] = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.postId, scene.post.id));
    expect(left).toMatchObject({ reporterId: null, details: "", reason: "unkind", state: "open" });
  });
});

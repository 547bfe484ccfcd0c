import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
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

const WORDS = "Nobody here understands anything.";

/** A facilitator, an author, a reporter and a reader; the author's post, and where things are. */
async function scene(authorRole: "member" | "facilitator" = "member") {
  const group = await createGroup(t, { name: "Caffè del giovedì" });
  const grace = await personWithSession(t, { displayName: "Grace Lead", language: "en" });
  const ada = await personWithSession(t, { displayName: "Ada Author", language: "en" });
  const rita = await personWithSession(t, { displayName: "Rita Reporter", language: "en" });
  const marco = await personWithSession(t, { displayName: "Marco Reader", language: "en" });
  const joined = new Date("2026-03-01T09:00:00.000Z");
  await addMember(t, group.id, grace.person.id, "facilitator", joined);
  await addMember(t, group.id, ada.person.id, authorRole, joined);
  await addMember(t, group.id, rita.person.id, "member", joined);
  await addMember(t, group.id, marco.person.id, "member", joined);
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
  const api = `/api/v1/groups/${group.slug}/board`;
  return {
    group,
    grace,
    ada,
    rita,
    marco,
    post,
    urls: {
      report: `${api}/posts/${post.id}/reports`,
      hide: `${api}/posts/${post.id}/hide`,
      restore: `${api}/posts/${post.id}/restore`,
      askBack: `${api}/posts/${post.id}/ask-back`,
      reports: `${api}/reports`,
      thread: `${api}/threads/${post.threadId}`,
    },
  };
}

type Post = {
  id: string;
  shown: string;
  body: string | null;
  hidden: { reason: string } | null;
  abilities: Record<string, boolean>;
};
const postIn = (body: unknown, id: string) =>
  (body as { posts: Post[] }).posts.find((p) => p.id === id)!;

describe("moderation through the JSON API", () => {
  it("reports a post (201), then refuses a second report and a report of one's own post with 409", async () => {
    const s = await scene();
    const made = await s.rita.browser.json("POST", s.urls.report, {
      reason: "personal_details",
      details: "It says where Bruno works.",
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      postId: s.post.id,
      reason: "personal_details",
      details: "It says where Bruno works.",
      state: "open",
    });
    const twice = await s.rita.browser.json("POST", s.urls.report, { reason: "other" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_reported");
    const own = await s.ada.browser.json("POST", s.urls.report, { reason: "other" });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("own_post");
    const rows = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.postId, s.post.id));
    expect(rows).toHaveLength(1);
    const thread = await s.rita.browser.json("GET", s.urls.thread);
    expect(postIn(thread.json(), s.post.id).abilities["post.report"]).toBe(true);
    const ownThread = await s.ada.browser.json("GET", s.urls.thread);
    expect(postIn(ownThread.json(), s.post.id).abilities["post.report"]).toBe(false);
  });

  it("lists the reports for those who lead (403 to a member, 404 to someone outside)", async () => {
    const s = await scene();
    await s.rita.browser.json("POST", s.urls.report, { reason: "unkind", details: "Harsh." });
    const list = await s.grace.browser.json("GET", s.urls.reports);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.open).toHaveLength(1);
    expect(body.open[0].post.body).toBe(WORDS);
    expect(body.open[0].reports[0]).toMatchObject({
      reason: "unkind",
      details: "Harsh.",
      reporter: { id: s.rita.person.id, name: "Rita Reporter" },
      state: "open",
    });
    expect(body.open[0].abilities).toEqual({
      "post.hide": true,
      "post.restore": false,
      "report.leave_up": true,
    });
    const member = await s.marco.browser.json("GET", s.urls.reports);
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe("not_leading");
    const stranger = await personWithSession(t);
    expect((await stranger.browser.json("GET", s.urls.reports)).statusCode).toBe(404);
  });

  it("hides, asks back and restores, each step logged, with the author's notice and the others' placeholder", async () => {
    const s = await scene();
    await s.rita.browser.json("POST", s.urls.report, { reason: "unkind" });
    const hidden = await s.grace.browser.json("POST", s.urls.hide, { reason: "Too harsh." });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({
      post: {
        id: s.post.id,
        author: { id: s.ada.person.id, name: "Ada Author" },
        hidden: { reason: "Too harsh." },
      },
      reportsActedOn: 1,
    });
    const again = await s.grace.browser.json("POST", s.urls.hide, { reason: "Again." });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_hidden");

    const reader = postIn((await s.marco.browser.json("GET", s.urls.thread)).json(), s.post.id);
    expect(reader).toMatchObject({ shown: "hidden", body: null, hidden: null });
    const author = postIn((await s.ada.browser.json("GET", s.urls.thread)).json(), s.post.id);
    expect(author).toMatchObject({ shown: "words", body: WORDS, hidden: { reason: "Too harsh." } });
    expect(author.abilities["post.ask_back"]).toBe(true);

    const asked = await s.ada.browser.json("POST", s.urls.askBack, { message: "Please." });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({ postId: s.post.id, asked: true });
    const twice = await s.ada.browser.json("POST", s.urls.askBack, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_asked");
    const notYours = await s.marco.browser.json("POST", s.urls.askBack, {});
    expect(notYours.statusCode).toBe(403);

    const list = (await s.grace.browser.json("GET", s.urls.reports)).json();
    expect(list.hidden[0].askedBack.message).toBe("Please.");
    expect(list.decided[0].reports[0].state).toBe("acted_on");

    const restored = await s.grace.browser.json("POST", s.urls.restore, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.json().post.hidden).toBeNull();
    const visible = postIn((await s.marco.browser.json("GET", s.urls.thread)).json(), s.post.id);
    expect(visible).toMatchObject({ shown: "words", body: WORDS });
    const restoreTwice = await s.grace.browser.json("POST", s.urls.restore, {});
    expect(restoreTwice.statusCode).toBe(409);
    expect(restoreTwice.json().error.code).toBe("not_hidden");

    const steps = await t.database.db
      .select({ step: moderationLog.step })
      .from(moderationLog)
      .where(eq(moderationLog.postId, s.post.id));
    expect(steps.map((r) => r.step).sort()).toEqual(["hidden", "restore_asked", "restored"]);
  });

  it("lets the author ask again after a second hiding: once for each time it is hidden", async () => {
    const s = await scene();
    await s.grace.browser.json("POST", s.urls.hide, { reason: "One." });
    expect((await s.ada.browser.json("POST", s.urls.askBack, {})).statusCode).toBe(201);
    await s.grace.browser.json("POST", s.urls.restore, {});
    await s.grace.browser.json("POST", s.urls.hide, { reason: "Two." });
    expect((await s.ada.browser.json("POST", s.urls.askBack, {})).statusCode).toBe(201);
    expect((await s.ada.browser.json("POST", s.urls.askBack, {})).statusCode).toBe(409);
  });

  it("leaves a report up, deciding every open report of the post", async () => {
    const s = await scene();
    await s.rita.browser.json("POST", s.urls.report, { reason: "unkind" });
    await s.marco.browser.json("POST", s.urls.report, { reason: "off_topic" });
    const [first] = await t.database.db
      .select()
      .from(postReports)
      .where(eq(postReports.reporterId, s.rita.person.id));
    const url = `/api/v1/groups/${s.group.slug}/board/reports/${first!.id}/leave-up`;
    const member = await s.marco.browser.json("POST", url, {});
    expect(member.statusCode).toBe(403);
    const left = await s.grace.browser.json("POST", url, {});
    expect(left.statusCode).toBe(200);
    expect(left.json().reportIds).toHaveLength(2);
    const again = await s.grace.browser.json("POST", url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_decided");
  });
});

describe("the reporter's identity", () => {
  it("is never in what the author reads: pages, e-mails and JSON", async () => {
    const s = await scene();
    await s.rita.browser.json("POST", s.urls.report, {
      reason: "unkind",
      details: "Rita here: this hurt me.",
    });
    await s.grace.browser.json("POST", s.urls.hide, { reason: "It hurt someone." });
    await s.ada.browser.json("POST", s.urls.askBack, { message: "I am sorry." });
    const slug = s.group.slug;
    const pages = [
      `/groups/${slug}/board`,
      `/groups/${slug}/board/threads/${s.post.threadId}`,
      `/groups/${slug}/board/posts/${s.post.id}/edit`,
      `/groups/${slug}/board/posts/${s.post.id}/ask-back`,
      `/groups/${slug}/board/reports`,
      s.urls.thread,
      s.urls.reports,
      `/api/v1/groups/${slug}/board`,
    ];
    const seen: string[] = [];
    for (const url of pages) {
      const response = url.startsWith("/api/")
        ? await s.ada.browser.json("GET", url)
        : await s.ada.browser.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
      seen.push(response.body);
    }
    for (const mail of t.mail.messages.filter((m) => m.to.includes(s.ada.person.email))) {
      seen.push(mail.subject, mail.text, mail.html);
    }
    expect(seen.join("\n")).toContain("It hurt someone.");
    for (const secret of ["Rita", s.rita.person.id, "this hurt me"]) {
      expect(seen.join("\n")).not.toContain(secret);
    }
  });

  it("is withheld from an author who leads the group and reads the reports of their own post", async () => {
    const s = await scene("facilitator");
    await s.rita.browser.json("POST", s.urls.report, {
      reason: "unkind",
      details: "Rita here: this hurt me.",
    });
    const page = await s.ada.browser.get(`/groups/${s.group.slug}/board/reports`);
    const list = await s.ada.browser.json("GET", s.urls.reports);
    expect(page.statusCode).toBe(200);
    expect(list.json().open[0].reports[0]).toMatchObject({
      reason: "unkind",
      reporter: null,
      details: null,
    });
    const mails = t.mail.messages.filter((m) => m.to.includes(s.ada.person.email));
    expect(mails).toHaveLength(1);
    const everything = [page.body, list.body, ...mails.map((m) => m.text + m.html)].join("\n");
    for (const secret of ["Rita", s.rita.person.id, "this hurt me"]) {
      expect(everything).not.toContain(secret);
    }
    // Another facilitator reads who reported it.
    const other = await s.grace.browser.json("GET", s.urls.reports);
    expect(other.json().open[0].reports[0].reporter.name).toBe("Rita Reporter");
  });
});

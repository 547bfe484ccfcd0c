import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { boardPosts } from "../board/tables.js";
import { crisisAlerts } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.mail.clear();
});

/** Grace and Piero facilitate; Ada and Marco Rossi are members. */
async function scene() {
  const group = await createGroup(t, { languages: ["en"] });
  const joined = new Date(t.clock.now().getTime() - 48 * 3_600_000);
  const add = async (name: string, role: "member" | "facilitator") => {
    const found = await personWithSession(t, { displayName: name });
    await addMember(t, group.id, found.person.id, role, joined);
    return found;
  };
  return {
    group,
    grace: await add("Grace", "facilitator"),
    piero: await add("Piero", "facilitator"),
    ada: await add("Ada", "member"),
    marco: await add("Marco Rossi", "member"),
  };
}
type Scene = Awaited<ReturnType<typeof scene>>;
type Someone = Scene["ada"];

async function posts(s: Scene, who: Someone, body = "The appointment went badly. I'm so tired.") {
  t.clock.advance(10_000);
  const posted = await who.browser.post(`/groups/${s.group.slug}/board/threads`, {
    title: "This week",
    body,
  });
  expect(posted.statusCode).toBe(303);
  const [post] = await t.database.db
    .select()
    .from(boardPosts)
    .where(eq(boardPosts.authorId, who.person.id));
  return post!;
}

const worriedPath = (s: Scene, postId: string) =>
  `/groups/${s.group.slug}/board/posts/${postId}/worried`;
const alertMail = (email: string) =>
  t.mail.messages.filter((m) => m.to.includes(email) && /may need support/.test(m.subject));

describe("I'm worried about this person", () => {
  it("tells those who look after the group privately, once per member and post", async () => {
    const s = await scene();
    const post = await posts(s, s.ada);
    const page = await s.marco.browser.get(worriedPath(s, post.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Worried about Ada?");
    expect(page.body).toContain("Ada will not be told who it was");
    const sent = await s.marco.browser.post(worriedPath(s, post.id), {
      note: "She said she has stopped eating.",
    });
    expect(sent.statusCode).toBe(303);
    const back = `/groups/${s.group.slug}/board/threads/${post.threadId}#post-${post.id}`;
    expect(sent.headers.location).toBe(back);
    expect((await s.marco.browser.get(back)).body).toContain("have been told, privately");
    const [alert, ...more] = await t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, s.group.id));
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      source: "worried",
      subjectId: s.ada.person.id,
      raisedBy: s.marco.person.id,
      postId: post.id,
      state: "new",
    });
    await t.runJobs();
    // The same words a second time: thanked, and nothing changes.
    const again = await s.marco.browser.post(worriedPath(s, post.id), { note: "Again." });
    expect(again.statusCode).toBe(303);
    expect((await s.marco.browser.get(back)).body).toContain("You already told them; thank you.");
    const api = await s.marco.browser.json(
      "POST",
      `/api/v1/groups/${s.group.slug}/board/posts/${post.id}/worried`,
      { note: "" },
    );
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({ error: { code: "already_told" } });
    await t.runJobs();
    expect(
      await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.groupId, s.group.id)),
    ).toHaveLength(1);
    expect(alertMail(s.grace.person.email)).toHaveLength(1);
    expect(alertMail(s.piero.person.email)).toHaveLength(1);
    const mail = alertMail(s.grace.person.email)[0]!;
    expect(mail.text).toContain("is worried about someone");
    for (const words of ["Marco", "Ada", "stopped eating", "appointment"]) {
      expect(mail.text).not.toContain(words);
    }
    // Those who handle the alert see who was worried, and the note.
    const opened = await s.grace.browser.get(`/groups/${s.group.slug}/alerts/${alert!.id}`);
    expect(opened.body).toContain("Marco Rossi was worried");
    expect(opened.body).toContain("She said she has stopped eating.");
  });

  it("never tells the person it is about who raised it: no page, JSON or e-mail of theirs names them", async () => {
    const s = await scene();
    const post = await posts(s, s.ada, "Since the funeral I can't sleep.");
    await s.marco.browser.post(worriedPath(s, post.id), { note: "" });
    await t.runJobs();
    const [alert] = await t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, s.group.id));
    const slug = s.group.slug;
    const seenByAda: [string, number][] = [
      [`/groups/${slug}/board`, 200],
      [`/groups/${slug}/board/threads/${post.threadId}`, 200],
      [`/groups/${slug}/urgent-help?post=${post.id}`, 200],
      [`/groups/${slug}/alerts`, 403],
      [`/groups/${slug}/alerts/${alert!.id}`, 403],
      [`/api/v1/groups/${slug}/board`, 200],
      [`/api/v1/groups/${slug}/board/threads/${post.threadId}`, 200],
      [`/api/v1/groups/${slug}/board/posts/${post.id}`, 200],
      [`/api/v1/groups/${slug}/alerts`, 403],
      [`/api/v1/groups/${slug}/alerts/${alert!.id}`, 403],
      ["/account/export", 200],
    ];
    for (const [url, status] of seenByAda) {
      const response = url.startsWith("/api/")
        ? await s.ada.browser.json("GET", url)
        : await s.ada.browser.get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.body, url).not.toContain("Marco");
      expect(response.body, url).not.toContain(s.marco.person.id);
    }
    const toAda = t.mail.messages.filter((m) => m.to.includes(s.ada.person.email));
    for (const mail of toAda) {
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain("Marco");
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(s.marco.person.id);
    }
  });

  it("keeps an alert about a facilitator from that facilitator, and goes to the others", async () => {
    const s = await scene();
    const post = await posts(s, s.grace);
    await s.marco.browser.post(worriedPath(s, post.id), { note: "" });
    await t.runJobs();
    const [alert] = await t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, s.group.id));
    expect(alertMail(s.grace.person.email)).toHaveLength(0);
    expect(alertMail(s.piero.person.email)).toHaveLength(1);
    const list = await s.grace.browser.json("GET", `/api/v1/groups/${s.group.slug}/alerts`);
    expect(list.json().alerts).toEqual([]);
    const one = await s.grace.browser.get(`/groups/${s.group.slug}/alerts/${alert!.id}`);
    expect(one.statusCode).toBe(404);
    expect(one.body).not.toContain("Marco");
    const forPiero = await s.piero.browser.json("GET", `/api/v1/groups/${s.group.slug}/alerts`);
    expect(forPiero.json().alerts.map((a: { id: string }) => a.id)).toEqual([alert!.id]);
  });

  it("is offered on others' posts only, never on one's own", async () => {
    const s = await scene();
    const post = await posts(s, s.ada);
    const thread = `/groups/${s.group.slug}/board/threads/${post.threadId}`;
    expect((await s.marco.browser.get(thread)).body).toContain(worriedPath(s, post.id));
    expect((await s.ada.browser.get(thread)).body).not.toContain(worriedPath(s, post.id));
    const asJson = (who: Someone) =>
      who.browser.json("GET", `/api/v1/groups/${s.group.slug}/board/posts/${post.id}`);
    expect(JSON.stringify((await asJson(s.marco)).json())).toContain('"crisis.worried":true');
    expect(JSON.stringify((await asJson(s.ada)).json())).toContain('"crisis.worried":false');
    expect((await s.ada.browser.get(worriedPath(s, post.id))).statusCode).toBe(403);
    expect((await s.ada.browser.post(worriedPath(s, post.id), { note: "" })).statusCode).toBe(403);
    const own = await s.ada.browser.json("POST", `/api/v1${worriedPath(s, post.id)}`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { code: "own_post" } });
    expect(
      await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.groupId, s.group.id)),
    ).toHaveLength(0);
  });
});

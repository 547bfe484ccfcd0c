import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEventStream } from "../../../infra/realtime/event-stream-client.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../../test/factories.js";

// Two app instances on one database, as behind a load balancer, each on a real port: the stream
// is read over a socket as a browser's EventSource reads it.
let one: TestApp;
let two: TestApp;
let oneUrl: string;
let twoUrl: string;
beforeAll(async () => {
  one = await buildTestApp();
  two = await buildTestApp({ sharing: one });
  oneUrl = await one.app.listen({ host: "127.0.0.1", port: 0 });
  twoUrl = await two.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await two.close();
  await one.close();
});

async function boardWithTwoMembers() {
  const group = await createGroup(one);
  const grace = await personWithSession(one, { displayName: "Grace" });
  const ada = await personWithSession(one, { displayName: "Ada" });
  const marco = await personWithSession(one, { displayName: "Marco" });
  const joined = new Date("2026-03-01T09:00:00.000Z");
  await addMember(one, group.id, grace.person.id, "facilitator", joined);
  await addMember(one, group.id, ada.person.id, "member", joined);
  await addMember(one, group.id, marco.person.id, "member", joined);
  return { group, grace, ada, marco };
}

const sessionOf = (who: { browser: { cookies: Map<string, string> } }) =>
  `__Host-mutua_session=${who.browser.cookies.get("__Host-mutua_session")}`;

describe("the board, live", () => {
  // How fast is measured where the machine's load cannot make a test fail: `npm run bench -- live`
  // (one post to 1,000 open boards, p99, on one instance and across two).
  it("brings a post made on one instance to a member's open board on another", async () => {
    const { group, ada, marco } = await boardWithTwoMembers();
    const stream = await connectEventStream(`${oneUrl}/groups/${group.slug}/board/live`, {
      cookie: sessionOf(ada),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/);
    // Marco's browser is served by the other instance.
    const posted = await fetch(`${twoUrl}/api/v1/groups/${group.slug}/board/threads`, {
      method: "POST",
      headers: { cookie: sessionOf(marco), "content-type": "application/json" },
      body: JSON.stringify({ title: "Thursday", body: "Is anyone free for a walk?" }),
    });
    expect(posted.status).toBe(201);
    const { threadId } = (await posted.json()) as { threadId: string };
    const event = await stream.waitFor((e) => e.event === "post", 10_000);
    expect(JSON.parse(event.data).threadId).toBe(threadId);
    // The event names what changed, never the words.
    expect(event.data).not.toContain("walk");
    expect(Number(event.id)).toBeGreaterThan(0);
    stream.close();
  });

  it("resumes after the last event a browser had, sending what it missed once", async () => {
    const { group, ada, marco } = await boardWithTwoMembers();
    const first = await connectEventStream(`${oneUrl}/groups/${group.slug}/board/live`, {
      cookie: sessionOf(ada),
    });
    const post = (title: string) =>
      fetch(`${twoUrl}/api/v1/groups/${group.slug}/board/threads`, {
        method: "POST",
        headers: { cookie: sessionOf(marco), "content-type": "application/json" },
        body: JSON.stringify({ title, body: "Hello" }),
      });
    await post("One");
    const seen = await first.waitFor((e) => e.event === "post");
    first.close();
    two.clock.advance(6_000);
    await post("Two");
    two.clock.advance(6_000);
    await post("Three");
    const again = await connectEventStream(`${twoUrl}/groups/${group.slug}/board/live`, {
      cookie: sessionOf(ada),
      "last-event-id": seen.id!,
    });
    await again.waitFor(() => again.events.filter((e) => e.event === "post").length >= 2);
    const ids = again.events.filter((e) => e.event === "post").map((e) => Number(e.id));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeGreaterThan(Number(seen.id));
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    again.close();
  });

  it("ends a removed member's open streams on every instance, and refuses them after", async () => {
    const { group, grace, ada } = await boardWithTwoMembers();
    const onOne = await connectEventStream(`${oneUrl}/groups/${group.slug}/board/live`, {
      cookie: sessionOf(ada),
    });
    const onTwo = await connectEventStream(`${twoUrl}/groups/${group.slug}/board/live`, {
      cookie: sessionOf(ada),
    });
    const removed = await fetch(`${twoUrl}/api/v1/groups/${group.slug}/members/${ada.person.id}`, {
      method: "DELETE",
      headers: { cookie: sessionOf(grace) },
    });
    expect(removed.status).toBe(200);
    // Both streams end by themselves: the browser is told to stop rather than reconnect.
    await Promise.all([onOne.ended, onTwo.ended]);
    expect(onOne.events.at(-1)?.event).toBe("end");
    const refused = await fetch(`${oneUrl}/groups/${group.slug}/board/live`, {
      headers: { cookie: sessionOf(ada), accept: "text/event-stream" },
    });
    expect(refused.status).toBe(404);
  });

  it("answers 404 to a stranger's stream, as for a board that does not exist", async () => {
    const { group } = await boardWithTwoMembers();
    const stranger = await personWithSession(one);
    const refused = await fetch(`${oneUrl}/groups/${group.slug}/board/live`, {
      headers: { cookie: sessionOf(stranger), accept: "text/event-stream" },
    });
    expect(refused.status).toBe(404);
    const api = await fetch(`${oneUrl}/api/v1/groups/${group.slug}/board/live`, {
      headers: { accept: "text/event-stream" },
    });
    expect(api.status).toBe(401);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { meetingResponses, meetings } from "./tables.js";
import { planMeetings } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function scene() {
  const row = await createGroup(t, { handoverAt: new Date("2026-03-01T00:00:00Z") });
  const group = (await getGroupBySlug(t.database.db, row.slug))!;
  await planMeetings(t.database.db, group, t.clock.now());
  const ada = await personWithSession(t, { displayName: "Ada" });
  const luca = await personWithSession(t, { displayName: "Luca" });
  await addMember(t, group.id, ada.person.id);
  await addMember(t, group.id, luca.person.id, "guide");
  const [first] = await t.database.db
    .select()
    .from(meetings)
    .where(eq(meetings.groupId, group.id))
    .orderBy(meetings.startsAt)
    .limit(1);
  await t.database.db
    .update(meetings)
    .set({ facilitatorId: ada.person.id })
    .where(eq(meetings.id, first!.id));
  return { group, ada, luca, first: first! };
}

describe("the meetings API", () => {
  it("lists the coming meetings with the member's abilities and answers", async () => {
    const { group, ada, first } = await scene();
    const answered = await ada.browser.json(
      "PUT",
      `/api/v1/groups/${group.slug}/meetings/${first.id}/answer`,
      { answer: "yes" },
    );
    expect(answered.statusCode).toBe(200);
    const listed = await ada.browser.json("GET", `/api/v1/groups/${group.slug}/meetings`);
    expect(listed.statusCode).toBe(200);
    const body = listed.json();
    expect(body.timeZone).toBe("Europe/Rome");
    expect(body.meetings).toHaveLength(13);
    const [meeting] = body.meetings;
    expect(meeting).toMatchObject({
      id: first.id,
      startsAt: "2026-03-10T09:30:00.000Z",
      status: "scheduled",
      facilitator: "Ada",
      myAnswer: "yes",
      coming: 1,
    });
    expect(meeting.abilities["meeting.respond"]).toBe(true);
    expect(meeting.abilities["meeting.change"]).toBe(false);
  });

  it("stops counting and naming someone as coming once they leave the group or are removed", async () => {
    const { group, ada, first } = await scene();
    const marco = await personWithSession(t, { displayName: "Marco" });
    const bruna = await personWithSession(t, { displayName: "Bruna" });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, group.id, marco.person.id);
    await addMember(t, group.id, bruna.person.id);
    await addMember(t, group.id, grace.person.id, "facilitator");
    for (const person of [ada, marco, bruna]) {
      const answered = await person.browser.json(
        "PUT",
        `/api/v1/groups/${group.slug}/meetings/${first.id}/answer`,
        { answer: "yes" },
      );
      expect(answered.statusCode).toBe(200);
    }
    const coming = async () =>
      (await ada.browser.json("GET", `/api/v1/groups/${group.slug}/meetings`)).json().meetings[0]
        .coming;
    const page = () => ada.browser.get(`/groups/${group.slug}/meetings/${first.id}`);
    expect(await coming()).toBe(3);
    expect((await page()).body).toContain("Marco");

    expect((await marco.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    const removed = await grace.browser.post(
      `/groups/${group.slug}/members/${bruna.person.id}/remove`,
    );
    expect(removed.statusCode).toBe(303);
    expect(await coming()).toBe(1);
    const after = (await page()).body;
    expect(after).not.toContain("Marco");
    expect(after).not.toContain("Bruna");
  });

  it("shows an observer the meetings but not who takes part, and lets them answer nothing", async () => {
    const { group, luca, first } = await scene();
    const listed = await luca.browser.json("GET", `/api/v1/groups/${group.slug}/meetings`);
    expect(listed.statusCode).toBe(200);
    const [meeting] = listed.json().meetings;
    expect(meeting.facilitator).toBeNull();
    expect(meeting.coming).toBeNull();
    const tried = await luca.browser.json(
      "PUT",
      `/api/v1/groups/${group.slug}/meetings/${first.id}/answer`,
      { answer: "yes" },
    );
    expect(tried.statusCode).toBe(404);
  });

  it("refuses a bad answer or an unknown field with a JSON problem, saving nothing", async () => {
    const { group, ada, first } = await scene();
    for (const body of [{ answer: "perhaps" }, { answer: "yes", extra: 1 }, {}]) {
      const response = await ada.browser.json(
        "PUT",
        `/api/v1/groups/${group.slug}/meetings/${first.id}/answer`,
        body,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBeTypeOf("string");
    }
    const saved = await t.database.db
      .select()
      .from(meetingResponses)
      .where(eq(meetingResponses.meetingId, first.id));
    expect(saved).toHaveLength(0);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/groups/{slug}/meetings",
        "/api/v1/groups/{slug}/meetings/{meetingId}/answer",
      ]),
    );
  });
});

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

  it("adds, moves and cancels a meeting as the pages do, and says so when it is done already", async () => {
    const { group, first } = await scene();
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, group.id, grace.person.id, "facilitator");
    const listed = `/api/v1/groups/${group.slug}/meetings`;
    const added = await grace.browser.json("POST", listed, {
      date: "2026-04-02",
      startTime: "17:00",
      endTime: "18:30",
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      startsAt: "2026-04-02T15:00:00.000Z",
      status: "scheduled",
    });
    const moved = await grace.browser.json("POST", `${listed}/${first.id}/move`, {
      date: "2026-03-12",
      startTime: "15:00",
      reason: "The hall is closed.",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ moved: true, startsAt: "2026-03-12T14:00:00.000Z" });
    const cancel = () =>
      grace.browser.json("POST", `${listed}/${first.id}/cancel`, { reason: "Too few of us." });
    expect((await cancel()).json()).toMatchObject({ status: "cancelled" });
    // The page sends a second sending back to the meeting; the API says it is cancelled already.
    const again = await cancel();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_cancelled");
  });

  it("answers bad input to each form's JSON twin with a problem, never an error, saving nothing", async () => {
    const { group, first } = await scene();
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, group.id, grace.person.id, "facilitator");
    const outsider = await personWithSession(t, { displayName: "Someone else" });
    const listed = `/api/v1/groups/${group.slug}/meetings`;
    const meeting = `${listed}/${first.id}`;
    const before = await t.database.db
      .select()
      .from(meetings)
      .where(eq(meetings.groupId, group.id));
    const tries: [string, "POST" | "PUT", string, unknown, number][] = [
      [
        "a meeting in the past",
        "POST",
        listed,
        { date: "2026-03-09", startTime: "10:00", endTime: "11:00" },
        422,
      ],
      ["no date", "POST", listed, { startTime: "10:00", endTime: "11:00" }, 400],
      [
        "a number for a date, a list for a time",
        "POST",
        listed,
        { date: 42, startTime: "x", endTime: [] },
        400,
      ],
      [
        "a move to the past",
        "POST",
        `${meeting}/move`,
        { date: "2026-03-01", startTime: "10:00", reason: "No." },
        422,
      ],
      [
        "a reason with a NUL byte",
        "POST",
        `${meeting}/move`,
        { date: "2026-03-12", startTime: "10:00", reason: "\u0000" },
        400,
      ],
      ["no reason to cancel", "POST", `${meeting}/cancel`, {}, 400],
      [
        "someone outside the group",
        "PUT",
        `${meeting}/facilitator`,
        { personId: outsider.person.id },
        422,
      ],
      ["a number for a person", "PUT", `${meeting}/facilitator`, { personId: 5 }, 400],
      ["a theme of markup", "PUT", `${meeting}/theme`, { theme: "<b>hi</b>" }, 400],
      [
        "an e-mail there is not",
        "PUT",
        `/api/v1/groups/${group.slug}/reminders`,
        { emails: ["daily"] },
        400,
      ],
    ];
    for (const [what, method, url, body, status] of tries) {
      const response = await grace.browser.json(method, url, body);
      expect(response.statusCode, what).toBe(status);
      expect(response.json().error.code, what).toBeTypeOf("string");
    }
    const after = await t.database.db.select().from(meetings).where(eq(meetings.groupId, group.id));
    expect(after).toEqual(before);
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

import { afterAll, beforeAll, expect, it } from "vitest";
import { getGroupBySlug } from "../src/features/groups/reads.js";
import { planMeetings } from "../src/features/meetings/writes.js";
import { addMember, createGroup } from "../src/test/factories.js";
import { describeInBrowser, type E2E, signedInContext, startE2E, visit } from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

/** A browser signed in as a new person, with JavaScript on or off. */
const signedIn = (e2e: E2E, name: string, javaScriptEnabled = true) =>
  signedInContext(e2e, { displayName: name }, { javaScriptEnabled });

describeInBrowser("a group's meetings", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function plannedGroup() {
    const row = await createGroup(e2e.t, {
      format: "hybrid",
      videoUrl: "https://video.example/caffe",
      phoneNumber: "+39 0461 000111",
      phonePin: "4321",
    });
    const group = (await getGroupBySlug(e2e.t.database.db, row.slug))!;
    await planMeetings(e2e.t.database.db, group, e2e.t.clock.now());
    return group;
  }

  it("lets a member answer, volunteer and say they came, with JavaScript off", async () => {
    const group = await plannedGroup();
    const { person, context } = await signedIn(e2e, "Ada", false);
    await addMember(e2e.t, group.id, person.id);
    const list = await visit(context, `/groups/${group.slug}`);
    await list.getByRole("link", { name: "Meetings", exact: true }).click();
    await list.getByRole("button", { name: "Yes, I will come" }).first().click();
    expect(await list.getByText("Thank you. Your answer is saved.").isVisible()).toBe(true);
    expect(await list.getByText("You said you will come.").isVisible()).toBe(true);
    await list.getByRole("button", { name: "I will facilitate this meeting" }).click();
    expect(
      await list.getByText("Thank you for offering to facilitate this meeting.").isVisible(),
    ).toBe(true);
    expect(await list.getByText("Facilitated by Ada.").isVisible()).toBe(true);

    // The meeting has begun: Ada says she is here.
    e2e.t.clock.advance(45 * 60_000);
    try {
      await list.reload();
      await list.getByRole("button", { name: "I am here" }).click();
      expect(await list.getByText("Thank you. You are recorded as here.").isVisible()).toBe(true);
      expect(await list.getByRole("listitem").filter({ hasText: /^Ada$/ }).count()).toBe(1);
    } finally {
      e2e.t.clock.advance(-45 * 60_000);
    }
  });

  it("has no barriers on the meetings, a meeting, the rota, reminders and the facilitators' forms", async () => {
    const group = await plannedGroup();
    const { person, context } = await signedIn(e2e, "Grace");
    await addMember(e2e.t, group.id, person.id, "facilitator");
    const list = await visit(context, `/groups/${group.slug}/meetings`);
    await expectNoBarriers(list, "the meetings of a group");
    const meetingPath = await list
      .getByRole("heading", { level: 2 })
      .first()
      .getByRole("link")
      .getAttribute("href");
    await expectNoBarriers(await visit(context, meetingPath!), "a meeting");
    for (const [path, what] of [
      [`/groups/${group.slug}/rota`, "the rota"],
      [`/groups/${group.slug}/reminders`, "the choice of reminders"],
      [`/groups/${group.slug}/members`, "the members and their roles"],
      [`/groups/${group.slug}/handover`, "the guide's handover"],
      [`/groups/${group.slug}/meetings/new`, "a new meeting"],
      [`${meetingPath}/facilitator`, "choosing who facilitates"],
      [`${meetingPath}/cancel`, "cancelling a meeting"],
    ] as const) {
      await expectNoBarriers(await visit(context, path), what);
    }
    const move = await visit(context, `${meetingPath}/move`);
    await move.getByRole("button", { name: "Move the meeting and tell the members" }).click();
    expect(await move.title()).toMatch(/^Error: /);
    await expectNoBarriers(move, "moving a meeting, with errors");

    e2e.t.clock.advance(45 * 60_000);
    await expectNoBarriers(await visit(context, `${meetingPath}/attendance`), "recording who came");
    e2e.t.clock.advance(-45 * 60_000);
  });
});

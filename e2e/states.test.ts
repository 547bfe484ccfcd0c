import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getGroupBySlug } from "../src/features/groups/reads.js";
import { issueUnsubscribeLink } from "../src/features/meetings/reminders/writes.js";
import { planMeetings } from "../src/features/meetings/writes.js";
import { addMember, addWaiting, createGroup, createPerson } from "../src/test/factories.js";
import { describeInBrowser, type E2E, signedInContext, startE2E, visit } from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

const DAY = 86_400_000;

/**
 * The pages a person sees in the less common states: waiting for a place, holding one, asked
 * to accept a changed agreement, a guide after the handover, a form that no longer applies, a
 * town the directory does not know, an unsubscribe link.
 */
describeInBrowser("pages in every state a person can be in", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function fullGroup() {
    const group = await createGroup(e2e.t, { capacity: 3, name: "Caffè pieno" });
    for (const name of ["Anna", "Bruno", "Carla"]) {
      await addMember(e2e.t, group.id, (await createPerson(e2e.t, { displayName: name })).id);
    }
    return group;
  }

  it("has no barriers while waiting for a place, or holding one", async () => {
    const group = await fullGroup();
    const newcomer = await signedInContext(e2e, { displayName: "Nina" });
    const join = await visit(newcomer.context, `/groups/${group.slug}/join`);
    expect(await join.textContent("body")).toContain("put me on the waiting list");
    await expectNoBarriers(join, "joining a full group: the waiting list");

    const waiting = await signedInContext(e2e, { displayName: "Walter" });
    await addWaiting(e2e.t, group.id, waiting.person.id, "waitlisted");
    const queued = await visit(waiting.context, `/groups/${group.slug}`);
    expect(await queued.textContent("body")).toContain("You are first on the waiting list.");
    await expectNoBarriers(queued, "the group's page, for someone waiting");

    const now = e2e.t.clock.now();
    await e2e.t.database.db.execute(
      sql`update memberships set offered_at = ${now.toISOString()}::timestamptz,
            offer_expires_at = ${new Date(now.getTime() + 3 * DAY).toISOString()}::timestamptz
          where group_id = ${group.id} and person_id = ${waiting.person.id}`,
    );
    await expectNoBarriers(
      await visit(waiting.context, `/groups/${group.slug}`),
      "the group's page, for someone offered a place",
    );
  });

  it("has no barriers on a form that no longer applies, nor on a town the directory does not know", async () => {
    const group = await createGroup(e2e.t, { name: "Caffè aperto" });
    const person = await signedInContext(e2e, { displayName: "Olga" });
    const join = await visit(person.context, `/groups/${group.slug}/join`);
    // Meanwhile, in another tab, she joined.
    await addMember(e2e.t, group.id, person.person.id);
    const [answer] = await Promise.all([
      join.waitForResponse((r) => r.url().endsWith(`/groups/${group.slug}/join`)),
      join.getByRole("button", { name: "I agree, join the group" }).click(),
    ]);
    expect(answer.status()).toBe(409);
    await expectNoBarriers(join, "a form that no longer applies (409)");

    const visitor = await e2e.newContext();
    const unknown = await visit(visitor, "/groups?place=Nowhereville-on-Sea", 400);
    expect(await unknown.title()).toMatch(/^Error: /);
    await expectNoBarriers(unknown, "the directory, with a town it does not know");
  });

  it("has no barriers on accepting a changed agreement, nor on the unsubscribe link", async () => {
    const group = await createGroup(e2e.t, { name: "Caffè del lunedì" });
    const member = await signedInContext(e2e, { displayName: "Pia" });
    const before = new Date(e2e.t.clock.now().getTime() - DAY);
    await addMember(e2e.t, group.id, member.person.id, "member", before);
    await e2e.t.database.db.execute(
      sql`update groups set agreement_changed_at = ${e2e.t.clock.now().toISOString()}::timestamptz
          where id = ${group.id}`,
    );
    const home = await visit(member.context, `/groups/${group.slug}`);
    expect(await home.textContent("body")).toContain("The group's agreement has changed");
    await expectNoBarriers(home, "the group's page, asking to accept the agreement again");
    const again = await visit(member.context, `/groups/${group.slug}/agreement`);
    expect(await again.textContent("body")).toContain("I accept the agreement");
    await expectNoBarriers(again, "accepting a changed agreement");

    const token = await issueUnsubscribeLink(
      e2e.t.database.db,
      { groupId: group.id, personId: member.person.id },
      e2e.t.clock.now(),
    );
    const fromMail = await visit(await e2e.newContext(), `/unsubscribe/${token}`);
    await expectNoBarriers(fromMail, "stopping a group's e-mails");
    await fromMail.getByRole("button", { name: "Stop these e-mails" }).click();
    expect(await fromMail.title()).toContain("You will get no more reminders");
    await expectNoBarriers(fromMail, "the group's e-mails stopped");
  });

  it("has no barriers for a guide after the handover", async () => {
    const row = await createGroup(e2e.t, {
      name: "Caffè guidato dai membri",
      handoverAt: new Date(e2e.t.clock.now().getTime() - DAY),
    });
    const guide = await signedInContext(e2e, { displayName: "Giulia" });
    await addMember(e2e.t, row.id, guide.person.id, "guide");
    await addMember(e2e.t, row.id, (await createPerson(e2e.t, { displayName: "Rosa" })).id);
    await planMeetings(
      e2e.t.database.db,
      (await getGroupBySlug(e2e.t.database.db, row.slug))!,
      e2e.t.clock.now(),
    );
    const page = await visit(guide.context, `/groups/${row.slug}`);
    expect(await page.textContent("body")).toMatch(/led by its members/i);
    await expectNoBarriers(page, "the group's page, for its guide after the handover");
    await expectNoBarriers(
      await visit(guide.context, `/groups/${row.slug}/meetings`),
      "the meetings, for the guide after the handover",
    );
    await visit(guide.context, `/groups/${row.slug}/members`, 404);
  });
});

import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onceIn } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, addWaiting, createGroup, personWithSession } from "../../test/factories.js";
import { anotherTransaction } from "../../test/same-moment.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groupDifficulties, groups } from "../groups/tables.js";
import { listUpcomingMeetings } from "../meetings/reads.js";
import { getPreferences } from "../meetings/reminders/reads.js";
import { planMeetings } from "../meetings/writes.js";
import { memberships } from "../memberships/tables.js";
import { splitProposals } from "./tables.js";

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

type Person = Awaited<ReturnType<typeof personWithSession>>;

/** A full group of `size` members, Grace and Carla facilitating, with people waiting. */
async function bigGroup(size: number, waiting = 0) {
  const row = await createGroup(
    t,
    {
      capacity: size,
      agreement: "What is said here stays here.\n\nFirst names only.",
      visibility: "unlisted",
    },
    ["dementia-care", "carers-wellbeing"].slice(0, 1),
  );
  const grace = await personWithSession(t, { displayName: "Grace" });
  const carla = await personWithSession(t, { displayName: "Carla" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, carla.person.id, "facilitator");
  const members: Person[] = [];
  for (let i = 0; i < size - 2; i++) {
    const m = await personWithSession(t, { displayName: `Member ${i + 1}` });
    await addMember(t, row.id, m.person.id);
    members.push(m);
  }
  const queue: Person[] = [];
  for (let i = 0; i < waiting; i++) {
    const w = await personWithSession(t, { displayName: `Waiting ${i + 1}` });
    await addWaiting(t, row.id, w.person.id, "waitlisted");
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    queue.push(w);
  }
  return { row, grace, carla, members, queue };
}

const proposal = (grace: Person, carla: Person) => ({
  name1: "Caffè del martedì",
  weekday1: "2",
  time1: "10:30",
  facilitators1: grace.person.id,
  name2: "Caffè del giovedì",
  weekday2: "4",
  time2: "17.00",
  facilitators2: carla.person.id,
});

async function activeIn(groupId: string) {
  const rows = await t.database.db
    .select({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.state, "active")));
  return rows;
}

describe("splitting a group in two", () => {
  it("makes two groups of a 14-member group with the chosen members, the agreement and the lineage", async () => {
    const { row, grace, carla, members, queue } = await bigGroup(14, 3);
    const slug = row.slug;
    await planMeetings(t.database.db, (await getGroupBySlug(t.database.db, slug))!, t.clock.now());
    const proposed = await grace.browser.post(`/groups/${slug}/split`, proposal(grace, carla));
    expect(proposed.statusCode).toBe(303);
    // Everyone else is asked to choose.
    const asked = await t.mail.lastTo(members[0]!.person.email);
    expect(asked.subject).toContain("please choose your group");

    // Six choose Tuesday, four Thursday, one leaves, one does not answer.
    const choose = async (who: Person, part: string) =>
      expect((await who.browser.post(`/groups/${slug}/split/choice`, { part })).statusCode).toBe(
        303,
      );
    for (const m of members.slice(0, 6)) await choose(m, "1");
    for (const m of members.slice(6, 10)) await choose(m, "2");
    await choose(members[10]!, "2");
    await choose(members[10]!, "leave"); // changed their mind
    const undecided = members[11]!;
    const page = await grace.browser.get(`/groups/${slug}/split`);
    // The times as every other English page writes them.
    expect(page.body).toContain("10:30am");
    expect(page.body).toContain("5pm");
    expect(page.body).toContain("Not chosen yet: Member 12");
    expect(page.body).toContain("Leaving: Member 11");

    // Member 1 wants no e-mails from the group: the choice goes with them.
    await members[0]!.browser.post(`/groups/${slug}/reminders`, {});
    t.mail.clear();
    const done = await grace.browser.post(`/groups/${slug}/split/complete`);
    expect(done.statusCode).toBe(303);

    const children = await t.database.db
      .select()
      .from(groups)
      .where(eq(groups.parentGroupId, row.id));
    expect(children.map((c) => c.name).sort()).toEqual(["Caffè del giovedì", "Caffè del martedì"]);
    const tuesday = children.find((c) => c.name === "Caffè del martedì")!;
    const thursday = children.find((c) => c.name === "Caffè del giovedì")!;
    expect(done.headers.location).toBe(`/groups/${tuesday.slug}`);

    // The chosen members, each in one group only; the undecided member where there was room.
    const inTuesday = await activeIn(tuesday.id);
    const inThursday = await activeIn(thursday.id);
    expect(inTuesday.map((m) => m.personId).sort()).toEqual(
      [grace, ...members.slice(0, 6)].map((m) => m.person.id).sort(),
    );
    expect(inThursday.map((m) => m.personId).sort()).toEqual(
      [carla, ...members.slice(6, 10), undecided].map((m) => m.person.id).sort(),
    );
    const both = inTuesday.filter((m) => inThursday.some((n) => n.personId === m.personId));
    expect(both).toEqual([]);
    expect([...inTuesday, ...inThursday].some((m) => m.personId === members[10]!.person.id)).toBe(
      false,
    );
    expect(inTuesday.find((m) => m.personId === grace.person.id)?.role).toBe("facilitator");
    expect(inThursday.find((m) => m.personId === carla.person.id)?.role).toBe("facilitator");
    expect(tuesday.activeMemberCount).toBe(7);
    expect(thursday.activeMemberCount).toBe(6);
    // The group that split meets no more: none of its meetings is still to come.
    const parentMeetings = await listUpcomingMeetings(t.database.db, row.id, grace.person.id, {
      now: t.clock.now(),
      to: new Date(t.clock.now().getTime() + 90 * 86_400_000),
    });
    expect(parentMeetings.filter((m) => m.status === "scheduled")).toEqual([]);
    expect(await getPreferences(t.database.db, tuesday.id, members[0]!.person.id)).toEqual({
      dayBefore: false,
      hourBefore: false,
      weeklyDigest: false,
      rotaRequests: false,
    });
    expect((await getPreferences(t.database.db, tuesday.id, members[1]!.person.id)).dayBefore).toBe(
      true,
    );

    // The agreement, the difficulties, the visibility and the lineage go with both.
    for (const child of children) {
      expect(child.agreement).toBe("What is said here stays here.\n\nFirst names only.");
      expect(child.visibility).toBe("unlisted");
      expect(child.joiningPolicy).toBe("open");
      const difficulties = await t.database.db
        .select({ slug: groupDifficulties.difficultySlug })
        .from(groupDifficulties)
        .where(eq(groupDifficulties.groupId, child.id));
      expect(difficulties.map((d) => d.slug)).toEqual(["dementia-care"]);
    }
    expect(thursday.weekday).toBe(4);
    expect(thursday.startTime).toBe("17:00:00");
    expect(thursday.rrule).toBe("FREQ=WEEKLY;BYDAY=TH");
    const thursdayPage = await members[6]!.browser.get(`/groups/${thursday.slug}`);
    expect(thursdayPage.statusCode).toBe(200);
    expect(thursdayPage.body).toMatch(
      /This group grew out of Caffè Alzheimer \d+, which split in two on 10 March 2026\./,
    );
    // Its meetings are planned on its own day.
    const planned = await listUpcomingMeetings(t.database.db, thursday.id, carla.person.id, {
      now: t.clock.now(),
      to: new Date(t.clock.now().getTime() + 84 * 86_400_000),
    });
    expect(planned.length).toBeGreaterThan(10);
    expect(planned[0]!.startsAt.toISOString()).toBe("2026-03-12T16:00:00.000Z");

    // The parent closes: its page is gone, nobody is left in it.
    expect((await grace.browser.get(`/groups/${slug}`)).statusCode).toBe(404);
    const parent = (await t.database.db.select().from(groups).where(eq(groups.id, row.id)))[0]!;
    expect(parent.status).toBe("closed");
    expect(await activeIn(row.id)).toEqual([]);
    const [split] = await t.database.db
      .select()
      .from(splitProposals)
      .where(eq(splitProposals.groupId, row.id));
    expect(split?.state).toBe("done");

    // Everyone is told where they are now.
    const told = await t.mail.lastTo(undecided.person.email);
    expect(told.subject).toBe("Your group now: Caffè del giovedì");

    // People waiting are shared between the two and offered the free places, by e-mail.
    const waiting = await t.database.db
      .select()
      .from(memberships)
      .where(
        and(
          inArray(memberships.groupId, [tuesday.id, thursday.id]),
          inArray(
            memberships.personId,
            queue.map((q) => q.person.id),
          ),
        ),
      );
    expect(waiting).toHaveLength(3);
    expect(waiting.map((w) => w.groupId).sort()).toEqual(
      [tuesday.id, tuesday.id, thursday.id].sort(),
    );
    for (const w of waiting) {
      expect(w.state).toBe("waitlisted");
      expect(w.offerExpiresAt?.toISOString()).toBe("2026-03-13T09:03:00.000Z");
    }
    for (const q of queue) {
      const offer = await t.mail.lastTo(q.person.email);
      expect(offer.subject).toMatch(/^A place is free for you in Caffè del (martedì|giovedì)$/);
    }
  });

  it("refuses a facilitator who is not a member, or one group's facilitator for both, saving nothing", async () => {
    const { row, grace, carla } = await bigGroup(6);
    const stranger = await personWithSession(t, { displayName: "Stranger" });
    const notMember = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      facilitators2: stranger.person.id,
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.body).toContain("Choose facilitators among the group's members");
    expect(notMember.body).toContain('value="Caffè del giovedì"');
    // Facilitators are peers: the group's guide cannot be named.
    const guide = await personWithSession(t, { displayName: "Giulia" });
    await addMember(t, row.id, guide.person.id, "guide");
    const named = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      facilitators2: guide.person.id,
    });
    expect(named.statusCode).toBe(400);
    expect(named.body).toContain("not its guide");
    const both = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      facilitators2: [carla.person.id, grace.person.id],
    });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain("Nobody can facilitate both groups");
    const badTime = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      time1: "25:00",
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toContain("Enter the time like this: 10:30");
    const sameName = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      name2: "caffè del martedì",
    });
    expect(sameName.statusCode).toBe(400);
    expect(sameName.body).toContain("Give the two groups different names");
    const saved = await t.database.db
      .select()
      .from(splitProposals)
      .where(eq(splitProposals.groupId, row.id));
    expect(saved).toEqual([]);
  });

  it("proposes one split when the form is sent twice, each member asked once, and refuses no sending", async () => {
    const { row, grace, carla, members } = await bigGroup(6);
    const once = onceIn((await grace.browser.get(`/groups/${row.slug}/split`)).body);
    const stranger = await personWithSession(t, { displayName: "Stranger" });
    const wrong = await grace.browser.post(`/groups/${row.slug}/split`, {
      ...proposal(grace, carla),
      facilitators2: stranger.person.id,
      _once: once,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(`name="_once" value="${once}"`);
    const sent = { ...proposal(grace, carla), _once: once };
    const [first, second] = await Promise.all([
      grace.browser.post(`/groups/${row.slug}/split`, sent),
      grace.browser.post(`/groups/${row.slug}/split`, sent),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(`/groups/${row.slug}/split`);
    // Sent again later, the page kept open: where the first went, not "a split is proposed".
    expect((await grace.browser.post(`/groups/${row.slug}/split`, sent)).statusCode).toBe(303);
    const saved = await t.database.db
      .select()
      .from(splitProposals)
      .where(eq(splitProposals.groupId, row.id));
    expect(saved).toHaveLength(1);
    const member = members[0]!.person.email;
    await t.mail.lastTo(member);
    expect(t.mail.messages.filter((m) => m.to.includes(member))).toHaveLength(1);
  });

  it("completes once when both facilitators complete it at the same moment, each sent to their group", async () => {
    const { row, grace, carla } = await bigGroup(6);
    const slug = row.slug;
    await grace.browser.post(`/groups/${slug}/split`, proposal(grace, carla));
    // Something else holds the group for a moment; both clicks arrive and wait for it.
    const other = await anotherTransaction(t);
    await other.query("select 1 from groups where id = $1 for update", [row.id]);
    const completing = Promise.all([
      grace.browser.post(`/groups/${slug}/split/complete`),
      carla.browser.post(`/groups/${slug}/split/complete`),
    ]);
    await other.waitForWaiting(2);
    await other.commit();
    const [first, second] = await completing;
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const children = await t.database.db
      .select()
      .from(groups)
      .where(eq(groups.parentGroupId, row.id));
    expect(children).toHaveLength(2);
    const slugOf = (name: string) => `/groups/${children.find((c) => c.name === name)!.slug}`;
    expect(first.headers.location).toBe(slugOf("Caffè del martedì"));
    expect(second.headers.location).toBe(slugOf("Caffè del giovedì"));
  });

  it("says so when the split is withdrawn and completed at the same moment, whichever comes first", async () => {
    const { row, grace, carla } = await bigGroup(6);
    const slug = row.slug;
    await grace.browser.post(`/groups/${slug}/split`, proposal(grace, carla));
    const holding = await anotherTransaction(t);
    await holding.query("select 1 from groups where id = $1 for update", [row.id]);
    const completing = grace.browser.post(`/groups/${slug}/split/complete`);
    await holding.waitForWaiting(1);
    // Carla withdraws it while Grace's click waits.
    expect((await carla.browser.post(`/groups/${slug}/split/withdraw`)).statusCode).toBe(303);
    await holding.commit();
    const completed = await completing;
    expect(completed.statusCode).toBe(303);
    expect(completed.headers.location).toBe(`/groups/${slug}/split`);
    expect((await grace.browser.get(`/groups/${slug}/split`)).body).toContain(
      "Someone withdrew the split just before you completed it.",
    );
    const children = () =>
      t.database.db.select().from(groups).where(eq(groups.parentGroupId, row.id));
    expect(await children()).toEqual([]);

    // Proposed again; this time Grace's completion comes first and Carla's withdrawal waits.
    await grace.browser.post(`/groups/${slug}/split`, proposal(grace, carla));
    const [open] = await t.database.db
      .select()
      .from(splitProposals)
      .where(and(eq(splitProposals.groupId, row.id), eq(splitProposals.state, "open")));
    const proposalHeld = await anotherTransaction(t);
    await proposalHeld.query("select 1 from split_proposals where id = $1 for update", [open!.id]);
    const completingFirst = grace.browser.post(`/groups/${slug}/split/complete`);
    await proposalHeld.waitForWaiting(1);
    const withdrawing = carla.browser.post(`/groups/${slug}/split/withdraw`);
    await proposalHeld.waitForWaiting(2);
    await proposalHeld.commit();
    expect((await completingFirst).statusCode).toBe(303);
    const withdrawn = await withdrawing;
    const made = await children();
    expect(made).toHaveLength(2);
    const carlas = made.find((g) => g.name === "Caffè del giovedì")!;
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`/groups/${carlas.slug}`);
    expect((await carla.browser.get(`/groups/${carlas.slug}`)).body).toContain(
      "Someone completed the split just before you withdrew it",
    );
  });

  it("makes nothing when a facilitator named for a new group has left, and says to withdraw it", async () => {
    const { row, grace, carla } = await bigGroup(6);
    const slug = row.slug;
    await grace.browser.post(`/groups/${slug}/split`, proposal(grace, carla));
    expect((await carla.browser.post(`/groups/${slug}/leave`)).statusCode).toBe(303);
    const completed = await grace.browser.post(`/groups/${slug}/split/complete`);
    expect(completed.statusCode).toBe(409);
    expect(completed.body).toContain(
      '<a href="#withdraw">One of the new groups has no facilitator',
    );
    expect(completed.body).toContain('id="withdraw"');
    expect(
      await t.database.db.select().from(groups).where(eq(groups.parentGroupId, row.id)),
    ).toEqual([]);
    expect((await grace.browser.post(`/groups/${slug}/split/withdraw`)).statusCode).toBe(303);
  });

  it("asks everyone taking part to choose, but not the guide who only observes since the handover", async () => {
    const { row, grace, carla, members } = await bigGroup(7);
    const luca = await personWithSession(t, { displayName: "Luca" });
    await addMember(t, row.id, luca.person.id, "guide");
    await t.database.db
      .update(groups)
      .set({ handoverAt: new Date("2026-03-01T00:00:00.000Z") })
      .where(eq(groups.id, row.id));
    const proposed = await grace.browser.post(`/groups/${row.slug}/split`, proposal(grace, carla));
    expect(proposed.statusCode).toBe(303);
    for (const m of members) {
      expect((await t.mail.lastTo(m.person.email)).subject).toContain("please choose your group");
    }
    expect(t.mail.messages.filter((m) => m.to.includes(luca.person.email))).toEqual([]);
  });

  it("is for groups of six or more, proposed by the people who lead", async () => {
    const small = await bigGroup(5);
    const refused = await small.grace.browser.post(
      `/groups/${small.row.slug}/split`,
      proposal(small.grace, small.carla),
    );
    expect(refused.statusCode).toBe(403);
    expect((await small.grace.browser.get(`/groups/${small.row.slug}/split`)).body).toContain(
      "A group needs at least 6 members to split in two.",
    );
    const big = await bigGroup(6);
    const byMember = await big.members[0]!.browser.post(
      `/groups/${big.row.slug}/split`,
      proposal(big.grace, big.carla),
    );
    expect(byMember.statusCode).toBe(403);
    // A withdrawn proposal leaves the group as it was.
    await big.grace.browser.post(`/groups/${big.row.slug}/split`, proposal(big.grace, big.carla));
    expect(
      (await big.carla.browser.post(`/groups/${big.row.slug}/split/withdraw`)).statusCode,
    ).toBe(303);
    const group = await getGroupBySlug(t.database.db, big.row.slug);
    expect(group?.status).toBe("active");
    expect(group?.activeMemberCount).toBe(6);
  });
});

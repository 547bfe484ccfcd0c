import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../../infra/i18n/i18n.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { TestBrowser } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup, signedInPerson } from "../../test/factories.js";
import { groups } from "../groups/tables.js";
import { passOnExpiredOffers } from "./lapsed/writes.js";
import { memberships } from "./tables.js";
import { leaveGroup } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function counts(groupId: string) {
  const [row] = await t.database.db.select().from(groups).where(eq(groups.id, groupId));
  return { active: row!.activeMemberCount, waiting: row!.waitlistCount };
}

async function stateOf(groupId: string, personId: string) {
  const rows = await t.database.db
    .select()
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return rows.find((r) => r.groupId === groupId) ?? null;
}

describe("joining an open group", () => {
  it("shows the ground rules, and joining after agreeing makes the person a member", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 12 });
    const { person, browser } = await signedInPerson(t, { displayName: "Ada" });
    const page = await browser.get(`/groups/${group.slug}/join`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Quello che si dice nel gruppo resta nel gruppo.");
    const joined = await browser.post(`/groups/${group.slug}/join`);
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/groups/${group.slug}`);
    const membership = await stateOf(group.id, person.id);
    expect(membership?.state).toBe("active");
    expect(membership?.agreementAcceptedAt).not.toBeNull();
    expect(await counts(group.id)).toEqual({ active: 1, waiting: 0 });
    const groupPage = await browser.get(`/groups/${group.slug}`);
    expect(groupPage.body).toContain("You are a member of this group.");
    // The box is headed by what it is about, not the group's name again.
    expect(groupPage.body).toContain('<h2 id="membership-title">Your place in this group</h2>');
  });

  it("sends a signed-out visitor to sign in, then back to the group's join page", async () => {
    const group = await createGroup(t);
    const browser = new TestBrowser(t.app);
    const asked = await browser.get(`/groups/${group.slug}/join`);
    expect(asked.headers.location).toBe("/sign-in");
    expect(browser.cookies.get("__Host-mutua_return")).toBe(`/groups/${group.slug}/join`);
  });
});

describe("the waiting list", () => {
  it("puts people on the list when the group is full, offers a freed place to the first by e-mail, and passes it on after 72 hours", async () => {
    const group = await createGroup(t, {
      joiningPolicy: "open",
      capacity: 3,
      name: "Gruppo pieno",
    });
    const members = [];
    for (const name of ["Anna", "Bruno", "Carla"]) {
      const m = await signedInPerson(t, { displayName: name });
      expect((await m.browser.post(`/groups/${group.slug}/join`)).statusCode).toBe(303);
      members.push(m);
    }
    const first = await signedInPerson(t, { displayName: "Dario" });
    const second = await signedInPerson(t, { displayName: "Elena" });
    const joinPage = await first.browser.get(`/groups/${group.slug}/join`);
    expect(joinPage.body).toContain("put me on the waiting list");
    await first.browser.post(`/groups/${group.slug}/join`);
    t.clock.advance(60_000);
    await second.browser.post(`/groups/${group.slug}/join`);
    expect((await stateOf(group.id, first.person.id))?.state).toBe("waitlisted");
    expect((await stateOf(group.id, second.person.id))?.state).toBe("waitlisted");
    expect(await counts(group.id)).toEqual({ active: 3, waiting: 2 });
    expect((await first.browser.get(`/groups/${group.slug}`)).body).toContain(
      "You are first on the waiting list.",
    );
    expect((await second.browser.get(`/groups/${group.slug}`)).body).toContain(
      "You are on the waiting list, with a few people ahead of you.",
    );

    t.mail.clear();
    const leaving = members[0]!;
    expect((await leaving.browser.get(`/groups/${group.slug}/leave`)).body).toContain(
      "You do not need to give a reason.",
    );
    expect((await leaving.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    const offer = await t.mail.lastTo(first.person.email);
    expect(offer.subject).toBe("A place is free for you in Gruppo pieno");
    expect(offer.text).toContain(`/groups/${group.slug}`);
    expect(t.mail.messages.filter((m) => m.to.includes(second.person.email))).toHaveLength(0);
    // A newcomer cannot take the place held for the first person waiting.
    const newcomer = await signedInPerson(t, { displayName: "Franco" });
    await newcomer.browser.post(`/groups/${group.slug}/join`);
    expect((await stateOf(group.id, newcomer.person.id))?.state).toBe("waitlisted");

    // 72 hours pass without an answer: the place goes to the next person waiting.
    t.clock.advance(72 * 3_600_000 + 60_000);
    const swept = await passOnExpiredOffers(t.database.db, t.clock.now());
    expect(swept.lapsed.map((o) => o.personId)).toEqual([first.person.id]);
    expect(swept.offers.map((o) => o.personId)).toEqual([second.person.id]);
    const { sendOfferMails } = await import("./mail.js");
    const mailer = deliverNowOrLater(t.app.deps.mailer, t.database.db, t.app.log);
    await sendOfferMails(
      { db: t.database.db, mailer, publicUrl: t.app.deps.config.publicUrl },
      swept,
    );
    expect((await t.mail.lastTo(second.person.email)).subject).toBe(
      "A place is free for you in Gruppo pieno",
    );
    expect((await t.mail.lastTo(first.person.email)).subject).toBe(
      "The place in Gruppo pieno has passed on",
    );

    // The first person's offer is gone; the second takes the place.
    const late = await first.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" });
    expect(late.statusCode).toBe(303);
    expect((await first.browser.get(`/groups/${group.slug}`)).body).toContain(
      "This offer has ended. You are still on the waiting list.",
    );
    expect((await stateOf(group.id, first.person.id))?.state).toBe("waitlisted");
    // A double click takes the place once, and both clicks say so.
    const taken = await Promise.all([
      second.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" }),
      second.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" }),
    ]);
    expect(taken.map((r) => r.statusCode)).toEqual([303, 303]);
    expect((await second.browser.get(`/groups/${group.slug}`)).body).toContain(
      "Welcome! You are now a member of this group.",
    );
    expect((await stateOf(group.id, second.person.id))?.state).toBe("active");
    expect(await counts(group.id)).toEqual({ active: 3, waiting: 2 });
  });

  it("says the place on the waiting list only from the sixth on, so as not to tell how few wait", async () => {
    const group = await createGroup(t, {
      joiningPolicy: "open",
      capacity: 3,
      name: "Gruppo lungo",
    });
    for (const name of ["Anna", "Bruno", "Carla"]) {
      await (await signedInPerson(t, { displayName: name })).browser.post(
        `/groups/${group.slug}/join`,
      );
    }
    const waiting: Awaited<ReturnType<typeof signedInPerson>>[] = [];
    for (const name of ["Dario", "Elena", "Fabio", "Gino", "Ida", "Luca"]) {
      const person = await signedInPerson(t, { displayName: name });
      t.clock.advance(60_000);
      await person.browser.post(`/groups/${group.slug}/join`);
      waiting.push(person);
    }
    const says = async (index: number) =>
      (await waiting[index]!.browser.get(`/groups/${group.slug}`)).body;
    expect(await says(0)).toContain("You are first on the waiting list.");
    for (const index of [1, 4]) {
      expect(await says(index)).toContain("with a few people ahead of you");
      expect(await says(index)).not.toMatch(/number \d/);
    }
    expect(await says(5)).toContain("You are number 6 on the waiting list.");
  });

  it("shows the join page, and the agreement on it, only to someone who may join, even after a bad form", async () => {
    const group = await createGroup(t, {
      joiningPolicy: "ask",
      name: "Gruppo chiuso a chi è uscito",
    });
    const removed = await signedInPerson(t, { displayName: "Remo" });
    await t.database.db.insert(memberships).values({
      groupId: group.id,
      personId: removed.person.id,
      state: "removed",
      role: "member",
    });
    const tooLong = await removed.browser.post(`/groups/${group.slug}/join`, {
      message: "x".repeat(1001),
    });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.body).not.toContain("Quello che si dice nel gruppo resta nel gruppo.");
    expect((await stateOf(group.id, removed.person.id))?.state).toBe("removed");
  });

  it("lets a member leave while the mail server is away, and offers the place by e-mail once it is back", async () => {
    const group = await createGroup(t, {
      joiningPolicy: "open",
      capacity: 3,
      name: "Gruppo in attesa",
    });
    const members = [];
    for (const name of ["Anna", "Bruno", "Carla"]) {
      const m = await signedInPerson(t, { displayName: name });
      await m.browser.post(`/groups/${group.slug}/join`);
      members.push(m);
    }
    const waiting = await signedInPerson(t, { displayName: "Dario" });
    await waiting.browser.post(`/groups/${group.slug}/join`);
    expect((await stateOf(group.id, waiting.person.id))?.state).toBe("waitlisted");

    t.mail.clear();
    t.mail.away = true;
    try {
      const left = await members[0]!.browser.post(`/groups/${group.slug}/leave`);
      expect(left.statusCode).toBe(303);
      expect((await stateOf(group.id, members[0]!.person.id))?.state).toBe("left");
      expect((await stateOf(group.id, waiting.person.id))?.offerExpiresAt).not.toBeNull();
      expect(t.mail.messages).toEqual([]);
    } finally {
      t.mail.away = false;
    }
    // The server is back 20 hours later: the 72 hours are counted from the e-mail, not the offer.
    const firstHeldUntil = (await stateOf(group.id, waiting.person.id))!.offerExpiresAt!;
    t.clock.advance(20 * 3_600_000);
    await t.runJobs();
    const heldUntil = new Date(t.clock.now().getTime() + 72 * 3_600_000);
    expect((await stateOf(group.id, waiting.person.id))?.offerExpiresAt).toEqual(heldUntil);
    const offer = await t.mail.lastTo(waiting.person.email);
    expect(offer.subject).toBe("A place is free for you in Gruppo in attesa");
    expect(offer.text).toContain(formatDateTime(heldUntil, "en", group.timeZone));
    expect(offer.text).not.toContain(formatDateTime(firstHeldUntil, "en", group.timeZone));
    // When the first 72 hours are up, the place is still theirs.
    t.clock.advance(firstHeldUntil.getTime() - t.clock.now().getTime() + 60_000);
    expect((await passOnExpiredOffers(t.database.db, t.clock.now())).lapsed).toEqual([]);
    // Sent once: running the queue again writes nothing more.
    await t.runJobs();
    expect(t.mail.messages.filter((m) => m.to.includes(waiting.person.email))).toHaveLength(1);
  });

  it("writes about an offer even when the server stopped between saving it and sending its e-mail", async () => {
    const group = await createGroup(t, {
      joiningPolicy: "open",
      capacity: 3,
      name: "Gruppo sicuro",
    });
    const members = [];
    for (const name of ["Lia", "Mara", "Nino"]) {
      const m = await signedInPerson(t, { displayName: name });
      await m.browser.post(`/groups/${group.slug}/join`);
      members.push(m);
    }
    const waiting = await signedInPerson(t, { displayName: "Olga" });
    await waiting.browser.post(`/groups/${group.slug}/join`);
    const offerJobs = async () =>
      (
        await t.database.pool.query(
          "select key from graphile_worker.jobs where task_identifier = 'memberships.offer-mail'",
        )
      ).rows.map((row: { key: string }) => row.key);
    t.mail.clear();

    // Saved by the write alone, as if the server stopped before the page sent the e-mail.
    const left = await leaveGroup(
      t.database.db,
      { groupId: group.id, personId: members[0]!.person.id },
      t.clock.now(),
    );
    const offered = left.ok ? left.offers : [];
    expect(offered.map((o) => o.personId)).toEqual([waiting.person.id]);
    const key = `offer-mail:${offered[0]!.membershipId}`;
    const toOlga = () => t.mail.messages.filter((m) => m.to.includes(waiting.person.email));
    await t.runJobs();
    expect(toOlga()).toEqual([]);
    expect(await offerJobs()).toContain(key);
    // Ten minutes on, the queue sends it, and the place is held 72 hours from then.
    await t.database.pool.query(
      "update graphile_worker._private_jobs set run_at = now() where key = $1",
      [key],
    );
    t.clock.advance(10 * 60_000);
    await t.runJobs();
    expect((await t.mail.lastTo(waiting.person.email)).subject).toBe(
      "A place is free for you in Gruppo sicuro",
    );
    expect((await stateOf(group.id, waiting.person.id))?.offerExpiresAt).toEqual(
      new Date(t.clock.now().getTime() + 72 * 3_600_000),
    );
    // Sent once: running the queue again writes nothing more.
    await t.runJobs();
    expect(toOlga()).toHaveLength(1);

    // An offer whose e-mail went at once leaves nothing in the queue to send it again.
    const next = await signedInPerson(t, { displayName: "Pia" });
    await next.browser.post(`/groups/${group.slug}/join`);
    await waiting.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" });
    expect((await members[1]!.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    expect((await t.mail.lastTo(next.person.email)).subject).toBe(
      "A place is free for you in Gruppo sicuro",
    );
    const nextOffer = (await stateOf(group.id, next.person.id))!;
    expect(nextOffer.offerExpiresAt).not.toBeNull();
    expect(await offerJobs()).not.toContain(`offer-mail:${nextOffer.id}`);
  });

  it("does not write about a place offered while the mail server was away once it has been taken", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 3, name: "Gruppo tre" });
    const members = [];
    for (const name of ["Elena", "Gino", "Ida"]) {
      const m = await signedInPerson(t, { displayName: name });
      await m.browser.post(`/groups/${group.slug}/join`);
      members.push(m);
    }
    const member = members[0]!;
    const waiting = await signedInPerson(t, { displayName: "Fabio" });
    await waiting.browser.post(`/groups/${group.slug}/join`);
    t.mail.clear();
    t.mail.away = true;
    try {
      expect((await member.browser.post(`/groups/${group.slug}/leave`)).statusCode).toBe(303);
    } finally {
      t.mail.away = false;
    }
    // Fabio saw the offer on the group's page and took the place before the e-mail could go.
    const page = await waiting.browser.get(`/groups/${group.slug}`);
    expect(page.body).toContain("A place is being held for you until");
    expect(
      (await waiting.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" })).statusCode,
    ).toBe(303);
    await t.runJobs();
    expect(t.mail.messages.filter((m) => m.to.includes(waiting.person.email))).toEqual([]);
    expect((await stateOf(group.id, waiting.person.id))?.state).toBe("active");
  });

  it("gives a place freed by a deleted account, or while the group was paused, to the people waiting, never to a newcomer", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 3, name: "Gruppo" });
    const anna = await signedInPerson(t, { displayName: "Anna" });
    const bruno = await signedInPerson(t, { displayName: "Bruno" });
    const carla = await signedInPerson(t, { displayName: "Carla" });
    const dario = await signedInPerson(t, { displayName: "Dario" });
    for (const person of [anna, bruno, carla, dario]) {
      await person.browser.post(`/groups/${group.slug}/join`);
    }
    expect(await counts(group.id)).toEqual({ active: 3, waiting: 1 });

    // Anna deletes her account: the counts are true at once.
    expect((await anna.browser.post("/account/delete")).statusCode).toBe(200);
    expect(await counts(group.id)).toEqual({ active: 2, waiting: 1 });
    // The free place is Dario's: a newcomer is told of the waiting list, and joins it.
    const franco = await signedInPerson(t, { displayName: "Franco" });
    expect((await franco.browser.get(`/groups/${group.slug}`)).body).not.toContain("1 place free");
    expect((await franco.browser.get(`/groups/${group.slug}/join`)).body).toContain(
      "put me on the waiting list",
    );
    await franco.browser.post(`/groups/${group.slug}/join`);
    expect((await stateOf(group.id, franco.person.id))?.state).toBe("waitlisted");
    // The sweep offers it to Dario, first on the list.
    const offeredHere = (offers: { groupId: string; personId: string }[]) =>
      offers.filter((o) => o.groupId === group.id).map((o) => o.personId);
    const swept = await passOnExpiredOffers(t.database.db, t.clock.now());
    expect(offeredHere(swept.offers)).toEqual([dario.person.id]);
    await dario.browser.post(`/groups/${group.slug}/offer`, { answer: "accept" });
    expect(await counts(group.id)).toEqual({ active: 3, waiting: 1 });

    // Bruno leaves while the group takes a break: nothing is offered until it starts again.
    await t.database.db.update(groups).set({ status: "paused" }).where(eq(groups.id, group.id));
    await bruno.browser.post(`/groups/${group.slug}/leave`);
    expect(offeredHere((await passOnExpiredOffers(t.database.db, t.clock.now())).offers)).toEqual(
      [],
    );
    await t.database.db.update(groups).set({ status: "active" }).where(eq(groups.id, group.id));
    const restarted = await passOnExpiredOffers(t.database.db, t.clock.now());
    expect(offeredHere(restarted.offers)).toEqual([franco.person.id]);
  });

  it("keeps a place whose offer lapsed for the people waiting until the sweep passes it on", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 3, name: "Gruppo" });
    const anna = await signedInPerson(t, { displayName: "Anna" });
    for (const name of ["Bruno", "Carla"]) {
      await (await signedInPerson(t, { displayName: name })).browser.post(
        `/groups/${group.slug}/join`,
      );
    }
    const dario = await signedInPerson(t, { displayName: "Dario" });
    await anna.browser.post(`/groups/${group.slug}/join`);
    await dario.browser.post(`/groups/${group.slug}/join`);
    await anna.browser.post(`/groups/${group.slug}/leave`);
    expect((await stateOf(group.id, dario.person.id))?.offerExpiresAt).not.toBeNull();
    // The offer lapses; before any sweep, a newcomer still cannot take the place.
    t.clock.advance(72 * 3_600_000 + 60_000);
    const newcomer = await signedInPerson(t, { displayName: "Franco" });
    await newcomer.browser.post(`/groups/${group.slug}/join`);
    expect((await stateOf(group.id, newcomer.person.id))?.state).toBe("waitlisted");
    expect(await counts(group.id)).toEqual({ active: 2, waiting: 2 });
  });

  it("offers the place again to someone alone on the list, without telling them it passed on", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 3, name: "Gruppo" });
    const members = [];
    for (const name of ["Anna", "Bruno", "Carla"]) {
      const m = await signedInPerson(t, { displayName: name });
      await m.browser.post(`/groups/${group.slug}/join`);
      members.push(m);
    }
    const dario = await signedInPerson(t, { displayName: "Dario" });
    await dario.browser.post(`/groups/${group.slug}/join`);
    await members[0]!.browser.post(`/groups/${group.slug}/leave`);
    t.clock.advance(72 * 3_600_000 + 60_000);
    const swept = await passOnExpiredOffers(t.database.db, t.clock.now());
    const here = (offers: { groupId: string; personId: string }[]) =>
      offers.filter((o) => o.groupId === group.id).map((o) => o.personId);
    expect(here(swept.offers)).toEqual([dario.person.id]);
    expect(here(swept.lapsed)).toEqual([]);
    expect((await stateOf(group.id, dario.person.id))?.offerExpiresAt?.getTime()).toBe(
      t.clock.now().getTime() + 72 * 3_600_000,
    );
  });
});

describe("asking to join", () => {
  it("sends the request to the facilitators, who accept it with a message the person receives", async () => {
    const group = await createGroup(t, { joiningPolicy: "ask", name: "Gruppo su richiesta" });
    const facilitator = await signedInPerson(t, { displayName: "Grace" });
    await t.database.db.insert(memberships).values({
      groupId: group.id,
      personId: facilitator.person.id,
      state: "active",
      role: "facilitator",
    });
    await t.database.db.update(groups).set({ activeMemberCount: 1 }).where(eq(groups.id, group.id));
    const asking = await signedInPerson(t, { displayName: "Marco" });
    const form = await asking.browser.get(`/groups/${group.slug}/join`);
    expect(form.body).toContain("A few words for them");
    const tooLong = await asking.browser.post(`/groups/${group.slug}/join`, {
      message: "x".repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("Your message can be at most 1,000 characters");
    expect(await stateOf(group.id, asking.person.id)).toBeNull();
    await asking.browser.post(`/groups/${group.slug}/join`, {
      message: "Mi prendo cura di mia madre.",
    });
    expect((await stateOf(group.id, asking.person.id))?.state).toBe("requested");
    const told = await t.mail.lastTo(facilitator.person.email);
    expect(told.subject).toBe("Marco would like to join Gruppo su richiesta");

    const requests = await facilitator.browser.get(`/groups/${group.slug}/requests`);
    expect(requests.statusCode).toBe(200);
    expect(requests.body).toContain("Mi prendo cura di mia madre.");
    const membership = await stateOf(group.id, asking.person.id);
    // A reply too long comes back by its field, as typed, and nothing is decided or sent.
    const long = `Benvenuto! ${"x".repeat(1000)}`;
    const mailBefore = t.mail.messages.length;
    const refused = await facilitator.browser.post(
      `/groups/${group.slug}/requests/${membership!.id}`,
      { decision: "accept", message: long },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("<title>Error: ");
    expect(refused.body).toContain(`href="#reply-${membership!.id}"`);
    expect(refused.body).toMatch(
      new RegExp(`id="reply-${membership!.id}-error">Your message can be at most 1,000 characters`),
    );
    expect(refused.body).toContain(`${long}</textarea>`);
    expect((await stateOf(group.id, asking.person.id))?.state).toBe("requested");
    expect(t.mail.messages.length).toBe(mailBefore);
    // A double click sends the decision twice, and the page again later: one decision, one e-mail.
    const decision = { decision: "accept", message: "Ti aspettiamo martedì!" };
    const url = `/groups/${group.slug}/requests/${membership!.id}`;
    const decided = await Promise.all([
      facilitator.browser.post(url, decision),
      facilitator.browser.post(url, decision),
    ]);
    const later = await facilitator.browser.post(url, decision);
    expect([...decided, later].map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${group.slug}/requests`]),
    );
    expect((await stateOf(group.id, asking.person.id))?.state).toBe("active");
    const answer = await t.mail.lastTo(asking.person.email);
    expect(answer.subject).toBe("Welcome to Gruppo su richiesta");
    expect(answer.text).toContain("Ti aspettiamo martedì!");
    const welcomes = t.mail.messages.filter(
      (m) => m.to.includes(asking.person.email) && m.subject === answer.subject,
    );
    expect(welcomes).toHaveLength(1);
  });

  it("lets a member leave with a double click, or the page sent again, and says they left", async () => {
    const group = await createGroup(t, { joiningPolicy: "open", capacity: 4 });
    const members = [];
    for (const name of ["Anna", "Bruno", "Carla"]) {
      const m = await signedInPerson(t, { displayName: name });
      await m.browser.post(`/groups/${group.slug}/join`);
      members.push(m);
    }
    const url = `/groups/${group.slug}/leave`;
    const left = await Promise.all([members[0]!.browser.post(url), members[0]!.browser.post(url)]);
    const later = await members[0]!.browser.post(url);
    expect([...left, later].map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${group.slug}`]),
    );
    expect((await stateOf(group.id, members[0]!.person.id))?.state).toBe("left");
    expect((await counts(group.id)).active).toBe(2);
    // Someone never in the group has nothing to leave.
    const stranger = await signedInPerson(t);
    expect((await stranger.browser.post(url)).statusCode).toBe(404);
  });

  it("answers 404 to anyone but the facilitators for the requests page, as for a missing group", async () => {
    const group = await createGroup(t, { joiningPolicy: "ask" });
    const member = await signedInPerson(t);
    await t.database.db
      .insert(memberships)
      .values({ groupId: group.id, personId: member.person.id, state: "active", role: "member" });
    const stranger = await signedInPerson(t);
    for (const browser of [member.browser, stranger.browser]) {
      expect((await browser.get(`/groups/${group.slug}/requests`)).statusCode).toBe(404);
      expect((await browser.get("/groups/no-such-group/requests")).statusCode).toBe(404);
    }
  });
});

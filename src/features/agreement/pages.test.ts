import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onceIn } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { getGroupBySlug } from "../groups/reads.js";
import { getMembership } from "../memberships/reads.js";
import { adoptDueAgreements } from "./jobs.js";
import { agreementChanges } from "./tables.js";

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

const DAY = 86_400_000;
const later = (days: number) =>
  t.clock.set(new Date(new Date("2026-03-10T09:00:00.000Z").getTime() + days * DAY));

const NEW_TEXT =
  "What is said here stays here.\n\nFirst names only.\n\nWe phone the crisis line together if someone is not safe.";

/** A peer-led group: Grace facilitates; Ada and Bruno are members. */
async function group() {
  const row = await createGroup(t, { agreement: "What is said here stays here." });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  const bruno = await personWithSession(t, { displayName: "Bruno" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, ada.person.id);
  await addMember(t, row.id, bruno.person.id);
  return { slug: row.slug, id: row.id, grace, ada, bruno };
}

async function agreementOf(slug: string) {
  return (await getGroupBySlug(t.database.db, slug))!.agreement;
}

describe("changing the group's agreement", () => {
  it("writes to every other member, and answers as usual, when one member's address is refused for good", async () => {
    const g = await group();
    // Ada's mailbox no longer exists: the mail server answers 550 for her, whoever comes first.
    t.mail.refused.add(g.ada.person.email);
    try {
      const proposed = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
        text: NEW_TEXT,
        reason: "We never said what to do in a crisis.",
      });
      expect(proposed.statusCode).toBe(303);
      expect((await t.mail.lastTo(g.bruno.person.email)).subject).toContain(
        "a change to the agreement is proposed",
      );
      // Seven days on, the first member to look adopts it; everyone else is still written to.
      t.mail.clear();
      later(8);
      expect((await g.bruno.browser.get(`/groups/${g.slug}/agreement`)).statusCode).toBe(200);
      expect(await agreementOf(g.slug)).toBe(NEW_TEXT);
      for (const reader of [g.grace, g.bruno]) {
        expect(t.mail.messages.some((m) => m.to.includes(reader.person.email))).toBe(true);
      }
    } finally {
      t.mail.refused.clear();
    }
  });

  it("saves a proposed change while the mail server is away, and the members hear of it once it is back", async () => {
    const g = await group();
    t.mail.away = true;
    try {
      const proposed = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
        text: NEW_TEXT,
        reason: "We never said what to do in a crisis.",
      });
      expect(proposed.statusCode).toBe(303);
      const saved = await t.database.db
        .select()
        .from(agreementChanges)
        .where(eq(agreementChanges.groupId, g.id));
      expect(saved.map((change) => change.text)).toEqual([NEW_TEXT]);
      expect(t.mail.messages).toEqual([]);
    } finally {
      t.mail.away = false;
    }
    // The job queue sends what could not go, once.
    await t.runJobs();
    await t.runJobs();
    for (const reader of [g.ada, g.bruno]) {
      const received = t.mail.messages.filter((m) => m.to.includes(reader.person.email));
      expect(received.map((m) => m.subject)).toEqual([
        expect.stringContaining("a change to the agreement is proposed"),
      ]);
    }
  });

  it("queues the e-mails, skipping nobody, when the mail server refuses everything from this instance", async () => {
    const g = await group();
    t.mail.refusesSender = true;
    try {
      const proposed = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
        text: NEW_TEXT,
        reason: "We never said what to do in a crisis.",
      });
      expect(proposed.statusCode).toBe(303);
    } finally {
      t.mail.refusesSender = false;
    }
    // Once the settings are put right, both members hear of it.
    await t.runJobs();
    for (const reader of [g.ada, g.bruno]) {
      expect(
        t.mail.messages.filter((m) => m.to.includes(reader.person.email)).map((m) => m.subject),
      ).toEqual([expect.stringContaining("a change to the agreement is proposed")]);
    }
  });

  it("takes effect after 7 days without an objection, and every member is asked to accept it again", async () => {
    const g = await group();
    const proposed = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: NEW_TEXT,
      reason: "We never said what to do in a crisis.",
    });
    expect(proposed.statusCode).toBe(303);
    // Members hear of it at once, with the date objections close; the proposer is not told.
    const told = await t.mail.lastTo(g.ada.person.email);
    expect(told.subject).toContain("a change to the agreement is proposed");
    expect(told.text).toContain("until 17 March 2026");
    expect(told.text).toContain("We never said what to do in a crisis.");
    expect(t.mail.messages.some((m) => m.to.includes(g.grace.person.email))).toBe(false);

    const open = await g.ada.browser.get(`/groups/${g.slug}/agreement`);
    expect(open.body).toContain("We phone the crisis line together");
    expect(open.body).toContain("I object to this change");

    // Six days on, nothing has changed yet.
    later(6);
    await g.bruno.browser.get(`/groups/${g.slug}/agreement`);
    expect(await agreementOf(g.slug)).toBe("What is said here stays here.");

    // A week on, nobody objected. Nora joins, accepting the agreement as it still reads; half an
    // hour later the hourly job adopts the change, once.
    later(7);
    const nora = await personWithSession(t, { displayName: "Nora" });
    await addMember(t, g.id, nora.person.id);
    t.clock.advance(30 * 60_000);
    t.mail.clear();
    expect(await adoptDueAgreements(t.app.deps, t.clock.now(), g.id)).toBe(1);
    expect(await adoptDueAgreements(t.app.deps, t.clock.now(), g.id)).toBe(0);
    expect(await agreementOf(g.slug)).toBe(NEW_TEXT);
    const news = await t.mail.lastTo(g.bruno.person.email);
    expect(news.subject).toContain("the agreement has changed");
    expect(t.mail.messages.filter((m) => m.to.includes(g.bruno.person.email))).toHaveLength(1);

    // On their next visit each member is asked to accept it again, until they do.
    const groupPage = await g.ada.browser.get(`/groups/${g.slug}`);
    expect(groupPage.body).toContain("The group's agreement has changed");
    const page = await g.ada.browser.get(`/groups/${g.slug}/agreement`);
    expect(page.body).toContain("I accept the agreement");
    expect(page.body).toContain("it took effect on 17 March 2026");
    const read = /name="read" value="([^"]+)"/.exec(page.body)?.[1];
    expect(read).toBe("2026-03-17T09:30:00.000Z");
    // A page opened before this change took effect accepts nothing: the new text is shown.
    const stale = await g.ada.browser.post(`/groups/${g.slug}/agreement/accept`, {
      read: "2026-03-10T09:00:00.000Z",
    });
    expect(stale.headers.location).toBe(`/groups/${g.slug}/agreement`);
    expect((await g.ada.browser.get(`/groups/${g.slug}/agreement`)).body).toContain(
      "The agreement changed while you were reading it",
    );
    expect(
      (await getMembership(t.database.db, g.id, g.ada.person.id))?.agreementAcceptedAt,
    ).not.toEqual(t.clock.now());
    const accepted = await g.ada.browser.post(`/groups/${g.slug}/agreement/accept`, {
      read: read!,
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`/groups/${g.slug}`);
    expect((await g.ada.browser.get(`/groups/${g.slug}`)).body).not.toContain(
      "The group's agreement has changed",
    );
    const ada = await getMembership(t.database.db, g.id, g.ada.person.id);
    expect(ada?.agreementAcceptedAt?.toISOString()).toBe(t.clock.now().toISOString());
    // Bruno has not been back yet: he is still asked, and so is Nora, who accepted the old text.
    for (const member of [g.bruno, nora]) {
      expect((await member.browser.get(`/groups/${g.slug}`)).body).toContain(
        "The group's agreement has changed",
      );
    }
  });

  it("does not take effect when a member objects, and the facilitators are told", async () => {
    const g = await group();
    await g.grace.browser.post(`/groups/${g.slug}/agreement`, { text: NEW_TEXT, reason: "" });
    later(3);
    t.mail.clear();
    const objected = await g.bruno.browser.post(`/groups/${g.slug}/agreement/objection`, {
      reason: "I would like us to talk about it first.",
    });
    expect(objected.statusCode).toBe(303);
    const told = await t.mail.lastTo(g.grace.person.email);
    expect(told.subject).toContain("a member objected");
    expect(t.mail.messages.some((m) => m.to.includes(g.ada.person.email))).toBe(false);

    later(8);
    expect(await adoptDueAgreements(t.app.deps, t.clock.now(), g.id)).toBe(0);
    expect(await agreementOf(g.slug)).toBe("What is said here stays here.");
    const page = await g.ada.browser.get(`/groups/${g.slug}/agreement`);
    expect(page.body).toContain("it did not go ahead");
    expect(page.body).toContain("Bruno objected: I would like us to talk about it first.");
    expect(page.body).not.toContain("I accept the agreement");
    expect((await g.ada.browser.get(`/groups/${g.slug}`)).body).not.toContain(
      "The group's agreement has changed",
    );
  });

  it("takes a member's objection once when it is sent twice, and tells the facilitators once", async () => {
    const g = await group();
    await g.grace.browser.post(`/groups/${g.slug}/agreement`, { text: NEW_TEXT });
    t.mail.clear();
    const url = `/groups/${g.slug}/agreement/objection`;
    const objection = { reason: "We never agreed to phone anyone." };
    const objected = await Promise.all([
      g.ada.browser.post(url, objection),
      g.ada.browser.post(url, objection),
    ]);
    const later = await g.ada.browser.post(url, objection);
    expect([...objected, later].map((r) => [r.statusCode, r.headers.location])).toEqual(
      Array(3).fill([303, `/groups/${g.slug}/agreement`]),
    );
    await t.mail.lastTo(g.grace.person.email);
    expect(t.mail.messages.filter((m) => m.to.includes(g.grace.person.email))).toHaveLength(1);
    // Bruno did not object: for him there is no change open, as before.
    expect((await g.bruno.browser.post(url, objection)).statusCode).toBe(403);
  });

  it("takes effect on the first visit after the week, without waiting for the job", async () => {
    const g = await group();
    await g.grace.browser.post(`/groups/${g.slug}/agreement`, { text: NEW_TEXT });
    later(7);
    const page = await g.bruno.browser.get(`/groups/${g.slug}/agreement`);
    expect(page.body).toContain("I accept the agreement");
    expect(await agreementOf(g.slug)).toBe(NEW_TEXT);
    // Too late to object now.
    const objected = await g.bruno.browser.post(`/groups/${g.slug}/agreement/objection`, {});
    expect(objected.statusCode).toBe(403);
  });

  it("refuses an empty or unchanged agreement and a second open change, saving nothing", async () => {
    const g = await group();
    const empty = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: "   ",
      reason: "Tidying up",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Write the agreement as it would read");
    expect(empty.body).toContain("Tidying up");
    const same = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: "What is said here stays here.",
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain("change something first");
    const tooLong = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: "x".repeat(5001),
    });
    expect(tooLong.statusCode).toBe(400);
    const none = await t.database.db
      .select()
      .from(agreementChanges)
      .where(eq(agreementChanges.groupId, g.id));
    expect(none).toHaveLength(0);

    await g.grace.browser.post(`/groups/${g.slug}/agreement`, { text: NEW_TEXT });
    const second = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: `${NEW_TEXT}\n\nPass is always fine.`,
    });
    expect(second.statusCode).toBe(403);
    // A member cannot propose; the proposer cannot object to their own change.
    expect(
      (await g.ada.browser.post(`/groups/${g.slug}/agreement`, { text: "Anything goes." }))
        .statusCode,
    ).toBe(403);
    expect(
      (await g.grace.browser.post(`/groups/${g.slug}/agreement/objection`, {})).statusCode,
    ).toBe(403);
    const rows = await t.database.db
      .select()
      .from(agreementChanges)
      .where(eq(agreementChanges.groupId, g.id));
    expect(rows.map((r) => r.text)).toEqual([NEW_TEXT]);
  });

  it("proposes one change when the form is sent twice, and the second sending is not refused", async () => {
    const g = await group();
    const once = onceIn((await g.grace.browser.get(`/groups/${g.slug}/agreement`)).body);
    const same = await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: "What is said here stays here.",
      _once: once,
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain(`name="_once" value="${once}"`);
    const sent = { text: NEW_TEXT, reason: "", _once: once };
    const [first, second] = await Promise.all([
      g.grace.browser.post(`/groups/${g.slug}/agreement`, sent),
      g.grace.browser.post(`/groups/${g.slug}/agreement`, sent),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(`/groups/${g.slug}/agreement`);
    // Sent again later, the page kept open: where the first went, not "one change at a time".
    const again = await g.grace.browser.post(`/groups/${g.slug}/agreement`, sent);
    expect(again.statusCode).toBe(303);
    const rows = await t.database.db
      .select()
      .from(agreementChanges)
      .where(eq(agreementChanges.groupId, g.id));
    expect(rows.map((r) => r.text)).toEqual([NEW_TEXT]);
    await t.mail.lastTo(g.ada.person.email);
    expect(t.mail.messages.filter((m) => m.to.includes(g.ada.person.email))).toHaveLength(1);
  });
});

describe("the hourly job that adopts changes", () => {
  it("adopts a change while the mail server is away, and the members hear of it once it is back", async () => {
    const g = await group();
    await g.grace.browser.post(`/groups/${g.slug}/agreement`, {
      text: NEW_TEXT,
      reason: "We never said what to do in a crisis.",
    });
    later(8);
    t.mail.clear();
    t.mail.away = true;
    try {
      await t.runTask("groups.agreements");
      expect(await agreementOf(g.slug)).toBe(NEW_TEXT);
      expect(t.mail.messages).toEqual([]);
    } finally {
      t.mail.away = false;
    }
    // The change is not adopted twice, so the e-mails must have waited in the queue.
    await t.runJobs();
    for (const reader of [g.grace, g.ada, g.bruno]) {
      const received = t.mail.messages.filter((m) => m.to.includes(reader.person.email));
      expect(received.map((m) => m.subject)).toEqual([
        expect.stringContaining("the agreement has changed"),
      ]);
    }
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onceIn } from "../../test/browser.js";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { startSession } from "../accounts/writes.js";
import { getMembership } from "../memberships/reads.js";
import { groupInvitations } from "./tables.js";

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

/** A group that asks before taking anyone, with Grace facilitating and Ada a member. */
async function askingGroup(capacity = 12) {
  const row = await createGroup(t, { joiningPolicy: "ask", capacity });
  const grace = await personWithSession(t, { displayName: "Grace" });
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  await addMember(t, row.id, ada.person.id);
  return { row, grace, ada };
}

/** Grace invites a new person; their link, from the e-mail. */
async function invite(grace: Awaited<ReturnType<typeof personWithSession>>, slug: string) {
  const nina = await personWithSession(t, { displayName: "Nina" });
  const sent = await grace.browser.post(`/groups/${slug}/invitations`, {
    email: nina.person.email.toUpperCase(),
    message: "We meet on Tuesdays: you would be very welcome.",
  });
  expect(sent.statusCode).toBe(303);
  const mail = await t.mail.lastTo(nina.person.email);
  const link = mail.text.match(/http:\/\/localhost:3000(\/invitations\/[A-Za-z0-9_-]{43})/)?.[1];
  expect(link).toBeDefined();
  return { nina, link: link!, mail };
}

describe("inviting someone to a group", () => {
  it("lets the person invited join a group that asks first, once, having read the agreement", async () => {
    const { row, grace } = await askingGroup();
    const { nina, link, mail } = await invite(grace, row.slug);
    expect(mail.subject).toBe(`An invitation to ${row.name}`);
    expect(mail.text).toContain("Grace invites you to join");
    expect(mail.text).toContain("We meet on Tuesdays");
    const page = await nina.browser.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(row.agreement);
    const joined = await nina.browser.post(link);
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/groups/${row.slug}`);
    const membership = await getMembership(t.database.db, row.id, nina.person.id);
    expect(membership?.state).toBe("active");
    expect(membership?.agreementAcceptedAt?.toISOString()).toBe(t.clock.now().toISOString());
    // The link works once.
    const again = await personWithSession(t, { displayName: "Someone else" });
    expect((await again.browser.post(link)).statusCode).toBe(404);
    const gone = await again.browser.get(link);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain("This invitation no longer works");
  });

  it("says by the field when the mail server refuses the address, keeping it and saving no invitation", async () => {
    const { row, grace } = await askingGroup();
    t.mail.refused.add("no.such.mailbox@example.org");
    try {
      const refused = await grace.browser.post(`/groups/${row.slug}/invitations`, {
        email: "no.such.mailbox@example.org",
        message: "Ti aspettiamo.",
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('href="#email"');
      expect(refused.body).toContain("We could not send an e-mail to this address");
      expect(refused.body).toContain('value="no.such.mailbox@example.org"');
      const saved = await t.database.db
        .select()
        .from(groupInvitations)
        .where(eq(groupInvitations.groupId, row.id));
      expect(saved).toEqual([]);
    } finally {
      t.mail.refused.clear();
    }
  });

  it("says by the field when the mail server cannot take mail just now, saving no invitation", async () => {
    const { row, grace } = await askingGroup();
    t.mail.away = true;
    try {
      const response = await grace.browser.post(`/groups/${row.slug}/invitations`, {
        email: "nina.later@example.org",
        message: "Ti aspettiamo.",
      });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('href="#email"');
      expect(response.body).toContain("We could not send the e-mail just now");
      expect(response.body).toContain('value="nina.later@example.org"');
      expect(response.body).toContain("Ti aspettiamo.");
      const saved = await t.database.db
        .select()
        .from(groupInvitations)
        .where(eq(groupInvitations.groupId, row.id));
      expect(saved).toEqual([]);
    } finally {
      t.mail.away = false;
    }
  });

  it("sends one invitation when the form is sent twice, even after the mail server was away", async () => {
    const { row, grace } = await askingGroup();
    const once = onceIn((await grace.browser.get(`/groups/${row.slug}/invitations`)).body);
    const sent = { email: "nina.twice@example.org", message: "Ti aspettiamo.", _once: once };
    t.mail.away = true;
    try {
      const later = await grace.browser.post(`/groups/${row.slug}/invitations`, sent);
      expect(later.statusCode).toBe(503);
      expect(later.body).toContain(`name="_once" value="${once}"`);
    } finally {
      t.mail.away = false;
    }
    const [first, second] = await Promise.all([
      grace.browser.post(`/groups/${row.slug}/invitations`, sent),
      grace.browser.post(`/groups/${row.slug}/invitations`, sent),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(`/groups/${row.slug}/members`);
    await t.mail.lastTo("nina.twice@example.org");
    expect(t.mail.messages.filter((m) => m.to.includes("nina.twice@example.org"))).toHaveLength(1);
    const saved = await t.database.db
      .select()
      .from(groupInvitations)
      .where(eq(groupInvitations.groupId, row.id));
    expect(saved).toHaveLength(1);
  });

  it("works only for the address it was sent to: a forwarded link shows and opens nothing", async () => {
    const { row, grace, ada } = await askingGroup();
    const { nina, link } = await invite(grace, row.slug);
    const otto = await personWithSession(t, { displayName: "Otto" });
    const page = await otto.browser.get(link);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("This invitation was sent to another address");
    expect(page.body).toContain(otto.person.email);
    expect(page.body).not.toContain(row.name);
    expect(page.body).not.toContain(row.agreement);
    expect(page.body).not.toContain(nina.person.email);
    expect((await otto.browser.post(link)).statusCode).toBe(403);
    expect(await getMembership(t.database.db, row.id, otto.person.id)).toBeNull();

    // Someone the group removed cannot come back through another person's link either…
    const removed = await grace.browser.post(`/groups/${row.slug}/members/${ada.person.id}/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await ada.browser.post(link)).statusCode).toBe(403);
    expect((await getMembership(t.database.db, row.id, ada.person.id))?.state).toBe("removed");
    // …while the person it was sent to still joins with it.
    expect((await nina.browser.post(link)).statusCode).toBe(303);
    expect((await getMembership(t.database.db, row.id, nina.person.id))?.state).toBe("active");
  });

  it("puts the person invited on the waiting list of a full group, and a link ends after 14 days", async () => {
    const { row, grace } = await askingGroup(3);
    const full = await personWithSession(t, { displayName: "Bruno" });
    await addMember(t, row.id, full.person.id);
    const first = await invite(grace, row.slug);
    const second = await invite(grace, row.slug);
    expect((await first.nina.browser.post(first.link)).statusCode).toBe(303);
    expect((await getMembership(t.database.db, row.id, first.nina.person.id))?.state).toBe(
      "waitlisted",
    );
    t.clock.set(new Date(t.clock.now().getTime() + 14 * 86_400_000));
    const session = await startSession(
      t.database.db,
      second.nina.person.id,
      "email",
      t.clock.now(),
    );
    second.nina.browser.cookies.set("__Host-mutua_session", session.secret);
    expect((await second.nina.browser.post(second.link)).statusCode).toBe(404);
    expect(await getMembership(t.database.db, row.id, second.nina.person.id)).toBeNull();
  });

  it("refuses an address that is not one, sending nothing; only the people who lead invite", async () => {
    const { row, grace, ada } = await askingGroup();
    const bad = await grace.browser.post(`/groups/${row.slug}/invitations`, {
      email: "nina at example",
      message: "Hello",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter an e-mail address");
    expect(bad.body).toContain('value="nina at example"');
    expect(t.mail.messages).toHaveLength(0);
    expect((await ada.browser.get(`/groups/${row.slug}/invitations`)).statusCode).toBe(404);
    expect(
      (await ada.browser.post(`/groups/${row.slug}/invitations`, { email: "x@example.org" }))
        .statusCode,
    ).toBe(404);
    expect(t.mail.messages).toHaveLength(0);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import {
  addMember,
  createGroup,
  createOrganisation,
  createPerson,
  personWithSession,
} from "../../test/factories.js";
import { boardPosts } from "../board/tables.js";
import { organisationCoordinators } from "../organisations/tables.js";
import { backupContacts, crisisAlerts, safeguardingLeads } from "./tables.js";

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

const alertMail = (email: string) =>
  t.mail.messages.filter((m) => m.to.includes(email) && /may need support/.test(m.subject));

async function organisationGroup() {
  const luca = await personWithSession(t, { displayName: "Luca" }, "passkey");
  const organisation = await createOrganisation(t, "Associazione Alzheimer Trento", [
    luca.person.id,
  ]);
  const group = await createGroup(t, { organisationId: organisation.id, languages: ["en"] });
  const joined = new Date(t.clock.now().getTime() - 48 * 3_600_000);
  const grace = await personWithSession(t, { displayName: "Grace" });
  await addMember(t, group.id, grace.person.id, "facilitator", joined);
  const ada = await personWithSession(t, { displayName: "Ada" });
  await addMember(t, group.id, ada.person.id, "member", joined);
  return { luca, organisation, group, grace, ada };
}

describe("an organisation's safeguarding lead", () => {
  it("is named by its coordinator by e-mail address, and taken off again", async () => {
    const { luca, organisation } = await organisationGroup();
    const lucia = await createPerson(t, { displayName: "Lucia", email: "lucia.lead@example.org" });
    const path = `/organisations/${organisation.id}/safeguarding-lead`;
    expect((await luca.browser.get(path)).body).toContain("There is no safeguarding lead yet.");
    const unknown = await luca.browser.post(path, { email: "nobody@example.org" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("There is no account with this address.");
    expect(unknown.body).toContain('value="nobody@example.org"');
    const named = await luca.browser.post(path, { email: "Lucia.Lead@example.org" });
    expect(named.statusCode).toBe(303);
    expect((await luca.browser.get(path)).body).toContain("The safeguarding lead is Lucia.");
    const json = await luca.browser.json("GET", `/api/v1${path}`);
    expect(json.json()).toMatchObject({ lead: { id: lucia.id, name: "Lucia" } });
    await luca.browser.post(`${path}/remove`, {});
    const rows = await t.database.db
      .select()
      .from(safeguardingLeads)
      .where(eq(safeguardingLeads.organisationId, organisation.id));
    expect(rows).toEqual([]);
  });

  it("asks a coordinator signed in by e-mail to use a passkey first", async () => {
    const { organisation } = await organisationGroup();
    const sara = await personWithSession(t, { displayName: "Sara" });
    await t.database.db
      .insert(organisationCoordinators)
      .values({ organisationId: organisation.id, personId: sara.person.id });
    const path = `/organisations/${organisation.id}/safeguarding-lead`;
    expect((await sara.browser.get(path)).statusCode).toBe(403);
    const json = await sara.browser.json("PUT", `/api/v1${path}`, { email: sara.person.email });
    expect(json.statusCode).toBe(403);
    expect(json.json()).toMatchObject({ error: { code: "passkey_required" } });
  });
});

describe("a group's backup contact", () => {
  it("may be the organisation's lead, who then gets the alerts through a link of their own", async () => {
    const { organisation, group, grace, ada } = await organisationGroup();
    const path = `/groups/${group.slug}/backup-contact`;
    // With no lead named, the lead is not one of the choices.
    expect((await grace.browser.get(path)).body).not.toContain('value="lead"');
    const lucia = await createPerson(t, { displayName: "Lucia" });
    await t.database.db
      .insert(safeguardingLeads)
      .values({ organisationId: organisation.id, personId: lucia.id });
    const page = await grace.browser.get(path);
    expect(page.body).toContain('value="lead"');
    expect(page.body).toContain("There is no backup contact");
    const chosen = await grace.browser.post(path, { contact: "lead" });
    expect(chosen.statusCode).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(backupContacts)
      .where(eq(backupContacts.groupId, group.id));
    expect(row).toMatchObject({ kind: "safeguarding_lead", personId: null });
    const json = await grace.browser.json("GET", `/api/v1${path}`);
    expect(json.json()).toMatchObject({
      contact: { value: "lead", kind: "safeguarding_lead", person: { name: "Lucia" } },
    });
    t.clock.advance(10_000);
    await ada.browser.post(`/groups/${group.slug}/board/threads`, {
      title: "Worried",
      body: "I don't want to live anymore, I want to die.",
    });
    await t.runJobs();
    expect(alertMail(grace.person.email)).toHaveLength(1);
    const toLucia = alertMail(lucia.email);
    expect(toLucia).toHaveLength(1);
    expect(toLucia[0]!.text).toMatch(/\/alerts\/[A-Za-z0-9_-]{43}/);
    expect(toLucia[0]!.text).toContain("please do not pass it on");
  });

  it("may be a member who no longer facilitates, who then handles the alerts on the group's pages", async () => {
    const { group, grace, ada } = await organisationGroup();
    await t.database.db
      .insert(backupContacts)
      .values({ groupId: group.id, kind: "facilitator", personId: ada.person.id });
    const marco = await personWithSession(t, { displayName: "Marco" });
    await addMember(
      t,
      group.id,
      marco.person.id,
      "member",
      new Date(t.clock.now().getTime() - 86_400_000 * 3),
    );
    t.clock.advance(10_000);
    await marco.browser.post(`/groups/${group.slug}/board/threads`, {
      title: "Tonight",
      body: "I want to die.",
    });
    await t.runJobs();
    const [alert] = await t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, group.id));
    const toAda = alertMail(ada.person.email);
    expect(toAda).toHaveLength(1);
    expect(toAda[0]!.text).toContain(`/groups/${group.slug}/alerts/${alert!.id}`);
    expect((await ada.browser.get(`/groups/${group.slug}/alerts/${alert!.id}`)).statusCode).toBe(
      200,
    );
    expect(alertMail(grace.person.email)).toHaveLength(1);
  });
});

describe("the administrators' risk phrases", () => {
  it("are in force for the very next post once added, and no longer once taken off", async () => {
    const { group, ada } = await organisationGroup();
    const admin = await personWithSession(t, { isAdmin: true }, "passkey");
    const words = "I keep thinking about the railway bridge at night.";
    const post = async () => {
      t.clock.advance(10_000);
      await ada.browser.post(`/groups/${group.slug}/board/threads`, {
        title: "Night",
        body: words,
      });
      return (
        await t.database.db.select().from(crisisAlerts).where(eq(crisisAlerts.groupId, group.id))
      ).length;
    };
    expect(await post()).toBe(0);
    const added = await admin.browser.json("POST", "/api/v1/admin/risk-phrases", {
      language: "EN",
      phrase: "railway bridg*",
      category: "danger",
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ language: "en", phrase: "railway bridg*" });
    expect(await post()).toBe(1);
    const list = await admin.browser.json("GET", "/api/v1/admin/risk-phrases");
    expect(JSON.stringify(list.json())).toContain("railway bridg*");
    const page = await admin.browser.get("/admin/risk-phrases?language=en&category=danger");
    expect(page.body).toMatch(/Phrases in English about immediate danger: page 1 of \d+/);
    const removed = await admin.browser.post(`/admin/risk-phrases/${added.json().id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(await post()).toBe(1);
    const [first] = await t.database.db
      .select()
      .from(boardPosts)
      .where(eq(boardPosts.groupId, group.id));
    expect(first?.hiddenAt).toBeNull();
  });
});

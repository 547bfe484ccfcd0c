import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { crisisAlerts, riskPhrases, safeguardingLeads } from "../src/features/crisis/tables.js";
import { addMember, createGroup, createOrganisation } from "../src/test/factories.js";
import {
  describeInBrowser,
  type E2E,
  flashText,
  heading,
  signedInContext,
  startE2E,
  visit,
} from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

/**
 * A browser signed in as a new person. The pages need no JavaScript (the integration tests post
 * their forms without any); the barrier checks run axe inside the page, which needs it on.
 */
const signedIn = (e2e: E2E, name: string, method: "email" | "passkey" = "email") =>
  signedInContext(
    e2e,
    { displayName: name, email: `${name.toLowerCase()}-${Date.now()}@example.org` },
    { javaScriptEnabled: true, method },
  );

describeInBrowser("the crisis protocol", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.t.database.db
      .insert(riskPhrases)
      .values({ language: "en", phrase: "want to die", category: "suicide" })
      .onConflictDoNothing();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const joined = () => new Date(e2e.t.clock.now().getTime() - 7 * 86_400_000);

  it("takes the author of risk words to urgent help, alerts the facilitator, and every page is free of barriers", async () => {
    const luca = await signedIn(e2e, "Luca", "passkey");
    const organisation = await createOrganisation(e2e.t, "Associazione Alzheimer Trento", [
      luca.person.id,
    ]);
    const group = await createGroup(e2e.t, {
      name: "Caffè Alzheimer Trento",
      languages: ["en", "it"],
      country: "GB",
      organisationId: organisation.id,
    });
    const grace = await signedIn(e2e, "Grace");
    const ada = await signedIn(e2e, "Ada");
    const marco = await signedIn(e2e, "Marco");
    await addMember(e2e.t, group.id, grace.person.id, "facilitator", joined());
    await addMember(e2e.t, group.id, ada.person.id, "member", joined());
    await addMember(e2e.t, group.id, marco.person.id, "member", joined());
    await e2e.t.database.db
      .insert(safeguardingLeads)
      .values({ organisationId: organisation.id, personId: luca.person.id });

    // Ada writes; her words are posted as they are, and she is shown where help is.
    const form = await visit(ada.context, `/groups/${group.slug}/board/new`);
    await form.getByLabel("What it is about").fill("Tonight");
    await form.getByLabel("Your message").fill("Since the funeral I want to die, most nights.");
    await form.getByRole("button", { name: "Post it" }).click();
    expect(await heading(form)).toBe("Help is here if you need it");
    expect(
      await form
        .getByRole("link", { name: "If you are in danger now, call 999." })
        .getAttribute("href"),
    ).toBe("tel:999");
    await expectNoBarriers(form, "urgent help after a post");
    await form.getByRole("link", { name: "Back to the conversation" }).click();
    expect(await form.getByText("Since the funeral I want to die").isVisible()).toBe(true);
    const thread = new URL(form.url()).pathname;

    // A minute later, Marco is worried too.
    e2e.t.clock.advance(60_000);
    const marcoThread = await visit(marco.context, thread);
    await marcoThread.getByRole("link", { name: "I'm worried about this person" }).click();
    expect(await heading(marcoThread)).toBe("Worried about Ada?");
    await expectNoBarriers(marcoThread, "I'm worried about this person");
    await marcoThread.getByLabel("Anything they should know (optional)").fill("x".repeat(1001));
    await marcoThread.getByRole("button", { name: "Tell them privately" }).click();
    expect(await marcoThread.title()).toMatch(/^Error: /);
    await expectNoBarriers(marcoThread, "I'm worried, with an error");
    await marcoThread.getByLabel("Anything they should know (optional)").fill("She seemed low.");
    await marcoThread.getByRole("button", { name: "Tell them privately" }).click();
    expect(await flashText(marcoThread)).toMatch(/have been told, privately/);

    // Grace looks after it.
    const alerts = await visit(grace.context, `/groups/${group.slug}/alerts`);
    await expectNoBarriers(alerts, "a group's alerts");
    await alerts.getByRole("link", { name: "Alert about Ada" }).first().click();
    expect(await heading(alerts)).toBe("Alert about Ada");
    await expectNoBarriers(alerts, "an alert");
    await alerts.getByRole("button", { name: "I have seen it" }).click();
    expect(await flashText(alerts)).toMatch(/looking after this/);
    await alerts.getByLabel("Close the alert").check();
    await alerts.getByRole("button", { name: "Save" }).click();
    expect(await alerts.title()).toMatch(/^Error: /);
    await expectNoBarriers(alerts, "an alert, closing without a note");
    await alerts.getByLabel("Note").fill("I rang her; her son is with her tonight.");
    await alerts.getByRole("button", { name: "Save" }).click();
    expect(await flashText(alerts)).toBe("The alert is closed.");
    await expectNoBarriers(alerts, "a closed alert");

    const backup = await visit(grace.context, `/groups/${group.slug}/backup-contact`);
    await expectNoBarriers(backup, "the backup contact");
    await backup.getByLabel(/Luca/).check();
    await backup.getByRole("button", { name: "Save" }).click();
    expect(await flashText(backup)).toBe("The backup contact is saved.");

    // Luca, the lead, handles an alert through the link in his e-mail, without signing in.
    await e2e.t.runJobs();
    // Grace closed the newer alert (Marco's worry); the one Ada's words raised is still open.
    const mail = e2e.t.mail.messages.find(
      (m) => m.to.includes(luca.person.email) && m.text.includes("used words about suicide"),
    );
    const link = new URL(/https?:\/\/\S+\/alerts\/\S+/.exec(mail!.text)![0]).pathname;
    const outside = await e2e.newContext({ javaScriptEnabled: true });
    const linked = await visit(outside, link);
    await expectNoBarriers(linked, "an alert through its e-mailed link");
    await linked.getByRole("button", { name: "I have seen it" }).click();
    expect(await flashText(linked)).toMatch(/looking after this/);

    const lead = await visit(luca.context, `/organisations/${organisation.id}/safeguarding-lead`);
    await expectNoBarriers(lead, "the safeguarding lead");
    await lead.getByLabel("E-mail address of the safeguarding lead").fill("nobody@example.org");
    await lead.getByRole("button", { name: "Name the safeguarding lead" }).click();
    await expectNoBarriers(lead, "the safeguarding lead, with an error");

    const alertsLeft = await e2e.t.database.db
      .select()
      .from(crisisAlerts)
      .where(eq(crisisAlerts.groupId, group.id));
    expect(alertsLeft.map((a) => a.state).sort()).toEqual(["closed", "seen"]);
  });

  it("has no barriers on the administrators' risk phrases, with and without errors", async () => {
    const admin = await signedInContext(
      e2e,
      { displayName: "Anna", email: `anna-${Date.now()}@example.org`, isAdmin: true },
      { javaScriptEnabled: true, method: "passkey" },
    );
    const page = await visit(admin.context, "/admin/risk-phrases");
    await expectNoBarriers(page, "the risk phrases");
    await page.getByLabel("Phrase").fill("*");
    await page.getByRole("button", { name: "Add the phrase" }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoBarriers(page, "the risk phrases, with errors");
  });
});

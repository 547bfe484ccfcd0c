import { afterAll, beforeAll, expect, it } from "vitest";
import { getGroupBySlug } from "../src/features/groups/reads.js";
import { createInvitation } from "../src/features/invitations/writes.js";
import { addMember, createGroup, createOrganisation, createPerson } from "../src/test/factories.js";
import { describeInBrowser, type E2E, signedInContext, startE2E, visit } from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

describeInBrowser("changing a group: its agreement, its page and splitting it", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /**
   * A group of six: Grace facilitates; Ada (JavaScript off) and Bruno are members, four more.
   * The pages' checks run in Bruno's browser: they need JavaScript to look at the page.
   */
  async function groupOfSix() {
    const row = await createGroup(e2e.t, { capacity: 12 });
    const grace = await signedInContext(e2e, { displayName: "Grace" });
    const ada = await signedInContext(e2e, { displayName: "Ada" }, { javaScriptEnabled: false });
    const bruno = await signedInContext(e2e, { displayName: "Bruno" });
    await addMember(e2e.t, row.id, grace.person.id, "facilitator");
    await addMember(e2e.t, row.id, ada.person.id);
    await addMember(e2e.t, row.id, bruno.person.id);
    for (const name of ["Carla", "Dino", "Elsa"]) {
      const other = await createPerson(e2e.t, { displayName: name });
      await addMember(e2e.t, row.id, other.id);
    }
    return { group: (await getGroupBySlug(e2e.t.database.db, row.slug))!, grace, ada, bruno };
  }

  it("lets a member object to a change of the agreement with JavaScript off, and has no barriers", async () => {
    const { group, grace, ada, bruno } = await groupOfSix();
    const agreement = await visit(grace.context, `/groups/${group.slug}/agreement`);
    await expectNoBarriers(agreement, "the agreement, for a facilitator");
    await agreement.getByLabel("The agreement", { exact: true }).fill("");
    await agreement.getByRole("button", { name: "Propose this change" }).click();
    expect(await agreement.title()).toMatch(/^Error: /);
    await expectNoBarriers(agreement, "proposing a change, with errors");
    await agreement
      .getByLabel("The agreement", { exact: true })
      .fill("What is said here stays here.\n\nSaying “pass” is always fine.");
    await agreement.getByRole("button", { name: "Propose this change" }).click();

    await expectNoBarriers(
      await visit(bruno.context, `/groups/${group.slug}/agreement`),
      "a change open for objections",
    );
    const open = await visit(ada.context, `/groups/${group.slug}/agreement`);
    await open.getByLabel("Why you object (optional)").fill("Let us talk about it first.");
    await open.getByRole("button", { name: "I object to this change" }).click();
    expect(await open.textContent("body")).toContain("Your objection is recorded");
    expect(await open.textContent("body")).toContain("Ada objected: Let us talk about it first.");
    await expectNoBarriers(
      await visit(bruno.context, `/groups/${group.slug}/agreement`),
      "a change someone objected to",
    );
  });

  it("lets a member choose their group in a split with JavaScript off, and has no barriers", async () => {
    const { group, grace, ada, bruno } = await groupOfSix();
    const split = await visit(grace.context, `/groups/${group.slug}/split`);
    await expectNoBarriers(split, "proposing a split");
    await split.getByRole("button", { name: "Propose the split" }).click();
    expect(await split.title()).toMatch(/^Error: /);
    await expectNoBarriers(split, "proposing a split, with errors");
    const first = split.getByRole("group", { name: "The first group" });
    const second = split.getByRole("group", { name: "The second group" });
    await first.getByLabel("Its name").fill("Caffè del martedì");
    await first.getByLabel("Tuesday").check();
    await first.getByLabel("At what time?").fill("10:30");
    await first.getByLabel("Grace").check();
    await second.getByLabel("Its name").fill("Caffè del giovedì");
    await second.getByLabel("Thursday").check();
    await second.getByLabel("At what time?").fill("17:00");
    await second.getByLabel("Ada").check();
    await split.getByRole("button", { name: "Propose the split" }).click();
    expect(await split.textContent("body")).toContain("The split is proposed");

    // Ada facilitates the second group, so her place is settled; the others choose.
    await expectNoBarriers(
      await visit(bruno.context, `/groups/${group.slug}/split`),
      "choosing a group in a split",
    );
    const adaView = await visit(ada.context, `/groups/${group.slug}/split`);
    expect(await adaView.textContent("body")).toContain("your place is settled");
    const federica = await signedInContext(
      e2e,
      { displayName: "Federica" },
      { javaScriptEnabled: false },
    );
    await addMember(e2e.t, group.id, federica.person.id);
    const choice = await visit(federica.context, `/groups/${group.slug}/split`);
    await choice.getByRole("radio", { name: "Caffè del giovedì" }).check();
    await choice.getByRole("button", { name: "Save my choice" }).click();
    expect(await choice.textContent("body")).toContain("Your choice is saved");
    const chosen = await visit(bruno.context, `/groups/${group.slug}/split`);
    await chosen.getByRole("radio", { name: "Caffè del martedì" }).check();
    await chosen.getByRole("button", { name: "Save my choice" }).click();
    expect(await chosen.textContent("body")).toContain("Your choice is saved");
    await expectNoBarriers(chosen, "the split, after choosing");
  });

  it("has no barriers on inviting, removing a member, changing the group's page and schedule, pausing, closing and its history", async () => {
    const { group, grace, bruno } = await groupOfSix();
    await expectNoBarriers(
      await visit(grace.context, `/groups/${group.slug}/members/${bruno.person.id}/remove`),
      "removing a member",
    );
    const invite = await visit(grace.context, `/groups/${group.slug}/invitations`);
    await expectNoBarriers(invite, "inviting someone");
    await invite.getByLabel("Their e-mail address").fill("not an address");
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    expect(await invite.title()).toMatch(/^Error: /);
    await expectNoBarriers(invite, "inviting someone, with errors");
    const nina = await signedInContext(e2e, { displayName: "Nina" });
    const token = await createInvitation(
      e2e.t.database.db,
      { groupId: group.id, email: nina.person.email, invitedBy: grace.person.id },
      e2e.t.clock.now(),
    );
    await expectNoBarriers(await visit(nina.context, `/invitations/${token}`), "an invitation");
    await expectNoBarriers(
      await visit(grace.context, `/invitations/${token}`, 403),
      "an invitation opened by someone it was not sent to",
    );
    const settings = await visit(grace.context, `/groups/${group.slug}/settings`);
    await expectNoBarriers(settings, "changing the group's page");
    await settings.getByLabel("How many members at most?").fill("3");
    await settings.getByRole("button", { name: "Save the changes" }).click();
    expect(await settings.title()).toMatch(/^Error: /);
    expect(await settings.textContent("body")).toContain("more members than that");
    await expectNoBarriers(settings, "changing the group's page, with errors");

    const close = await visit(grace.context, `/groups/${group.slug}/close`);
    await expectNoBarriers(close, "pausing or closing the group");
    await close.getByRole("button", { name: "Close the group" }).click();
    expect(await close.title()).toMatch(/^Error: /);
    await expectNoBarriers(close, "closing the group, with errors");
    await close.getByLabel("The group has talked it over and agreed to close").check();
    await close.getByRole("button", { name: "Close the group" }).click();
    expect(await close.title()).toMatch(/^The history of /);
    await expectNoBarriers(close, "a closed group's history");
  });

  it("has no barriers on an organisation's view of its groups", async () => {
    const luca = await signedInContext(e2e, { displayName: "Luca" }, { method: "passkey" });
    const organisation = await createOrganisation(e2e.t, "Associazione Alzheimer Trento", [
      luca.person.id,
    ]);
    for (const name of ["Caffè del martedì", "Caffè del giovedì"]) {
      const row = await createGroup(e2e.t, { name, organisationId: organisation.id });
      for (let i = 0; i < 6; i++) {
        await addMember(e2e.t, row.id, (await createPerson(e2e.t)).id);
      }
    }
    const page = await visit(luca.context, `/organisations/${organisation.id}`);
    expect(await page.textContent("body")).toContain("6 / 12");
    await expectNoBarriers(page, "an organisation's view of its groups");
  });
});

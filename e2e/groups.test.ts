import { afterAll, beforeAll, expect, it } from "vitest";
import { createGroup, createPerson } from "../src/test/factories.js";
import { describeInBrowser, type E2E, signedInContext, startE2E, visit } from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

describeInBrowser("the pages of groups, joining and administration", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("has no barriers on the directory, a group's page, starting a group and its error state", async () => {
    const group = await createGroup(e2e.t, { name: "Caffè Alzheimer Rovereto", capacity: 3 });
    const visitor = await e2e.newContext();
    await expectNoBarriers(await visit(visitor, "/groups"), "the directory");
    await expectNoBarriers(
      await visit(visitor, "/groups?place=Trento&radius=25&difficulty=dementia-care"),
      "directory results",
    );
    await expectNoBarriers(
      await visit(visitor, `/groups/${group.slug}`),
      "a group's page, signed out",
    );

    const { context } = await signedInContext(e2e, { displayName: "Grace" });
    const form = await visit(context, "/groups/new");
    await expectNoBarriers(form, "the form to start a group");
    await form.getByRole("button", { name: "Start the group" }).click();
    expect(await form.title()).toMatch(/^Error: /);
    await expectNoBarriers(form, "the form to start a group, with errors");
  });

  it("has no barriers on joining, the member's view, leaving and the requests page", async () => {
    const open = await createGroup(e2e.t, { joiningPolicy: "open" });
    const asking = await createGroup(e2e.t, { joiningPolicy: "ask" });
    const { context } = await signedInContext(e2e, { displayName: "Marco" });
    const join = await visit(context, `/groups/${open.slug}/join`);
    await expectNoBarriers(join, "the join page with the ground rules");
    await join.getByRole("button", { name: "I agree, join the group" }).click();
    await join.waitForURL(`**/groups/${open.slug}`);
    expect(await join.getByText("You are now a member of this group.").isVisible()).toBe(true);
    await expectNoBarriers(join, "a group's page, for a member");
    await expectNoBarriers(await visit(context, `/groups/${open.slug}/leave`), "the leave page");
    await expectNoBarriers(
      await visit(context, `/groups/${asking.slug}/join`),
      "the ask-to-join page",
    );

    const { person: facilitator, context: facilitating } = await signedInContext(e2e, {
      displayName: "Grace",
    });
    const { memberships } = await import("../src/features/memberships/tables.js");
    await e2e.t.database.db.insert(memberships).values([
      { groupId: asking.id, personId: facilitator.id, state: "active", role: "facilitator" },
      {
        groupId: asking.id,
        personId: (await createPerson(e2e.t, { displayName: "Ada" })).id,
        state: "requested",
        requestMessage: "Vorrei partecipare.",
      },
    ]);
    await expectNoBarriers(
      await visit(facilitating, `/groups/${asking.slug}/requests`),
      "the requests page",
    );
  });

  it("has no barriers on the administrators' pages", async () => {
    const { context } = await signedInContext(
      e2e,
      { displayName: "Luca", isAdmin: true },
      { method: "passkey" },
    );
    for (const [path, what] of [
      ["/admin", "the administration page"],
      ["/admin/difficulties", "the difficulties"],
      ["/admin/difficulties/loneliness", "a difficulty"],
      ["/admin/organisations", "the organisations"],
      ["/admin/organisations/new", "a new organisation"],
    ] as const) {
      await expectNoBarriers(await visit(context, path), what);
    }
  });
});

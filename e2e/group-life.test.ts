import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSession } from "../src/features/accounts/writes.js";
import { createOrganisation, createPerson } from "../src/test/factories.js";
import { describeInBrowser, type E2E, startE2E } from "./fixtures.js";

describeInBrowser("the life of a group, with JavaScript off", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function person(name: string, ...more: Parameters<typeof createPerson>[1][]) {
    const row = await createPerson(e2e.t, { displayName: name, language: "en", ...more[0] });
    const session = await startSession(e2e.t.database.db, row.id, "email", e2e.t.clock.now());
    const context = await e2e.newContext({ javaScriptEnabled: false });
    await context.addCookies([
      {
        name: "__Host-mutua_session",
        value: session.secret,
        domain: "localhost",
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    return { row, page: await context.newPage() };
  }

  const choose = (page: Page, group: string, option: string) =>
    page.getByRole("group", { name: group }).getByLabel(option, { exact: true }).check();

  it("a guide starts a group, members join and lead a meeting, and after the handover the group runs on", async () => {
    const start = e2e.t.clock.now();
    try {
      const luca = await person("Luca");
      await createOrganisation(e2e.t, "Associazione Alzheimer Trento", [luca.row.id]);

      // Luca, a social worker, starts a group for his association: he is its guide.
      await luca.page.goto("/groups/new");
      await choose(luca.page, "Start it for", "Associazione Alzheimer Trento");
      await luca.page.getByLabel("Name of the group").fill("Carers' café online");
      await luca.page
        .getByLabel("What the group is for")
        .fill("Carers of people with dementia meet by video every week.");
      await luca.page
        .getByRole("group", { name: "What are members going through?" })
        .getByRole("checkbox")
        .first()
        .check();
      await choose(luca.page, "Who is it for?", "Carers and families");
      await choose(luca.page, "Languages spoken in the group", "English");
      await choose(luca.page, "How does it meet?", "Online, by video");
      await luca.page
        .getByLabel("Video meeting link (needed if the group meets online)")
        .fill("https://video.example/cafe");
      await choose(luca.page, "How often does it meet?", "Every week");
      await choose(luca.page, "On which day?", "Tuesday");
      await luca.page.getByLabel("Date of the first meeting").fill("2026-03-10");
      await luca.page.getByLabel("Start time").fill("10:30");
      await choose(
        luca.page,
        "How do people join?",
        "Anyone can join after reading the ground rules",
      );
      await choose(luca.page, "Who can find the group?", "Everyone: it is listed in the directory");
      await luca.page.getByRole("button", { name: "Start the group" }).click();
      const groupPath = new URL(luca.page.url()).pathname;
      expect(groupPath).toMatch(/^\/groups\/carers-cafe-online-/);

      // Two people join after reading the ground rules.
      const ada = await person("Ada");
      const marco = await person("Marco");
      for (const member of [ada, marco]) {
        await member.page.goto(`${groupPath}/join`);
        await member.page.getByRole("button", { name: "I agree, join the group" }).click();
        expect(await member.page.getByText("You are now a member of this group.").isVisible()).toBe(
          true,
        );
      }

      // Ada volunteers to facilitate today's meeting.
      await ada.page.goto(`${groupPath}/meetings`);
      await ada.page.getByRole("heading", { level: 2 }).first().getByRole("link").click();
      const meetingPath = new URL(ada.page.url()).pathname;
      await ada.page.getByRole("button", { name: "I will facilitate this meeting" }).click();
      expect(await ada.page.getByText("Facilitated by Ada.").isVisible()).toBe(true);

      // The meeting has begun: Ada records who came.
      e2e.t.clock.advance(45 * 60_000);
      await ada.page.goto(`${meetingPath}/attendance`);
      await ada.page.getByLabel("Ada", { exact: true }).check();
      await ada.page.getByLabel("Marco", { exact: true }).check();
      await ada.page.getByRole("button", { name: "Save" }).click();
      expect(await ada.page.getByText("Thank you. Who came is saved.").isVisible()).toBe(true);

      // Luca makes Ada a facilitator and proposes to step back on 20 March; Ada agrees.
      await luca.page.goto(`${groupPath}/members`);
      await luca.page.getByRole("button", { name: "Make Ada a facilitator" }).click();
      await luca.page.goto(`${groupPath}/handover`);
      await luca.page.getByLabel("The handover date").fill("2026-03-20");
      await luca.page.getByRole("button", { name: "Propose this date" }).click();
      await ada.page.goto(`${groupPath}/handover`);
      await ada.page.getByRole("button", { name: "We agree to this date" }).click();
      expect(
        await ada.page
          .getByText("Agreed. From that date the group is led by its members.")
          .isVisible(),
      ).toBe(true);

      // The date passes: Luca no longer sees who the members are, as if the list did not exist.
      e2e.t.clock.set(new Date("2026-03-20T08:00:00.000Z"));
      const hidden = await luca.page.goto(`${groupPath}/members`);
      expect(hidden?.status()).toBe(404);
      expect((await luca.page.goto(`${groupPath}/meetings`))?.status()).toBe(200);

      // The group runs on, led by its members.
      await marco.page.goto(groupPath);
      expect(await marco.page.getByText("This group is led by its members.").isVisible()).toBe(
        true,
      );
      await marco.page.goto(`${groupPath}/meetings`);
      await marco.page.getByRole("button", { name: "Yes, I will come" }).first().click();
      expect(await marco.page.getByText("Thank you. Your answer is saved.").isVisible()).toBe(true);
      await ada.page.goto(`${groupPath}/members`);
      expect(await ada.page.getByText("guide → observer").isVisible()).toBe(true);
    } finally {
      e2e.t.clock.set(start);
    }
  });
});

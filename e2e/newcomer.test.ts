import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { groups } from "../src/features/groups/tables.js";
import { createGroup, uniqueEmail } from "../src/test/factories.js";
import {
  describeInBrowser,
  type E2E,
  flashText,
  heading,
  pathOf,
  signInWithCode,
  startE2E,
  textOf,
} from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

const noScript = { javaScriptEnabled: false };

const answers =
  "difficulty=dementia-care&who=carer&how=in_person&place=Trento&radius=25&day=2&time=morning&language=it";

async function next(page: Page, path: string) {
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

describeInBrowser("a newcomer finds a group and joins it, with JavaScript switched off", () => {
  let e2e: E2E;
  let tuesday: typeof groups.$inferSelect;
  beforeAll(async () => {
    e2e = await startE2E();
    // Two carers' groups in Trento: the one that meets when the newcomer can comes first.
    await createGroup(e2e.t, {
      slug: "caffe-alzheimer-giovedi",
      name: "Caffè Alzheimer del giovedì",
      weekday: 4,
      rrule: "FREQ=WEEKLY;BYDAY=TH",
      startTime: "18:00:00",
    });
    tuesday = await createGroup(e2e.t, {
      slug: "caffe-alzheimer-martedi",
      name: "Caffè Alzheimer del martedì",
    });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("answers five questions from the home page, picks the first group, signs up and joins it", async () => {
    const page = await e2e.newPage({ ...noScript, locale: "en-GB" });
    await page.goto("/");
    await page.getByRole("main").getByRole("link", { name: "Find a group", exact: true }).click();
    await page.waitForURL("**/find");
    expect(await heading(page)).toBe("Find a group that suits you");
    await page.getByRole("link", { name: "Start now" }).click();

    await page.waitForURL("**/find/difficulty");
    expect(await heading(page)).toBe("What are you going through?");
    // Continuing without a choice says what to do, on the same question.
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/find/difficulty" && url.search !== "");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    expect(await textOf(summary)).toContain("Choose what you are going through");
    await page.getByLabel("Caring for someone with dementia", { exact: true }).check();
    await next(page, "/find/who");

    expect(await heading(page)).toBe("Who is the group for?");
    await page.getByLabel("For someone I care for", { exact: true }).check();
    await next(page, "/find/where");

    expect(await heading(page)).toBe("Where or how would you like to meet?");
    await page.getByLabel("In person, near where I live", { exact: true }).check();
    await page.getByLabel("Your town or city", { exact: true }).fill("Trento");
    expect(await page.getByLabel("Up to 25 km", { exact: true }).isChecked()).toBe(true);
    await next(page, "/find/when");

    expect(await heading(page)).toBe("When suits you?");
    await page.getByLabel("Tuesday", { exact: true }).check();
    await page.getByLabel("Morning (before midday)", { exact: true }).check();
    await next(page, "/find/language");

    expect(await heading(page)).toBe("Which language would you like to speak in the group?");
    // The reader's own language is chosen to start with; this newcomer speaks Italian.
    expect(await page.getByLabel("English", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("Italian", { exact: true }).check();
    await next(page, "/find/summary");

    expect(await heading(page)).toBe("Check your answers");
    const answersShown = await textOf(page.locator("main dl"));
    for (const words of [
      "Caring for someone with dementia",
      "For someone I care for",
      "In person, up to 25 km from Trento",
      "Tuesday, in the morning",
      "Italian",
    ]) {
      expect(answersShown).toContain(words);
    }
    await page.getByRole("button", { name: "See groups that fit" }).click();

    await page.waitForURL((url) => url.pathname === "/find/results");
    expect(await heading(page)).toBe("Groups that fit your answers");
    const found = page.locator("main ol > li");
    expect(await found.count()).toBe(2);
    const first = found.first();
    expect(await textOf(first)).toContain("It meets on Tuesday, a day you chose");
    expect(await textOf(first)).toContain("It meets in the morning, a time you chose");
    await first.getByRole("link", { name: tuesday.name }).click();

    await page.waitForURL(`**/groups/${tuesday.slug}`);
    expect(await heading(page)).toBe(tuesday.name);
    await page.getByRole("link", { name: "Join this group" }).click();

    // Signed out: asked to sign in first, and brought back to the group afterwards.
    await page.waitForURL("**/sign-in");
    expect(await flashText(page)).toBe("Please sign in to see this page.");
    await signInWithCode(e2e, page, uniqueEmail("newcomer"));
    expect(pathOf(page)).toBe("/welcome");
    await page.getByLabel("Your name", { exact: true }).fill("Giulia");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.waitForURL(`**/groups/${tuesday.slug}/join`);
    expect(await heading(page)).toBe(`Join ${tuesday.name}`);
    expect(await textOf(page.locator("main .agreement"))).toContain(
      "Quello che si dice nel gruppo resta nel gruppo.",
    );
    await page.getByRole("button", { name: "I agree, join the group" }).click();

    await page.waitForURL(`**/groups/${tuesday.slug}`);
    expect(await flashText(page)).toContain("You are now a member");
  });

  it.each([
    ["the start page", "/find"],
    ["the first question", "/find/difficulty"],
    ["the question of where to meet", `/find/where?difficulty=dementia-care&who=carer`],
    ["the question of when", `/find/when?difficulty=dementia-care&who=carer&how=online`],
    ["the language question", `/find/language?${answers.replace("&language=it", "")}`],
    [
      "a question sent with a town that cannot be found",
      "/find/where?difficulty=dementia-care&who=carer&how=in_person&place=Nowhereville&radius=25&sent=1",
    ],
    ["the summary", `/find/summary?${answers}`],
    ["the results, with few groups", `/find/results?${answers}`],
    ["the results, with none", `/find/results?${answers.replace("language=it", "language=en")}`],
    ["the help form", `/find/help?${answers}`],
    ["the thank-you page", "/find/help/sent"],
  ])("%s has no barriers", async (_name, path) => {
    const page = await e2e.newPage();
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expectNoBarriers(page, path);
    await page.context().close();
  });

  it("the help form has no barriers when it shows what to fix", async () => {
    const page = await e2e.newPage();
    await page.goto(`/find/help?${answers}`);
    await page.getByRole("button", { name: "Ask for help" }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe("Ask us to help you find a group");
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoBarriers(page, "the help form with errors");
    await page.context().close();
  });
});

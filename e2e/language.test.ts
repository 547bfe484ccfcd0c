import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeInBrowser,
  type E2E,
  heading,
  pathOf,
  signInNewPerson,
  startE2E,
} from "./fixtures.js";

function footerSwitch(page: Page, name: string) {
  return page.getByRole("contentinfo").getByRole("link", { name, exact: true });
}

describeInBrowser("choosing a language before signing in", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("turns the page Italian with the footer's Italiano link, stays on it, and remembers", async () => {
    const page = await e2e.newPage({ locale: "en-GB" });
    await page.goto("/sign-in");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    // The link is labelled in the language it switches to, so an Italian reader finds it.
    expect(await footerSwitch(page, "Italiano").getAttribute("lang")).toBe("it");

    await footerSwitch(page, "Italiano").click();
    await page.waitForFunction(() => document.documentElement.lang === "it");
    expect(pathOf(page)).toBe("/sign-in");
    expect(await heading(page)).toBe("Accedi o crea un account");

    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("it");
    expect(await heading(page)).toBe(
      "Incontra persone che stanno vivendo la tua stessa situazione",
    );

    await footerSwitch(page, "English").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(pathOf(page)).toBe("/");
    expect(await heading(page)).toBe("Find people who are going through the same thing");
  });

  it("leaves the choice to the profile once a person has signed in", async () => {
    const page = await e2e.newPage();
    await signInNewPerson(e2e, page, "Anna");
    expect(await page.getByRole("contentinfo").getByRole("button").count()).toBe(0);
    await page.goto("/account/profile");
    await page.getByRole("radio", { name: "Italiano" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL("**/account");
    expect(await page.getAttribute("html", "lang")).toBe("it");
    expect(await heading(page)).toBe("Il tuo account");
  });
});

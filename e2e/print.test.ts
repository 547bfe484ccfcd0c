import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, type E2E, signInNewPerson, startE2E } from "./fixtures.js";

/** Looks at the page as the printer lays it out, then goes back to the screen. */
async function whilePrinting<T>(page: Page, look: () => Promise<T>): Promise<T> {
  await page.emulateMedia({ media: "print" });
  try {
    return await look();
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}

const menu = (page: Page) => page.getByRole("navigation", { name: "Main menu" });
const helpBox = (page: Page) => page.getByRole("complementary", { name: "Need help?" });

describeInBrowser("printing a page", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("prints the urgent help without the menu and the help box", async () => {
    const page = await e2e.newPage();
    await page.goto("/urgent-help");
    expect(await menu(page).isVisible()).toBe(true);
    expect(await helpBox(page).isVisible()).toBe(true);

    const onPaper = await whilePrinting(page, async () => ({
      menu: await menu(page).isVisible(),
      helpBox: await helpBox(page).isVisible(),
      heading: await page.getByRole("heading", { name: "Need urgent help?" }).isVisible(),
      emergency: await page.getByText("If someone is in danger now, call 112.").isVisible(),
    }));
    expect(onPaper).toEqual({ menu: false, helpBox: false, heading: true, emergency: true });
  });

  it("offers a Print button that opens the browser's printing, and leaves it off the paper", async () => {
    const page = await e2e.newPage();
    await page.goto("/urgent-help");
    const button = page.getByRole("button", { name: "Print this page" });
    expect(await button.isVisible()).toBe(true);
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute("data-printed", "yes");
    });
    await button.click();
    expect(await page.locator("html").getAttribute("data-printed")).toBe("yes");
    expect(await whilePrinting(page, () => button.isVisible())).toBe(false);
  });

  it("prints a signed-in page without the menu, its sign-out button or the help box", async () => {
    const page = await e2e.newPage();
    await signInNewPerson(e2e, page, "Elena");
    const signOut = page.getByRole("button", { name: "Sign out", exact: true });
    expect(await signOut.isVisible()).toBe(true);

    const onPaper = await whilePrinting(page, async () => ({
      menu: await menu(page).isVisible(),
      signOut: await signOut.isVisible(),
      helpBox: await helpBox(page).isVisible(),
      heading: await page.getByRole("heading", { name: "Your account" }).isVisible(),
    }));
    expect(onPaper).toEqual({ menu: false, signOut: false, helpBox: false, heading: true });
  });
});

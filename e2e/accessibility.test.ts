import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../src/test/factories.js";
import {
  askForSignIn,
  describeInBrowser,
  type E2E,
  flashText,
  heading,
  pathOf,
  signInNewPerson,
  startE2E,
} from "./fixtures.js";
import { expectNoBarriers, expectPresentation } from "./page-checks.js";

/** A setup token of the right shape that was never issued. */
const unknownToken = "A".repeat(43);

/** Pages anyone can open by address, with the status each answers. */
const openPages: [name: string, path: string, status: number][] = [
  ["the home page", "/", 200],
  ["the urgent help page", "/urgent-help", 200],
  ["the page-not-found page", "/no-such-page", 404],
  ["a setup link that does not work", `/setup?token=${unknownToken}`, 404],
  ["a sign-in link that no longer works", `/sign-in/link?token=${unknownToken}`, 400],
  ["the development outbox", "/dev/outbox", 200],
];

/** Asks for a sign-in in a separate browser and returns the e-mailed link. */
async function linkFromAnotherBrowser(e2e: E2E): Promise<string> {
  const elsewhere = await e2e.newPage();
  try {
    return (await askForSignIn(e2e, elsewhere, uniqueEmail("elsewhere"))).link;
  } finally {
    await elsewhere.context().close();
  }
}

async function open(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
}

describeInBrowser("accessibility of every page", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  describe("signed out", () => {
    let page: Page;
    beforeAll(async () => {
      page = await e2e.newPage();
    });

    it.each(openPages)("%s has no barriers", async (name, path, status) => {
      await open(page, path, status);
      await expectNoBarriers(page, name);
    });

    it("the sign-in page has no barriers, and nor does its error when sent empty", async () => {
      await open(page, "/sign-in");
      await page.getByRole("button", { name: "Sign in with a passkey" }).waitFor();
      await expectNoBarriers(page, "the sign-in page");
      await page.getByRole("button", { name: "Send me a link and a code" }).click();
      await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
      expect(await page.getByRole("link", { name: "Enter your e-mail address" }).count()).toBe(1);
      await page.getByRole("button", { name: "Sign in with a passkey" }).waitFor();
      await expectNoBarriers(page, "the sign-in page with an empty address");
    });

    it("the check-e-mail page has no barriers, and nor does its error for a wrong code", async () => {
      const { code } = await askForSignIn(e2e, page, uniqueEmail());
      await expectNoBarriers(page, "the check-e-mail page");
      const wrong = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
      await page.getByLabel("6-digit code", { exact: true }).fill(wrong);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
      expect(await page.getByText("That code is not right").count()).toBeGreaterThan(0);
      await expectNoBarriers(page, "the check-e-mail page with a wrong code");
    });

    it("the sign-in page in Italian has no barriers", async () => {
      const italian = await e2e.newPage({ locale: "it-IT" });
      await open(italian, "/sign-in");
      expect(await italian.getAttribute("html", "lang")).toBe("it");
      await expectNoBarriers(italian, "the sign-in page in Italian");
      await italian.context().close();
    });

    it("the page that asks before signing in on another device has no barriers", async () => {
      await open(page, await linkFromAnotherBrowser(e2e));
      expect(await heading(page)).toBe("Sign in on this device?");
      await expectNoBarriers(page, "the sign-in confirmation page");
    });
  });

  const modes = [
    {
      name: "standard settings",
      textSize: "standard",
      contrast: "standard",
      minFontPx: 19,
      labels: null,
    },
    {
      name: "high contrast and the largest text",
      textSize: "largest",
      contrast: "high",
      minFontPx: 28,
      labels: { textSize: "Largest", contrast: "High contrast (black and yellow)" },
    },
  ];

  describe.each(modes)("signed in, $name", (mode) => {
    let page: Page;
    const check = async (path: string, what: string, status = 200) => {
      await open(page, path, status);
      await expectPresentation(page, mode);
      await expectNoBarriers(page, `${what} (${mode.name})`);
    };

    beforeAll(async () => {
      page = await e2e.newPage();
      await signInNewPerson(e2e, page, "Rosa");
      if (mode.labels) {
        await page.goto("/account/profile");
        await page.getByRole("radio", { name: mode.labels.textSize, exact: true }).check();
        await page.getByRole("radio", { name: mode.labels.contrast, exact: true }).check();
        await page.getByRole("button", { name: "Save" }).click();
        await page.waitForURL("**/account");
        expect(await flashText(page)).toBe("Your details have been saved.");
      }
    });

    it("the account page has no barriers, with its passkey button shown", async () => {
      await open(page, "/account");
      // Checked once the script has swapped the "needs JavaScript" note for the button.
      await page.getByRole("button", { name: "Add a passkey on this device" }).waitFor();
      await expectPresentation(page, mode);
      await expectNoBarriers(page, `the account page (${mode.name})`);
    });

    it("the profile page has no barriers, and nor does its error for an empty name", async () => {
      await check("/account/profile", "the profile page");
      await page.getByLabel("Your name", { exact: true }).fill("");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
      await expectPresentation(page, mode);
      await expectNoBarriers(page, `the profile page with an empty name (${mode.name})`);
    });

    it("the welcome page has no barriers, and nor does its error for an empty name", async () => {
      await check("/welcome", "the welcome page");
      await page.getByLabel("Your name", { exact: true }).fill("");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
      await expectPresentation(page, mode);
      await expectNoBarriers(page, `the welcome page with an empty name (${mode.name})`);
    });

    it.each(openPages.filter(([, path]) => path !== "/urgent-help"))(
      "%s has no barriers",
      async (name, path, status) => {
        await check(path, name, status);
      },
    );

    it("the urgent help page has no barriers and keeps the person's settings", async () => {
      await check("/urgent-help", "the urgent help page");
    });

    it("the page that asks before signing in on another device has no barriers", async () => {
      await check(await linkFromAnotherBrowser(e2e), "the sign-in confirmation page");
    });

    it("the delete page and the goodbye page have no barriers", async () => {
      await check("/account/delete", "the delete page");
      await page.getByRole("button", { name: "Yes, delete my account" }).click();
      await page.getByText("Your account has been deleted.").waitFor();
      expect(pathOf(page)).toBe("/account/delete");
      expect(
        await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).count(),
      ).toBe(1);
      await expectNoBarriers(page, `the goodbye page after deleting (${mode.name})`);
    });
  });
});

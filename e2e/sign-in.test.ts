import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPerson, uniqueEmail } from "../src/test/factories.js";
import {
  askForSignIn,
  describeInBrowser,
  type E2E,
  flashText,
  heading,
  pathOf,
  startE2E,
  textOf,
} from "./fixtures.js";

/** What the account page says about who is signed in. */
function signedInAs(page: Page): Promise<string> {
  return textOf(page.locator("main p").filter({ hasText: "You are signed in as" }));
}

describeInBrowser("signing in with JavaScript switched off", () => {
  let e2e: E2E;
  const noScript = { javaScriptEnabled: false };
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("signs a new person in with the e-mailed code, asks their name, and opens their account", async () => {
    const page = await e2e.newPage(noScript);
    const email = uniqueEmail("new");
    await page.goto("/sign-in");
    // Passkeys need the script: the page says so instead of offering a button that cannot work.
    const note = page.getByText("Signing in with a passkey needs JavaScript");
    const passkeyButton = page.getByRole("button", { name: "Sign in with a passkey" });
    expect(await note.isVisible()).toBe(true);
    expect(await passkeyButton.isVisible()).toBe(false);

    const { code } = await askForSignIn(e2e, page, email);
    expect(await heading(page)).toBe("Check your e-mail");
    expect(await textOf(page.locator("main"))).toContain(email);
    // Typed as the message shows it, "123 456": the hint promises spaces do not matter.
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    await page.getByLabel("6-digit code", { exact: true }).fill(spaced);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await page.waitForURL("**/welcome");
    expect(await heading(page)).toBe("What should we call you?");
    await page.getByLabel("Your name", { exact: true }).fill("Lucia");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.waitForURL("**/account");
    expect(await flashText(page)).toBe("Your details have been saved.");
    expect(await signedInAs(page)).toBe(`You are signed in as Lucia (${email}).`);
    const signOut = page.getByRole("navigation").getByRole("button", { name: "Sign out" });
    expect(await signOut.isVisible()).toBe(true);
  });

  it("signs a known person in when they open the e-mailed link in the same browser", async () => {
    const person = await createPerson(e2e.t, { displayName: "Teresa" });
    const page = await e2e.newPage(noScript);
    const { link } = await askForSignIn(e2e, page, person.email);
    await page.goto(link);

    await page.waitForURL("**/account");
    expect(await flashText(page)).toBe("You are signed in.");
    expect(await signedInAs(page)).toBe(`You are signed in as Teresa (${person.email}).`);
  });

  it("asks before signing in when the link is opened in another browser, and the link then stops working", async () => {
    const person = await createPerson(e2e.t, { displayName: "Franco" });
    const asking = await e2e.newPage(noScript);
    const { link } = await askForSignIn(e2e, asking, person.email);

    // A second browser: a phone's mail app, or a mail scanner that follows every link.
    const other = await e2e.newPage(noScript);
    await other.goto(link);
    expect(await heading(other)).toBe("Sign in on this device?");
    expect(pathOf(other)).toBe("/sign-in/link");
    // Merely opening the link signs nobody in.
    expect((await other.goto("/account"))?.url()).toMatch(/\/sign-in$/);

    await other.goto(link);
    await other.getByRole("button", { name: "Yes, sign me in here" }).click();
    await other.waitForURL("**/account");
    expect(await signedInAs(other)).toBe(`You are signed in as Franco (${person.email}).`);

    await asking.goto(link);
    expect(await heading(asking)).toBe("This link no longer works");
  });

  it("keeps the person on the code page with a clear message when the code is wrong", async () => {
    const page = await e2e.newPage(noScript);
    const { code } = await askForSignIn(e2e, page, uniqueEmail("typo"));
    const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
    await page.getByLabel("6-digit code", { exact: true }).fill(wrong);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    expect(await heading(page)).toBe("Check your e-mail");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    expect(await textOf(summary)).toContain("That code is not right");
    // The field starts empty again and is marked as the one with the problem.
    const field = page.getByLabel("6-digit code", { exact: true });
    expect(await field.inputValue()).toBe("");
    expect(await field.getAttribute("aria-invalid")).toBe("true");

    await field.fill(code);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/welcome");
  });
});

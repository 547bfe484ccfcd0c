import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeInBrowser,
  type E2E,
  flashText,
  pathOf,
  signInNewPerson,
  startE2E,
} from "./fixtures.js";

/**
 * A platform authenticator (like a phone's fingerprint reader) that keeps discoverable
 * credentials and always confirms the person. Its credentials live only as long as the CDP
 * session, so one page and one session carry the whole story.
 */
async function addVirtualAuthenticator(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  /** The credentials the device holds, as a person's phone would. */
  const credentials = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return { credentials };
}

async function passkeyItems(page: Page): Promise<string[]> {
  const section = page.locator("main ul li").filter({ hasText: "Passkey" });
  return (await section.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
}

async function signOut(page: Page) {
  await page
    .getByRole("navigation", { name: "Main menu" })
    .getByRole("button", { name: "Sign out" })
    .click();
  await page.waitForURL((url) => url.pathname === "/");
  expect(await flashText(page)).toBe("You have signed out.");
}

async function me(page: Page) {
  const response = await page.context().request.get("/api/v1/me");
  return { status: response.status(), body: response.ok() ? await response.json() : null };
}

describeInBrowser("passkeys", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("adds a passkey on the account page, then signs in with it after signing out", async () => {
    const page = await e2e.newPage();
    const device = await addVirtualAuthenticator(page);
    await signInNewPerson(e2e, page, "Giulia");
    expect(await page.getByText("You have not added a passkey yet.").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Add a passkey on this device" }).click();
    await page.getByText("Your passkey has been added.").waitFor();
    expect(await passkeyItems(page)).toEqual([expect.stringMatching(/^Passkey on Linux — Added /)]);
    expect(await page.getByText("You have not added a passkey yet.").count()).toBe(0);
    const credentials = await device.credentials();
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    await signOut(page);
    expect((await me(page)).status).toBe(401);

    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL("**/account");
    expect(await flashText(page)).toBe("You are signed in.");
    const { status, body } = await me(page);
    expect(status).toBe(200);
    expect(body).toMatchObject({ displayName: "Giulia", signInMethod: "passkey" });
  });

  it("stops accepting a passkey once the person removes it, and says so on the sign-in page", async () => {
    const page = await e2e.newPage();
    await addVirtualAuthenticator(page);
    await signInNewPerson(e2e, page, "Paolo");
    await page.getByRole("button", { name: "Add a passkey on this device" }).click();
    await page.getByText("Your passkey has been added.").waitFor();

    await page.getByRole("button", { name: "Remove Passkey on Linux" }).click();
    await page.waitForURL("**/account");
    expect(await flashText(page)).toBe("The passkey has been removed.");
    expect(await page.getByText("You have not added a passkey yet.").isVisible()).toBe(true);

    await signOut(page);
    await page.goto("/sign-in");
    // The device still offers its credential; the app must refuse it and explain.
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    const failure = page
      .getByRole("alert")
      .filter({ hasText: "We could not sign you in with that passkey" });
    await failure.waitFor();
    expect(pathOf(page)).toBe("/sign-in");
    expect((await me(page)).status).toBe(401);
    // The button works again, so the person can retry or use e-mail instead.
    const retry = page.getByRole("button", { name: "Sign in with a passkey" });
    expect(await retry.isEnabled()).toBe(true);
  });
});

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { startSession } from "../src/features/accounts/writes.js";
import { freePort } from "../src/infra/net/free-port.js";
import { buildTestApp, type TestApp } from "../src/test/build-app.js";
import { createPerson, uniqueEmail } from "../src/test/factories.js";
import { type ReceivedMail, signInSecrets } from "../src/test/smtp.js";
import { chromiumPath } from "./chromium.js";

/** The client script (`/assets/passkeys.js`) is served from the build, not from `src/`. */
const clientScript = fileURLToPath(new URL("../dist/client/passkeys.js", import.meta.url));

const chromiumMissing = !existsSync(chromiumPath);
const skipWithoutChromium = chromiumMissing && !process.env.CI;
const failWithoutChromium = chromiumMissing && !skipWithoutChromium;
if (skipWithoutChromium) {
  console.warn(
    `\n  END-TO-END TESTS SKIPPED: no Chromium at ${chromiumPath}.\n` +
      "  Install it (Debian: apt-get install chromium) to run them.\n" +
      "  With CI set, a missing Chromium fails the run instead.\n",
  );
}

/**
 * `describe` for browser tests: skipped, with the warning above, on a machine without
 * Chromium. In CI a missing Chromium is a failing test in every file instead, because a
 * skip there would hide a broken setup.
 */
export function describeInBrowser(name: string, body: () => void): void {
  describe.skipIf(skipWithoutChromium)(
    name,
    failWithoutChromium
      ? () => {
          it("has Chromium to run in", () => {
            throw new Error(`No Chromium at ${chromiumPath}; CI requires the end-to-end tests.`);
          });
        }
      : body,
  );
}

/** A laptop screen at 100% zoom. */
export const desktop = { width: 1280, height: 800 };

export type E2E = {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (cookies, storage) pointed at the app; closed with the suite. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes this file's browser contexts and app; the run's Chromium stays for the next file. */
  close(): Promise<void>;
};

/**
 * The whole app on a real port, its own database and SMTP capture, connected to the run's
 * Chromium (e2e/chromium-server.ts).
 * Pages are opened on http://localhost: a secure context, which passkeys and the
 * `__Host-`/Secure cookies need.
 */
export async function startE2E(): Promise<E2E> {
  if (chromiumMissing) throw new Error(`No Chromium at ${chromiumPath}.`);
  if (!existsSync(clientScript)) {
    throw new Error(
      `${clientScript} is missing: run "node scripts/build.mjs" before the e2e tests.`,
    );
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const t = await buildTestApp({ publicUrl: baseUrl });
  let browser: Browser | undefined;
  try {
    await t.app.listen({ host: "127.0.0.1", port });
    browser = await chromium.connect(inject("chromiumEndpoint"));
  } catch (error) {
    await t.close();
    throw error;
  }
  const launched = browser;
  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await launched.newContext({ baseURL: baseUrl, viewport: desktop, ...options });
    // Fail a step well before the test's own timeout, so the message names the step.
    context.setDefaultTimeout(15_000);
    return context;
  };
  return {
    t,
    baseUrl,
    browser: launched,
    newContext,
    async newPage(options) {
      return (await newContext(options)).newPage();
    },
    async close() {
      await launched.close();
      await t.close();
    },
  };
}

/** Waits for a message to `email` that was not there when `before` messages had arrived. */
export async function nextMailTo(t: TestApp, email: string, before: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const received = t.mail.messages.filter((m) => m.to.includes(email));
    if (received.length > before) return received.at(-1)!;
    if (Date.now() > deadline) throw new Error(`No new mail reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function mailCount(t: TestApp, email: string): number {
  return t.mail.messages.filter((m) => m.to.includes(email)).length;
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * Types the address on the sign-in page and returns the code and link from the e-mail.
 * Every browser here comes from 127.0.0.1, which may ask 25 times per 5 minutes, and the
 * test clock stands still: keep each file well under 25 requests.
 */
export async function askForSignIn(e2e: E2E, page: Page, email: string) {
  const before = mailCount(e2e.t, email);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send me a link and a code" }).click();
  await page.waitForURL("**/sign-in/check-email");
  return signInSecrets(await nextMailTo(e2e.t, email, before));
}

/** Signs in by typing the e-mailed code, written "123 456" as the message shows it. */
export async function signInWithCode(e2e: E2E, page: Page, email: string) {
  const { code } = await askForSignIn(e2e, page, email);
  await page
    .getByLabel("6-digit code", { exact: true })
    .fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/(welcome|account)$/);
}

/** A new person signs in with a code, gives a name on the welcome page and reaches their account. */
export async function signInNewPerson(e2e: E2E, page: Page, name: string) {
  const email = uniqueEmail("e2e");
  await signInWithCode(e2e, page, email);
  expect(pathOf(page)).toBe("/welcome");
  await page.getByLabel("Your name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL("**/account");
  return { email };
}

/** An element's words as one line, the way a person reads them. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** Text of the one-time message ("Your details have been saved.") on the current page. */
export async function flashText(page: Page): Promise<string> {
  const flash = page.locator("main .flash");
  await flash.waitFor();
  return textOf(flash);
}

export async function heading(page: Page): Promise<string> {
  return textOf(page.getByRole("heading", { level: 1 }));
}

/**
 * A browser already signed in as a person made for the test (as a passkey sign-in if asked),
 * with JavaScript on unless told otherwise.
 */
export async function signedInContext(
  e2e: E2E,
  values: Parameters<typeof createPerson>[1],
  options: { method?: "email" | "passkey"; javaScriptEnabled?: boolean } = {},
) {
  const person = await createPerson(e2e.t, values);
  const session = await startSession(
    e2e.t.database.db,
    person.id,
    options.method ?? "email",
    e2e.t.clock.now(),
  );
  const context = await e2e.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
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
  return { person, context };
}

/** Opens a page in a new tab and checks the status it answered with. */
export async function visit(context: BrowserContext, path: string, status = 200): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  return page;
}

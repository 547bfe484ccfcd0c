import { people } from "../features/accounts/tables.js";
import { TestBrowser } from "./browser.js";
import type { TestApp } from "./build-app.js";
import { signInSecrets } from "./smtp.js";

let sequence = 0;

export function uniqueEmail(prefix = "person"): string {
  sequence += 1;
  return `${prefix}.${Date.now().toString(36)}${sequence}@example.org`;
}

export async function createPerson(
  t: TestApp,
  values: Partial<typeof people.$inferInsert> = {},
): Promise<typeof people.$inferSelect> {
  const [row] = await t.database.db
    .insert(people)
    .values({ email: uniqueEmail(), displayName: "Ada", ...values })
    .returning();
  return row!;
}

/** Signs in through the real pages and mail: asks for a code, reads it from SMTP, types it. */
export async function signIn(
  t: TestApp,
  email: string,
  browser = new TestBrowser(t.app),
): Promise<TestBrowser> {
  const asked = await browser.post("/sign-in", { email });
  if (asked.statusCode !== 303) throw new Error(`Sign-in request answered ${asked.statusCode}`);
  const { code } = signInSecrets(await t.mail.lastTo(email));
  const done = await browser.post("/sign-in/code", { code });
  if (done.statusCode !== 303)
    throw new Error(`Sign-in code answered ${done.statusCode}: ${done.body}`);
  return browser;
}

/** A signed-in person with a name, ready to use the app. */
export async function signedInPerson(t: TestApp, values: Partial<typeof people.$inferInsert> = {}) {
  const person = await createPerson(t, values);
  const browser = await signIn(t, person.email);
  return { person, browser };
}

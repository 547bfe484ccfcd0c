import { sql } from "drizzle-orm";
import { people } from "../features/accounts/tables.js";
import { startSession } from "../features/accounts/writes.js";
import { groupDifficulties, groups } from "../features/groups/tables.js";
import { memberships } from "../features/memberships/tables.js";
import { organisationCoordinators, organisations } from "../features/organisations/tables.js";
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

/**
 * A person with a session made directly, as a sign-in would make it: for tests about what
 * signed-in people do, not about signing in (and not limited by the sign-in rate limits).
 */
export async function personWithSession(
  t: TestApp,
  values: Partial<typeof people.$inferInsert> = {},
  method: "email" | "passkey" = "email",
) {
  const person = await createPerson(t, values);
  const session = await startSession(t.database.db, person.id, method, t.clock.now());
  const browser = new TestBrowser(t.app);
  browser.cookies.set("__Host-mutua_session", session.secret);
  return { person, browser };
}

/** A signed-in person with a name, ready to use the app. */
export async function signedInPerson(t: TestApp, values: Partial<typeof people.$inferInsert> = {}) {
  const person = await createPerson(t, values);
  const browser = await signIn(t, person.email);
  return { person, browser };
}

let groupSequence = 0;

/**
 * A group inserted directly, with sensible defaults: a listed, active, in-person group in Trento
 * meeting on Tuesdays at 10:30 (Europe/Rome), for carers of people with dementia, in Italian.
 */
export async function createGroup(
  t: TestApp,
  values: Partial<typeof groups.$inferInsert> = {},
  difficultySlugs: string[] = ["dementia-care"],
): Promise<typeof groups.$inferSelect> {
  groupSequence += 1;
  const [row] = await t.database.db
    .insert(groups)
    .values({
      slug: `group-${Date.now().toString(36)}-${groupSequence}`,
      name: `Caffè Alzheimer ${groupSequence}`,
      description: "Ci incontriamo per parlare di come assistere chi amiamo.",
      firstMeeting: "Ti accogliamo con un caffè. Puoi ascoltare soltanto.",
      audience: "carers",
      languages: ["it"],
      format: "in_person",
      venueName: "Sala civica",
      streetAddress: "Via Roma 1",
      town: "Trento",
      postalCode: "38122",
      country: "IT",
      latitude: 46.0679,
      longitude: 11.1211,
      publicLatitude: 46.07,
      publicLongitude: 11.12,
      timeZone: "Europe/Rome",
      scheduleKind: "weekly",
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      startsOn: "2026-03-03",
      startTime: "10:30:00",
      durationMinutes: 90,
      weekday: 2,
      capacity: 12,
      joiningPolicy: "open",
      visibility: "listed",
      status: "active",
      agreement: "Quello che si dice nel gruppo resta nel gruppo.",
      ...values,
    })
    .returning();
  if (difficultySlugs.length > 0) {
    await t.database.db
      .insert(groupDifficulties)
      .values(difficultySlugs.map((difficultySlug) => ({ groupId: row!.id, difficultySlug })));
  }
  return row!;
}

/** An organisation, with the given people as its coordinators. */
export async function createOrganisation(t: TestApp, name: string, coordinatorIds: string[] = []) {
  const [organisation] = await t.database.db.insert(organisations).values({ name }).returning();
  if (coordinatorIds.length > 0) {
    await t.database.db
      .insert(organisationCoordinators)
      .values(coordinatorIds.map((personId) => ({ organisationId: organisation!.id, personId })));
  }
  return organisation!;
}

/** Makes a person an active member of a group in the given role, keeping the group's count true. */
export async function addMember(
  t: TestApp,
  groupId: string,
  personId: string,
  role: "member" | "facilitator" | "guide" = "member",
  joinedAt = t.clock.now(),
) {
  await t.database.db.insert(memberships).values({
    groupId,
    personId,
    state: "active",
    role,
    joinedAt,
    agreementAcceptedAt: joinedAt,
  });
  await t.database.db
    .update(groups)
    .set({ activeMemberCount: sql`${groups.activeMemberCount} + 1` })
    .where(sql`${groups.id} = ${groupId}`);
}

/** A person waiting for a place, or asking to join: not yet a member. The group's waiting count stays true. */
export async function addWaiting(
  t: TestApp,
  groupId: string,
  personId: string,
  state: "requested" | "waitlisted",
) {
  const now = t.clock.now();
  await t.database.db.insert(memberships).values({
    groupId,
    personId,
    state,
    requestedAt: state === "requested" ? now : null,
    waitlistedAt: state === "waitlisted" ? now : null,
  });
  if (state === "waitlisted") {
    await t.database.db
      .update(groups)
      .set({ waitlistCount: sql`${groups.waitlistCount} + 1` })
      .where(sql`${groups.id} = ${groupId}`);
  }
}

import { and, eq } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { getPersonIdByEmail } from "../accounts/reads.js";
import { organisationCoordinators, organisations } from "./tables.js";

type Details = {
  name: string;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
};

export async function createOrganisation(
  db: Executor,
  details: Details,
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(organisations)
    .values({
      name: details.name,
      contactEmail: details.contactEmail ?? null,
      contactPhone: details.contactPhone ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: organisations.id });
  return row!.id;
}

export async function updateOrganisation(db: Executor, id: string, details: Details, now: Date) {
  await db
    .update(organisations)
    .set({
      name: details.name,
      contactEmail: details.contactEmail ?? null,
      contactPhone: details.contactPhone ?? null,
      updatedAt: now,
    })
    .where(eq(organisations.id, id));
}

export async function addCoordinator(
  db: Executor,
  organisationId: string,
  personId: string,
  now: Date,
) {
  await db
    .insert(organisationCoordinators)
    .values({ organisationId, personId, createdAt: now })
    .onConflictDoNothing();
}

/** Names the person with this address a coordinator; they must have an account already. */
export async function appointCoordinator(
  db: Executor,
  organisationId: string,
  email: string,
  now: Date,
) {
  const personId = await getPersonIdByEmail(db, email);
  if (!personId) return { ok: false, reason: "NO_SUCH_PERSON" } as const;
  await addCoordinator(db, organisationId, personId, now);
  return { ok: true, personId } as const;
}

export async function removeCoordinator(db: Executor, organisationId: string, personId: string) {
  await db
    .delete(organisationCoordinators)
    .where(
      and(
        eq(organisationCoordinators.organisationId, organisationId),
        eq(organisationCoordinators.personId, personId),
      ),
    );
}

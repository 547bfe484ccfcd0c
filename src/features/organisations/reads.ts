import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../infra/db/database.js";
import { listContacts } from "../accounts/reads.js";
import { organisationCoordinators, organisations } from "./tables.js";

/** The organisations a person coordinates: they may start groups for them. */
export async function listOrganisationsCoordinatedBy(db: Executor, personId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationCoordinators)
    .innerJoin(organisations, eq(organisations.id, organisationCoordinators.organisationId))
    .where(eq(organisationCoordinators.personId, personId))
    .orderBy(asc(organisations.name));
}

export async function getOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

export async function listOrganisations(db: Executor) {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

/** An organisation's coordinators, by the name each chose (administrators only see this). */
export async function listCoordinators(db: Executor, organisationId: string) {
  const rows = await db
    .select({ personId: organisationCoordinators.personId })
    .from(organisationCoordinators)
    .where(eq(organisationCoordinators.organisationId, organisationId));
  const contacts = await listContacts(
    db,
    rows.map((r) => r.personId),
  );
  return contacts.map((c) => ({ personId: c.id, displayName: c.displayName ?? c.email }));
}

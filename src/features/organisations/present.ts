import { z } from "zod";
import type { listCoordinators } from "./reads.js";
import type { organisations } from "./tables.js";

/** An organisation as administrators keep it, with its coordinators. */
export const organisationShown = z.object({
  id: z.string(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  coordinators: z.array(z.object({ personId: z.string(), displayName: z.string() })),
});

export function presentOrganisation(
  organisation: typeof organisations.$inferSelect,
  coordinators: Awaited<ReturnType<typeof listCoordinators>>,
): z.infer<typeof organisationShown> {
  return {
    id: organisation.id,
    name: organisation.name,
    contactEmail: organisation.contactEmail,
    contactPhone: organisation.contactPhone,
    coordinators,
  };
}

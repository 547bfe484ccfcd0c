import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import {
  addOrganisationAction,
  appointCoordinatorAction,
  editOrganisationAction,
  removeCoordinatorAction,
} from "./actions.js";

const tags = ["admin"];
const anOrganisation = z.object({ id: z.string().max(64) }).strict();

/** The administrators' record of the organisations, as JSON: the pages' actions, same rules. */
export async function organisationApi(app: FastifyInstance) {
  jsonDoor(app, addOrganisationAction, { params: z.object({}).strict(), tags });
  jsonDoor(app, editOrganisationAction, { params: anOrganisation, tags });
  jsonDoor(app, appointCoordinatorAction, { params: anOrganisation, tags });
  const aCoordinator = anOrganisation.extend({ personId: z.string().max(64) });
  jsonDoor(app, removeCoordinatorAction, { params: aCoordinator, tags });
}

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonDoor } from "../../../infra/actions/json-door.js";
import { problemBody } from "../../../infra/http/problem.js";
import { signedInOnly } from "../../../infra/http/require-viewer.js";
import { chooseBackupAction, nameLeadAction, removeLeadAction } from "./actions.js";
import { backupJson, leadJson, presentBackup, presentLead } from "./present.js";
import { currentBackup, leadOf, listBackupChoices } from "./reads.js";
import { backupOfGroup, leadOfOrganisation } from "./scope.js";

const aGroup = z.object({ slug: z.string().max(64) }).strict();
const anOrganisation = z.object({ id: z.string().max(64) }).strict();
const tags = ["crisis"];
const security = [{ session: [] }];
const refusals = { 401: problemBody, 403: problemBody, 404: problemBody };

/** The backup contact and the safeguarding lead as JSON, with the pages' rules. */
export async function backupApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  app.get(
    "/api/v1/groups/:slug/backup-contact",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The group's backup contact and who it may be (those who lead)",
        security,
        params: aGroup,
        response: { 200: backupJson, ...refusals },
      },
    },
    async (request) => {
      const scope = await backupOfGroup(request, request.viewer!);
      const choices = await listBackupChoices(db, scope.group);
      return presentBackup(await currentBackup(db, scope.group, choices), choices);
    },
  );

  app.get(
    "/api/v1/organisations/:id/safeguarding-lead",
    {
      onRequest: signedInOnly,
      schema: {
        tags,
        summary: "The organisation's safeguarding lead (its coordinators)",
        security,
        params: anOrganisation,
        response: { 200: leadJson, ...refusals },
      },
    },
    async (request) => {
      const { organisation } = await leadOfOrganisation(request, request.viewer!);
      return presentLead(organisation, await leadOf(db, organisation.id));
    },
  );

  jsonDoor(app, chooseBackupAction, { params: aGroup, tags });
  jsonDoor(app, nameLeadAction, { params: anOrganisation, tags });
  jsonDoor(app, removeLeadAction, { params: anOrganisation, tags });
}

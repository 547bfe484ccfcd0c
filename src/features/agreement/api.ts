import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { deliverNowOrLater } from "../../infra/mail/later.js";
import { standingIn } from "../memberships/reads.js";
import { objectionInput, proposalInput } from "./inputs.js";
import { adoptDueAgreements } from "./jobs.js";
import { sendAgreementNews } from "./mail.js";
import { abilities, changedSinceAccepted } from "./policy.js";
import { getOpenChange, listSettledChanges } from "./reads.js";
import { agreementChangeStates } from "./tables.js";
import { acceptAgreement, objectToChange, proposeAgreementChange } from "./writes.js";

const change = z.object({
  id: z.string(),
  text: z.string(),
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  objectionsCloseAt: z.string(),
  state: z.enum(agreementChangeStates),
});
const params = z.object({ slug: z.string().max(64) }).strict();
const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** The group's agreement as JSON, for its members: read it, propose, object, accept again. */
export async function agreementApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  // Written to after the change is saved: a mail server away queues the e-mail, a refused
  // address is skipped; neither turns the saved change into an error page.
  const mailer = deliverNowOrLater(app.deps.mailer, db, app.log);
  const mailDeps = { db, mailer, publicUrl: config.publicUrl };

  async function atAgreement(slug: string, personId: string) {
    const now = clock();
    let found = await standingIn(db, slug, personId, now);
    if (!found) throw notFound();
    const where = found.standing;
    if (where !== "member" && where !== "facilitator" && where !== "guide") throw notFound();
    if ((await adoptDueAgreements({ ...app.deps, mailer }, now, found.group.id)) > 0) {
      found = (await standingIn(db, slug, personId, now)) ?? found;
    }
    const open = await getOpenChange(db, found.group.id);
    const can = abilities(where, {
      open: open !== null,
      proposedByViewer: open?.proposedBy === personId,
      changedSinceAccepted: changedSinceAccepted(found.membership, found.group),
    });
    return { ...found, open, can, now };
  }

  const presentChange = (c: NonNullable<Awaited<ReturnType<typeof getOpenChange>>>) => ({
    id: c.id,
    text: c.text,
    reason: c.reason,
    proposedBy: c.proposer,
    proposedAt: c.proposedAt.toISOString(),
    objectionsCloseAt: c.objectionsCloseAt.toISOString(),
    state: c.state,
  });

  app.get(
    "/api/v1/groups/:slug/agreement",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "A group's agreement, a change open for objections, and earlier changes",
        security: [{ session: [] }],
        params,
        response: {
          200: z.object({
            text: z.string(),
            changedAt: z.string().nullable(),
            acceptedAt: z.string().nullable(),
            open: change.nullable(),
            history: z.array(change.extend({ objections: z.number().int() })),
            abilities: z.record(z.string(), z.boolean()),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const at = await atAgreement(request.params.slug, request.viewer!.personId);
      const history = await listSettledChanges(db, at.group.id);
      return {
        text: at.group.agreement,
        changedAt: at.group.agreementChangedAt?.toISOString() ?? null,
        acceptedAt: at.membership?.agreementAcceptedAt?.toISOString() ?? null,
        open: at.open ? presentChange(at.open) : null,
        history: history.map((c) => ({ ...presentChange(c), objections: c.objections.length })),
        abilities: at.can,
      };
    },
  );

  app.post(
    "/api/v1/groups/:slug/agreement/changes",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "Propose a change to the agreement (facilitators): members may object for 7 days",
        security: [{ session: [] }],
        params,
        body: proposalInput.strict(),
        response: {
          201: change,
          400: problemBody,
          401: problemBody,
          403: problemBody,
          404: problemBody,
          409: problemBody,
        },
      },
    },
    async (request, reply) => {
      const viewer = request.viewer!;
      const at = await atAgreement(request.params.slug, viewer.personId);
      if (!at.can["agreement.propose"])
        throw new HttpProblem(403, "forbidden", "The facilitators propose changes, one at a time.");
      const result = await proposeAgreementChange(
        db,
        { groupId: at.group.id, ...request.body, proposedBy: viewer.personId },
        at.now,
      );
      // Another facilitator's proposal opened between the check above and this one.
      if (!result.ok && result.reason === "ALREADY_OPEN")
        throw new HttpProblem(409, "change_open", "Another change is open for objections.");
      if (!result.ok)
        throw new HttpProblem(400, "unchanged", "This is the agreement as it already reads.");
      await sendAgreementNews(mailDeps, at.group, result.change, "proposed", at.now);
      return reply
        .code(201)
        .send(presentChange({ ...result.change, proposer: viewer.displayName ?? "" }));
    },
  );

  app.post(
    "/api/v1/groups/:slug/agreement/objections",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "Object to the change open for objections: it will not take effect",
        security: [{ session: [] }],
        params,
        body: objectionInput.strict(),
        response: {
          201: z.object({ state: z.literal("objected") }),
          400: problemBody,
          401: problemBody,
          403: problemBody,
          404: problemBody,
        },
      },
    },
    async (request, reply) => {
      const viewer = request.viewer!;
      const at = await atAgreement(request.params.slug, viewer.personId);
      if (!at.can["agreement.object"])
        throw new HttpProblem(403, "forbidden", "There is no change open for objections.");
      const result = await objectToChange(
        db,
        { groupId: at.group.id, personId: viewer.personId, reason: request.body.reason },
        at.now,
      );
      if (!result.ok) throw new HttpProblem(403, "forbidden", "The change is no longer open.");
      await sendAgreementNews(mailDeps, at.group, result.change, "objected", at.now);
      return reply.code(201).send({ state: "objected" as const });
    },
  );

  app.post(
    "/api/v1/groups/:slug/agreement/acceptance",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "Accept the agreement as it now reads",
        security: [{ session: [] }],
        params,
        body: z
          .object({
            read: z.iso
              .datetime({ offset: true })
              .optional()
              .describe("The agreement's changedAt as read; refused (409) if it changed since"),
          })
          .strict()
          .optional(),
        response: {
          200: z.object({ acceptedAt: z.string() }),
          401: problemBody,
          404: problemBody,
          409: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const at = await atAgreement(request.params.slug, viewer.personId);
      const read = request.body?.read;
      const accepted = await acceptAgreement(
        db,
        {
          groupId: at.group.id,
          personId: viewer.personId,
          read: read === undefined ? at.group.agreementChangedAt : new Date(read),
        },
        at.now,
      );
      if (!accepted) {
        throw new HttpProblem(409, "agreement_changed", "The agreement changed since it was read.");
      }
      return { acceptedAt: at.now.toISOString() };
    },
  );
}

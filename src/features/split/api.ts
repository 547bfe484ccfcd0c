import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem, problemBody } from "../../infra/http/problem.js";
import { signedInOnly } from "../../infra/http/require-viewer.js";
import { standingIn } from "../memberships/reads.js";
import { choiceInput } from "./inputs.js";
import { abilities } from "./policy.js";
import { getOpenSplit } from "./reads.js";
import { chooseInSplit } from "./writes.js";

const params = z.object({ slug: z.string().max(64) }).strict();
const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");

/** A proposed split as JSON, for the group's members, and each member's choice. */
export async function splitApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  async function atSplit(slug: string, personId: string) {
    const found = await standingIn(db, slug, personId, clock());
    const where = found?.standing;
    if (!found || (where !== "member" && where !== "facilitator" && where !== "guide"))
      throw notFound();
    const split = await getOpenSplit(db, found.group.id);
    const can = abilities(found.standing, {
      open: split !== null,
      activeMembers: found.group.activeMemberCount,
      namedFacilitator: split?.parts.some((p) => p.facilitatorIds.includes(personId)) ?? false,
    });
    return { ...found, split, can };
  }

  app.get(
    "/api/v1/groups/:slug/split",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "The split proposed for a group, if any: the two groups and the choices made",
        security: [{ session: [] }],
        params,
        response: {
          200: z.object({
            open: z.boolean(),
            parts: z.array(
              z.object({
                part: z.number().int(),
                name: z.string(),
                weekday: z.number().int(),
                startTime: z.string(),
                chosenBy: z.number().int(),
              }),
            ),
            myChoice: z.enum(["1", "2", "leave"]).nullable(),
            undecided: z.number().int(),
            abilities: z.record(z.string(), z.boolean()),
          }),
          401: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const at = await atSplit(request.params.slug, viewer.personId);
      const choices = at.split ? [...at.split.choices.values()] : [];
      const mine = at.split?.choices.get(viewer.personId);
      return {
        open: at.split !== null,
        parts: (at.split?.parts ?? []).map((p) => ({
          part: p.part,
          name: p.name,
          weekday: p.weekday,
          startTime: p.startTime.slice(0, 5),
          chosenBy: choices.filter((c) => c === p.part).length,
        })),
        myChoice:
          mine === undefined
            ? null
            : mine === null
              ? ("leave" as const)
              : mine === 1
                ? ("1" as const)
                : ("2" as const),
        undecided: at.split ? Math.max(0, at.group.activeMemberCount - at.split.choices.size) : 0,
        abilities: at.can,
      };
    },
  );

  app.put(
    "/api/v1/groups/:slug/split/choice",
    {
      onRequest: signedInOnly,
      schema: {
        tags: ["groups"],
        summary: "Choose one of the two groups, or to leave, while a split is open",
        security: [{ session: [] }],
        params,
        body: choiceInput.strict(),
        response: {
          200: z.object({ part: z.enum(["1", "2", "leave"]) }),
          400: problemBody,
          401: problemBody,
          403: problemBody,
          404: problemBody,
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!;
      const at = await atSplit(request.params.slug, viewer.personId);
      if (!at.can["split.choose"])
        throw new HttpProblem(403, "forbidden", "There is no choice for you to make here.");
      const { part } = request.body;
      await chooseInSplit(
        db,
        {
          groupId: at.group.id,
          personId: viewer.personId,
          part: part === "leave" ? null : (Number(part) as 1 | 2),
        },
        clock(),
      );
      return { part };
    },
  );
}

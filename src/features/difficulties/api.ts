import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jsonDoor } from "../../infra/actions/json-door.js";
import { addDifficultyAction, editDifficultyAction, retireDifficultyAction } from "./actions.js";

const tags = ["admin"];
const aDifficulty = z.object({ slug: z.string().max(60) }).strict();

/** The administrators' changes to the difficulties, as JSON: the pages' actions, same rules. */
export async function difficultyApi(app: FastifyInstance) {
  jsonDoor(app, addDifficultyAction, { params: z.object({}).strict(), tags });
  jsonDoor(app, editDifficultyAction, { params: aDifficulty, tags });
  jsonDoor(app, retireDifficultyAction, { params: aDifficulty, tags });
}

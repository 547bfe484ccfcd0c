import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { agreementApi } from "./api.js";
import { agreementPages } from "./pages.js";
import { personalObjections } from "./reads.js";

/** A group's agreement: proposing a change, objecting, and its adoption. */
export async function agreementPlugin(app: FastifyInstance): Promise<void> {
  personalDataParts.register("objections", ({ db, personId }) => personalObjections(db, personId));
  await app.register(agreementPages);
  await app.register(agreementApi);
}

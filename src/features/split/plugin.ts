import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { splitApi } from "./api.js";
import { splitPages } from "./pages.js";
import { personalSplits } from "./reads.js";

/** Splitting a group that has grown too big into two. */
export async function splitPlugin(app: FastifyInstance): Promise<void> {
  personalDataParts.register("splits", ({ db, personId }) => personalSplits(db, personId));
  await app.register(splitPages);
  await app.register(splitApi);
}

import type { FastifyInstance } from "fastify";

/** Registers the groups' pages and API: founding and group pages, joining, directory, feeds. */
export async function groupsPlugin(_app: FastifyInstance): Promise<void> {}

import type { FastifyInstance } from "fastify";

export async function healthRoutes(app: FastifyInstance) {
  const hidden = { config: { skipSession: true }, schema: { hide: true } } as const;
  /** The process is up. */
  app.get("/healthz", hidden, async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok" }),
  );
  /** The process can serve: the database answers. */
  app.get("/readyz", hidden, async (_request, reply) => {
    const ready = await app.deps.databaseReady();
    return reply
      .code(ready ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ready ? "ready" : "database unreachable" });
  });
}

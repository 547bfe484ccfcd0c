// The floor under a page, served from a raw-SQL script's own process: a bare Fastify server
// whose one route runs the page's statements (as the ceiling replays them) and answers with the
// page's own bytes, rendered in advance. No session handling, hooks, row mapping or rendering:
// what no page on this stack can go below. Stopped with SIGTERM.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

export async function serveFloor(statementsOfOnePage, close) {
  const bodyFile = process.env.BENCH_BODY_FILE;
  if (!bodyFile) throw new Error("BENCH_BODY_FILE is required to serve the floor");
  const body = readFileSync(bodyFile);
  const app = Fastify({ logger: false });
  app.get("/", async (_request, reply) => {
    await statementsOfOnePage();
    return reply.type("text/html; charset=utf-8").send(body);
  });
  await app.listen({
    host: process.env.HELLO_HOST ?? "127.0.0.1",
    port: Number(process.env.HELLO_PORT ?? 0),
  });
  const stop = () =>
    app
      .close()
      .then(close)
      .then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

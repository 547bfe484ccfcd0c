import type { FastifyInstance } from "fastify";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { HomePage, UrgentHelpPage } from "./views/home.js";

export async function homePages(app: FastifyInstance) {
  app.get("/", async (request, reply) => sendHtml(reply, <HomePage ctx={pageContext(request)} />));

  // Answers even while the database is down: then it is shown as to a signed-out visitor.
  app.get("/urgent-help", { config: { servedWithoutDatabase: true } }, async (request, reply) =>
    sendHtml(reply, <UrgentHelpPage ctx={pageContext(request)} />),
  );
}

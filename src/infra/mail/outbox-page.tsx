import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Layout } from "../html/layout.js";
import { pageContext } from "../html/page-context.js";
import { sendHtml } from "../html/render.js";
import { readOutbox } from "./mailer.js";

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Development only: read the mail that would have been sent, when no SMTP server is set. */
export async function outboxPage(app: FastifyInstance) {
  const outboxDir = path.join(app.deps.config.dataDir, "outbox");
  app.get("/dev/outbox", { schema: { hide: true } }, async (request, reply) => {
    // Sign-in links are in these messages: only someone at this very computer may read them. A
    // proxy on this computer (which the app may not have been told to trust) forwards people
    // from anywhere from 127.0.0.1, and says so in its headers.
    const forwarded = request.headers["x-forwarded-for"] ?? request.headers.forwarded;
    if (!loopback.has(request.ip) || forwarded !== undefined) return reply.callNotFound();
    const ctx = pageContext(request);
    const messages = await readOutbox(outboxDir);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={ctx.t("outbox.title")}>
        <h1>{ctx.t("outbox.title")}</h1>
        <p>{ctx.t("outbox.intro")}</p>
        {messages.length === 0 ? <p>{ctx.t("outbox.empty")}</p> : null}
        {messages.map((m) => (
          <section key={m.file} aria-label={m.file}>
            <h2>{m.file}</h2>
            <pre>{m.raw.slice(0, 20_000)}</pre>
          </section>
        ))}
      </Layout>,
    );
  });
}

import type { FastifyReply } from "fastify";
import type { JSX } from "preact";
import { renderToString } from "preact-render-to-string";

/** Renders a page component; Preact escapes every text and attribute value. */
export function sendHtml(reply: FastifyReply, page: JSX.Element, status = 200) {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${renderToString(page)}`);
}

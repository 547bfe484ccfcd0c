import type { FastifyReply } from "fastify";
import type { JSX } from "preact";
import { renderToString } from "preact-render-to-string";

/**
 * Renders a page component; Preact escapes every text and attribute value. The page goes out as
 * bytes encoded once: handed a string, the server walks it twice, to count its bytes and then to
 * encode it (the counting alone was 2.6% of a member's meetings page).
 */
export function sendHtml(reply: FastifyReply, page: JSX.Element, status = 200) {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .send(Buffer.from(`<!doctype html>${renderToString(page)}`, "utf8"));
}

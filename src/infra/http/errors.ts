import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { h } from "preact";
import { ErrorPage } from "../html/error-page.js";
import { pageContext } from "../html/page-context.js";
import { sendHtml } from "../html/render.js";
import { isMessageKey, type MessageKey, translator } from "../i18n/i18n.js";
import { HttpProblem } from "./problem.js";
import { isApiRequest } from "./security.js";

type Problem = {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
};

const pages: Record<number, [MessageKey, MessageKey]> = {
  400: ["error.badRequest.title", "error.badRequest.body"],
  403: ["error.forbidden.title", "error.forbidden.body"],
  409: ["error.conflict.title", "error.conflict.body"],
  404: ["error.notFound.title", "error.notFound.body"],
  429: ["error.tooMany.title", "error.tooMany.body"],
};

const english = translator("en");

function toProblem(error: FastifyError | HttpProblem | Error): Problem {
  if (error instanceof HttpProblem) {
    return {
      status: error.statusCode,
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "body";
      // Shared inputs carry i18n keys as messages; the API answers in English.
      const message = issue.message ?? "Not valid.";
      fields[path] ??= isMessageKey(message) ? english(message) : message;
    }
    return {
      status: 400,
      code: "invalid_input",
      message: "Some of what was sent is not valid.",
      fields,
    };
  }
  // PostgreSQL refusing a value (a NUL byte in text, something that is not a UUID): the input,
  // not the server. Drizzle passes the driver's error on as the cause of its own.
  const sqlState =
    (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (sqlState === "22021" || sqlState === "22P05" || sqlState === "22P02") {
    return { status: 400, code: "invalid_input", message: "Some of what was sent is not valid." };
  }
  // Two changes at the same moment (a meeting taken off by a new schedule as someone answers it):
  // the second finds what it refers to gone, or already there. Nothing was saved; try again.
  if (sqlState === "23503" || sqlState === "23505" || sqlState === "40P01") {
    return {
      status: 409,
      code: "conflict",
      message: "This changed at the same moment. Nothing was saved: please look again and retry.",
    };
  }
  const status = (error as FastifyError).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = ((error as FastifyError).code ?? "bad_request")
      .toLowerCase()
      .replace(/^fst_err_/, "");
    return { status, code, message: error.message };
  }
  return { status: 500, code: "internal_error", message: "Something went wrong on our side." };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  if (problem.retryAfterSeconds) reply.header("retry-after", String(problem.retryAfterSeconds));
  if (isApiRequest(request) || !request.t) {
    return reply
      .code(problem.status)
      .type("application/json")
      .send({
        error: {
          code: problem.code,
          message: problem.message,
          ...(problem.fields ? { fields: problem.fields } : {}),
        },
      });
  }
  const ctx = pageContext(request);
  if (problem.code === "form_expired") {
    return sendHtml(
      reply,
      h(ErrorPage, { ctx, title: "error.formExpired.title", body: "error.formExpired.body" }),
      403,
    );
  }
  const [title, body] =
    pages[problem.status] ??
    (problem.status >= 500
      ? ["error.server.title", "error.server.body"]
      : ["error.badRequest.title", "error.badRequest.body"]);
  const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60));
  const text =
    body === "error.tooMany.body" && minutes === 1 ? "error.tooMany.bodyOneMinute" : body;
  return sendHtml(
    reply,
    h(ErrorPage, { ctx, title, body: text, params: { minutes } }),
    problem.status,
  );
}

/** One error handler: expected problems keep their status and code; anything else is a plain 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    else if (problem.code === "conflict") request.log.warn({ err: error }, "a change met another");
    if (reply.sent) return;
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, {
      status: 404,
      code: "not_found",
      message: "There is nothing at this address.",
    }),
  );
}

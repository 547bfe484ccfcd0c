import { z } from "zod";

/** An expected failure with a stable code; the error handler turns it into HTML or JSON. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "HttpProblem";
  }
}

/** 404, the same for what does not exist and for what this person may not know exists. */
export function notFound(): HttpProblem {
  return new HttpProblem(404, "not_found", "There is nothing at this address.");
}

/** The JSON body of every API error, as the OpenAPI document describes it. */
export const problemBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

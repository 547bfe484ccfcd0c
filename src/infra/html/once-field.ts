import { randomUUID } from "node:crypto";

/** The hidden field that names one filling-in of a form (Form's `once`; infra/http/once.ts). */
export const ONCE_FIELD = "_once";

export function newSubmissionId(): string {
  return randomUUID();
}

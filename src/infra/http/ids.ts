/**
 * A UUID as PostgreSQL reads it. Anything from a browser (an address, a cookie, a form) is
 * checked against this before it reaches a query on a uuid column, which would fail otherwise.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

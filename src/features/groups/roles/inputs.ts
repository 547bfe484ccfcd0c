import { z } from "zod";
import { isRealDate } from "../inputs.js";

export const roleInput = z.object({
  role: z.enum(["member", "facilitator"], "roles.errors.role"),
});

/** The handover date, a local date in the group's time zone: the guide steps back that morning. */
export const handoverInput = z.object({
  date: z
    .string()
    .trim()
    .refine((text) => isRealDate(text), "roles.errors.date"),
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isPersonId(text: string): boolean {
  return uuid.test(text);
}

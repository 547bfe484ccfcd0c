import { z } from "zod";
import { isUuid } from "../../infra/http/ids.js";
import { dateField } from "../groups/inputs.js";

export const roleInput = z.object({
  role: z.enum(["member", "facilitator"], "roles.errors.role"),
});

/** The handover date, a local date in the group's time zone: the guide steps back that morning. */
export const handoverInput = z.object({
  date: dateField("roles.errors.date"),
});

export const isPersonId = isUuid;

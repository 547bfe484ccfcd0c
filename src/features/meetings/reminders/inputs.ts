import { z } from "zod";
import { checkboxList } from "../../../infra/html/form.js";

export const reminderChoices = ["dayBefore", "hourBefore", "weeklyDigest", "rotaRequests"] as const;

/** The e-mails a member chooses: any of the three, or none. */
export const preferencesInput = z.object({
  emails: checkboxList(z.enum(reminderChoices, "errors.choice.invalid")),
});

/** A token from an unsubscribe link: 256 random bits, base64url. */
export function isUnsubscribeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

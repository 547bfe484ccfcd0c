import { z } from "zod";
import { boardMailChoices } from "../tables.js";

/** How much mail a member wants about one group's board: each post, a daily digest, or none. */
export const boardMailInput = z.object({
  choice: z.enum(boardMailChoices, { error: "board.mail.errors.choice" }),
});

/** A token from a board e-mail's unsubscribe link: 256 random bits, base64url. */
export function isUnsubscribeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

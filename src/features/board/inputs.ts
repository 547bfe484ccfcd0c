import { z } from "zod";
import { checkbox, withoutControlCharacters } from "../../infra/html/form.js";
import { isUuid } from "../../infra/http/ids.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { reactionKinds } from "./tables.js";

/** The longest post: a long letter; beyond it the form says so by the field. */
export const POST_MAX = 20_000;
export const TITLE_MAX = 150;

/**
 * Text as a keyboard types it: the invisible control characters a form drops (a NUL byte, which
 * PostgreSQL refuses) are dropped from JSON too, so both doors read the same words.
 */
const typed = (max: number, empty: MessageKey, long: MessageKey) =>
  z
    .string()
    .transform(withoutControlCharacters)
    .pipe(z.string().trim().min(1, empty).max(max, long));

/** What a member writes: light formatting (markdown) is allowed, blank is not. */
const body = typed(POST_MAX, "board.errors.bodyEmpty", "board.errors.bodyLong");

const title = typed(TITLE_MAX, "board.errors.titleEmpty", "board.errors.titleLong");

/** A new conversation: its title and its first message. */
export const newThreadInput = z.object({ title, body });
export type NewThreadInput = z.output<typeof newThreadInput>;

/** An announcement; one about a cancelled meeting is e-mailed to every member, whatever they chose. */
export const announcementInput = z.object({ title, body, toEveryone: checkbox });
export type AnnouncementInput = z.output<typeof announcementInput>;

/** A reply, or a post as its author puts it right. */
export const postBodyInput = z.object({ body });

/** Saying, or no longer saying, "Me too", "Thank you" or "This helped me" of a post. */
export const reactionInput = z
  .object({
    kind: z.enum(reactionKinds, { error: "board.errors.reaction" }),
    reacted: z.enum(["yes", "no"], { error: "board.errors.reaction" }),
  })
  .strict();

/** Deleting asks nothing more than the button. */
export const nothingInput = z.object({}).strict();

/** The board's page number, from the address: anything else is the first page. */
export function pageNumber(raw: unknown): number {
  const n = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
}

export const isBoardId = isUuid;

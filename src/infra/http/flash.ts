import type { FastifyReply } from "fastify";
import type { MessageKey } from "../i18n/i18n.js";
import { cookieNames, cookieOptions } from "./cookies.js";

/** A one-time message for the next page, such as "Your details have been saved". */
export function setFlash(reply: FastifyReply, key: MessageKey): void {
  reply.setCookie(cookieNames.flash, key, cookieOptions(120));
}

/** 303 See Other: the browser follows with a GET, so reloading never re-sends the form. */
export function redirectAfterPost(reply: FastifyReply, location: string, flash?: MessageKey) {
  if (flash) setFlash(reply, flash);
  return reply.code(303).redirect(location);
}

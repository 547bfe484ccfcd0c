import type { FastifyReply, FastifyRequest } from "fastify";
import type { Executor } from "../../../infra/db/database.js";
import { cookieNames, cookieOptions } from "../../../infra/http/cookies.js";
import { type MailFailure, sendOrSayWhy } from "../../../infra/mail/mailer.js";
import { signInMessage } from "../mail.js";
import { issueSignIn, SIGN_IN_VALID_MS, supersedeSignIns, withdrawSignIn } from "../writes.js";

/**
 * Sends a link and code; the same answer whether or not the address has an account (a message
 * goes to every address). When the e-mail could not go, the message to show by the field: the
 * address refused for good (mistyped, 400), or the mail server away for now (503).
 */
export async function sendSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  db: Executor = request.server.deps.db,
): Promise<MailFailure | null> {
  const { clock, config, mailer } = request.server.deps;
  const issued = await issueSignIn(db, email, clock());
  const link = new URL("/sign-in/link", config.publicUrl);
  link.searchParams.set("token", issued.linkToken);
  const failed = await sendOrSayWhy(
    mailer,
    signInMessage({
      to: email,
      language: request.lang,
      siteName: config.instanceName,
      link: link.toString(),
      code: issued.code,
      expiresAt: issued.expiresAt,
      timeZone: config.timeZone,
      hasAccount: issued.hasAccount,
    }),
    request.log,
  );
  if (failed) {
    await withdrawSignIn(db, issued.requestId);
    return failed;
  }
  await supersedeSignIns(db, { email, requestId: issued.requestId }, clock());
  reply.setCookie(
    cookieNames.signIn,
    `${issued.requestId}.${issued.browserSecret}`,
    cookieOptions(SIGN_IN_VALID_MS / 1000),
  );
  return null;
}

import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MessageKey } from "../i18n/i18n.js";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** An iCalendar invitation (RFC 6047): a text/calendar part calendar programs act on. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string; filename: string };
};

/** The message as nodemailer takes it: the invitation as its `icalEvent`. */
function forTransport({ calendar, ...message }: MailMessage) {
  return calendar
    ? {
        ...message,
        icalEvent: {
          method: calendar.method.toLowerCase(),
          content: calendar.content,
          filename: calendar.filename,
        },
      }
    : message;
}

export type Mailer = { send(message: MailMessage): Promise<void>; close(): void };

/** The address in a sender such as "Mutua <groups@example.org>". */
export function addressOf(sender: string): string {
  return /<([^<>]+)>/.exec(sender)?.[1]?.trim() ?? sender.trim();
}

type SmtpFailure = { responseCode?: unknown; code?: unknown; command?: unknown };

/**
 * Whether the mail server refused this message's address for good: a permanent reply to RCPT TO,
 * such as 550 for a mailbox that does not exist. Sending it again will not help, and must not
 * hold up the messages to everyone else. A server that refuses everything (a wrong password, the
 * sender refused) is not this: it is a mailServerFailure.
 */
export function refusedForGood(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as SmtpFailure;
  return (
    typeof responseCode === "number" &&
    responseCode >= 500 &&
    responseCode < 600 &&
    // 503 says the conversation went wrong, not that the address is bad.
    responseCode !== 503 &&
    command === "RCPT TO"
  );
}

/**
 * Whether sending failed because of the mail server or the way to it rather than the message's
 * address: away, busy ("try again later"), timing out, or refusing every message until the
 * people who run the instance put it right (a wrong password, a TLS problem). Later may work.
 */
export function mailServerFailure(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as SmtpFailure;
  return typeof responseCode === "number" || (typeof code === "string" && /^E[A-Z]+$/.test(code));
}

const transientCodes = new Set(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS"]);

/**
 * Notes a mail server failure in the log, without the address: a warning when it may pass by
 * itself, an error when the server refuses everything and someone must put it right.
 */
export function logMailServerFailure(
  log: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  },
  error: unknown,
  what: string,
): void {
  const { responseCode, code, command } = (error ?? {}) as SmtpFailure;
  const details = { mail: true, code, responseCode, command };
  const passing =
    (typeof responseCode === "number" && responseCode >= 400 && responseCode < 500) ||
    (typeof code === "string" && transientCodes.has(code) && typeof responseCode !== "number");
  if (passing) log.warn(details, `The mail server could not take a message just now; ${what}`);
  else log.error(details, `The mail server refuses messages: check SMTP_URL; ${what}`);
}

/** Why an e-mail a person asked for did not go, as the message to show by the address field. */
export type MailFailure = { error: MessageKey; status: 400 | 503 };

const refused: MailFailure = { error: "errors.email.refused", status: 400 };
const unavailable: MailFailure = { error: "errors.email.unavailable", status: 503 };

type Log = Parameters<typeof logMailServerFailure>[0];

/**
 * Sends a message that is itself what the person asked for (a sign-in code, an invitation);
 * null once sent. Otherwise what to tell them by the field: the address refused for good (400),
 * or the mail server unable to take it (503, noted in the log for the people who run it).
 */
export async function sendOrSayWhy(
  mailer: Mailer,
  message: MailMessage,
  log: Log,
): Promise<MailFailure | null> {
  try {
    await mailer.send(message);
    return null;
  } catch (error) {
    if (refusedForGood(error)) return refused;
    if (!mailServerFailure(error)) throw error;
    logMailServerFailure(log, error, "the person was asked to try again");
    return unavailable;
  }
}

/**
 * A mailer that skips an address the mail server refuses for good (a mailbox that no longer
 * exists) and notes it in the log, without the address: one bad address then stops neither the
 * e-mails to the others nor the work they follow. Any other failure is thrown, to be tried again.
 */
export function skippingRefused(
  mailer: Mailer,
  log: { warn(details: object, message: string): void },
): Mailer {
  return {
    async send(message) {
      try {
        await mailer.send(message);
      } catch (error) {
        if (!refusedForGood(error)) throw error;
        const code = (error as { responseCode: number }).responseCode;
        log.warn({ mail: true, responseCode: code }, "The mail server refused an address for good");
      }
    },
    close: () => mailer.close(),
  };
}

/** How long to wait on the mail server, in milliseconds, as nodemailer names them. */
export type SmtpTimeouts = {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

// A page waits on the mail server: give up on one that does not answer within seconds.
const smtpTimeouts: SmtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/**
 * Sends through SMTP_URL; without it, writes each message to `<dataDir>/outbox` as an .eml file.
 * `timeouts` is for tests, which cannot wait out a hung server's ten seconds each time.
 */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
  timeouts?: Partial<SmtpTimeouts>;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      ...smtpTimeouts,
      ...options.timeouts,
    });
    return {
      async send(message) {
        await transport.sendMail({ from: options.from, ...forTransport(message) });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...forTransport(message) });
      await fs.mkdir(options.outboxDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
      await fs.writeFile(path.join(options.outboxDir, name), info.message as Buffer, {
        mode: 0o600,
      });
    },
    close: () => transport.close(),
  };
}

export type OutboxEntry = { file: string; raw: string };

export async function readOutbox(outboxDir: string, limit = 20): Promise<OutboxEntry[]> {
  const files = await fs.readdir(outboxDir).catch(() => [] as string[]);
  const newest = files
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (file) => ({
      file,
      raw: await fs.readFile(path.join(outboxDir, file), "utf8"),
    })),
  );
}

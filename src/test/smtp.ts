import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Mailer } from "../infra/mail/mailer.js";

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  /** A header as it was written, unfolded, by its lower-case name: header("list-unsubscribe"). */
  header(name: string): string | undefined;
  /** Attached files and non-text parts, such as a calendar invitation, as text. */
  attachments: { contentType: string; filename: string | undefined; content: string }[];
};

/** A real SMTP server on 127.0.0.1 that keeps what it receives, parsed, for assertions. */
export class SmtpCapture {
  readonly messages: ReceivedMail[] = [];
  /** Addresses answered "550 no such mailbox", as a real server does for a mailbox gone for good. */
  readonly refused = new Set<string>();
  /** While true, every connection is answered "421 try again later", as a server that is busy or
   * being restarted does. */
  away = false;
  /** While true, the sender is refused (550 at MAIL FROM), as a server that takes nothing from
   * this instance does: a problem of the server's settings, not of any address. */
  refusesSender = false;
  private server: SMTPServer;
  private waiters: (() => void)[] = [];
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect: (_session, callback) => {
        if (!this.away) return callback();
        const error = new Error("Not taking mail just now") as Error & { responseCode: number };
        error.responseCode = 421;
        callback(error);
      },
      onMailFrom: (_address, _session, callback) => {
        if (!this.refusesSender) return callback();
        const error = new Error("Sender not allowed here") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address)) return callback();
        const error = new Error("No such mailbox here") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              headers: mail.headers,
              header: (name: string) =>
                mail.headerLines
                  .find((h) => h.key === name.toLowerCase())
                  ?.line.replace(/^[^:]*:\s*/, "")
                  .replace(/\r?\n\s+/g, " "),
              attachments: mail.attachments.map((a) => ({
                contentType: a.contentType,
                filename: a.filename,
                content: a.content.toString("utf8"),
              })),
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
    const address = this.server.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The newest message to an address, waiting up to five seconds for it to arrive. */
  async lastTo(address: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter((m) => m.to.includes(address)).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail reached ${address}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  clear() {
    this.messages.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The 6-digit code and the link in a sign-in message. */
export function signInSecrets(mail: ReceivedMail): { code: string; link: string } {
  const code = mail.text.match(/\b(\d{3}) (\d{3})\b/);
  const link = mail.text.match(/https?:\/\/\S+\/sign-in\/link\?token=[A-Za-z0-9_-]+/);
  if (!code || !link) throw new Error(`No code or link in: ${mail.text}`);
  return { code: `${code[1]}${code[2]}`, link: link[0] };
}

/** A mailer that fails from its `failFrom`-th message on: a mail server that went away. */
export function failingFrom(mailer: Mailer, failFrom: number): Mailer {
  let count = 0;
  return {
    async send(message) {
      count += 1;
      if (count >= failFrom) throw new Error("the mail server went away");
      await mailer.send(message);
    },
    close: () => undefined,
  };
}

import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { deliverNowOrLater, laterMailStatus } from "./later.js";
import { createMailer, mailServerFailure, refusedForGood } from "./mailer.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("telling a bad address from a mail server that cannot take mail", () => {
  it("counts only a permanent refusal of the address as the address's fault", () => {
    const smtp = (code: string, responseCode: number | undefined, command: string) =>
      Object.assign(new Error("failed"), { code, responseCode, command });
    expect(refusedForGood(smtp("EENVELOPE", 550, "RCPT TO"))).toBe(true);
    for (const serverWide of [
      smtp("EAUTH", 535, "AUTH PLAIN"),
      smtp("EENVELOPE", 550, "MAIL FROM"),
      smtp("EPROTOCOL", 554, "CONN"),
      smtp("EENVELOPE", 503, "RCPT TO"),
      smtp("EENVELOPE", 450, "RCPT TO"),
      smtp("ECONNECTION", undefined, "CONN"),
    ]) {
      expect(refusedForGood(serverWide)).toBe(false);
      expect(mailServerFailure(serverWide)).toBe(true);
    }
    expect(mailServerFailure(new TypeError("a bug"))).toBe(false);
  });
});

describe("a mail server that does not answer", () => {
  it("is waited for once, not once per message: the rest go straight to the queue", async () => {
    // Accepts connections and never says a word, as a hung server does.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    // Shorter than the real ten seconds, but above the 2 s after which deliverNowOrLater counts a
    // failure as slow and queues the rest at once (at 1 s every message waits its own timeout).
    const greetingTimeout = 2_500;
    const hung = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Mutua <groups@mutua.example>",
      outboxDir: "/nonexistent",
      timeouts: { greetingTimeout },
    });
    try {
      const mailer = deliverNowOrLater(hung, t.database.db, t.app.log);
      const started = Date.now();
      for (const to of ["ada@example.org", "bruno@example.org", "carla@example.org"]) {
        await mailer.send({ to, subject: "A change", text: "A change.", html: "<p>A change.</p>" });
      }
      const waited = Date.now() - started;
      // One greeting timeout, not three.
      expect(waited).toBeGreaterThan(0.9 * greetingTimeout);
      expect(waited).toBeLessThan(1.9 * greetingTimeout);
      expect((await laterMailStatus(t.database.db)).waiting).toBe(3);
    } finally {
      hung.close();
      silent.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.js";

describe("configuration", () => {
  it("starts with sensible defaults from an empty environment", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(3000);
    expect(result.config.host).toBe("127.0.0.1");
    expect(result.config.databaseUrl).toBeUndefined();
    expect(result.config.dataDir).toMatch(/data$/);
    expect(result.config.publicUrl.origin).toBe("http://localhost:3000");
    expect(result.config.timeZone).toBe("Europe/Rome");
  });

  it("lists every bad variable with what was expected and what was given", () => {
    const result = parseConfig({
      PORT: "eighty",
      DATABASE_URL: "mysql://db/mutua",
      HELP_EMAIL: "not-an-address",
      TIME_ZONE: "Europe/Atlantis",
      PUBLIC_URL: "groups.example.org",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join("\n");
    expect(text).toContain('PORT: expected a whole number from 1 to 65535, but got "eighty"');
    expect(text).toContain("DATABASE_URL: expected a PostgreSQL address starting with postgres://");
    expect(text).toContain("HELP_EMAIL: expected an e-mail address");
    expect(text).toContain(
      'TIME_ZONE: expected a time zone name, like Europe/Rome or Europe/London, but got "Europe/Atlantis"',
    );
    expect(text).toContain("PUBLIC_URL: expected a full web address");
    expect(result.problems).toHaveLength(5);
  });

  it("believes X-Forwarded-For only from the proxies in front, never every hop", () => {
    const trust = (value: string) => {
      const result = parseConfig({ TRUST_PROXY: value });
      return result.ok ? result.config.trustProxy : result.problems.join("\n");
    };
    expect(trust("false")).toBe(false);
    expect(trust("true")).toBe(1);
    expect(trust("2")).toBe(2);
    expect(trust("10.0.0.1, 10.1.0.0/16,::1")).toBe("10.0.0.1,10.1.0.0/16,::1");
    expect(trust("yes")).toContain("TRUST_PROXY: expected false, true (one proxy in front)");
    expect(trust("10.0.0.1/40")).toContain("TRUST_PROXY: expected");
    expect(trust("9")).toContain("TRUST_PROXY: expected");
  });

  it("treats an empty variable as unset", () => {
    const result = parseConfig({ SMTP_URL: "", DATABASE_URL: "  " });
    expect(
      result.ok && result.config.smtpUrl === undefined && result.config.databaseUrl === undefined,
    ).toBe(true);
  });

  it("refuses a port out of range", () => {
    const result = parseConfig({ PORT: "70000" });
    expect(result.ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Viewer } from "../../infra/http/viewer.js";
import { type AccountAction, abilities, can, sessionLifetime } from "./policy.js";

const base: Viewer = {
  personId: "00000000-0000-0000-0000-000000000001",
  email: "ada@example.org",
  displayName: "Ada",
  language: "en",
  textSize: "standard",
  contrast: "standard",
  isAdmin: false,
  sessionIdHash: "x",
  signInMethod: "email",
};

const viewers = {
  anonymous: null,
  member: base,
  memberWithPasskey: { ...base, signInMethod: "passkey" as const },
  adminByEmail: { ...base, isAdmin: true },
  adminByPasskey: { ...base, isAdmin: true, signInMethod: "passkey" as const },
};

const expected: Record<keyof typeof viewers, Partial<Record<AccountAction, boolean>>> = {
  anonymous: {
    "account.view": false,
    "account.edit": false,
    "account.export": false,
    "account.delete": false,
    "admin.tools": false,
  },
  member: {
    "account.view": true,
    "account.edit": true,
    "account.export": true,
    "account.delete": true,
    "admin.tools": false,
  },
  memberWithPasskey: { "account.view": true, "admin.tools": false },
  adminByEmail: { "account.view": true, "admin.tools": false },
  adminByPasskey: { "account.view": true, "admin.tools": true },
};

describe("account policy truth table", () => {
  for (const [who, actions] of Object.entries(expected)) {
    for (const [action, allowed] of Object.entries(actions)) {
      it(`${who} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(viewers[who as keyof typeof viewers], action as AccountAction)).toBe(allowed);
      });
    }
  }

  it("abilities() agrees with can() for every action", () => {
    for (const viewer of Object.values(viewers)) {
      for (const [action, allowed] of Object.entries(abilities(viewer))) {
        expect(can(viewer, action as AccountAction)).toBe(allowed);
      }
    }
  });

  it("gives members at least 20 hours and staff a shorter session", () => {
    expect(sessionLifetime({ isAdmin: false }).idleMs).toBeGreaterThanOrEqual(20 * 3_600_000);
    expect(sessionLifetime({ isAdmin: true }).idleMs).toBeLessThan(
      sessionLifetime({ isAdmin: false }).idleMs,
    );
  });
});

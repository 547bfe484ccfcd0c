import { describe, expect, it } from "vitest";
import type { Standing } from "../memberships/policy.js";
import {
  askBackRefusal,
  hideRefusal,
  leaveUpRefusal,
  reportRefusal,
  restoreRefusal,
  seesReporter,
} from "./policy.js";

const at = new Date("2026-03-10T09:00:00.000Z");
const post = (over: { authorId?: string; deletedAt?: Date; hiddenAt?: Date } = {}) => ({
  authorId: over.authorId ?? "ada",
  createdAt: at,
  deletedAt: over.deletedAt ?? null,
  hiddenAt: over.hiddenAt ?? null,
});
const onBoard: Standing[] = ["member", "facilitator", "guide"];

describe("reporting", () => {
  it("lets any member report someone else's post once, never their own, a hidden or a deleted one", () => {
    expect(reportRefusal(post(), "rita", false)).toBeNull();
    expect(reportRefusal(post(), "rita", true)).toBe("ALREADY_REPORTED");
    expect(reportRefusal(post(), "ada", false)).toBe("OWN_POST");
    expect(reportRefusal(post({ hiddenAt: at }), "rita", false)).toBe("HIDDEN");
    expect(reportRefusal(post({ deletedAt: at }), "rita", false)).toBe("DELETED");
  });
});

describe("hiding and restoring", () => {
  it.each(onBoard)("lets only those who lead decide (%s)", (where) => {
    const leads = where !== "member";
    expect(hideRefusal(post(), where)).toBe(leads ? null : "NOT_LEADING");
    expect(restoreRefusal(post({ hiddenAt: at }), where)).toBe(leads ? null : "NOT_LEADING");
    expect(leaveUpRefusal({ state: "open" }, where)).toBe(leads ? null : "NOT_LEADING");
  });

  it("refuses to hide a hidden post, restore a visible one, or decide a decided report", () => {
    expect(hideRefusal(post({ hiddenAt: at }), "facilitator")).toBe("ALREADY_HIDDEN");
    expect(restoreRefusal(post(), "facilitator")).toBe("NOT_HIDDEN");
    expect(hideRefusal(post({ deletedAt: at }), "facilitator")).toBe("DELETED");
    expect(leaveUpRefusal({ state: "left_up" }, "guide")).toBe("ALREADY_DECIDED");
    expect(leaveUpRefusal({ state: "acted_on" }, "guide")).toBe("ALREADY_DECIDED");
  });
});

describe("asking back", () => {
  it("lets only the author of a hidden post ask, once each time it is hidden", () => {
    const hidden = post({ hiddenAt: at });
    expect(askBackRefusal(hidden, "ada", false)).toBeNull();
    expect(askBackRefusal(hidden, "ada", true)).toBe("ALREADY_ASKED");
    expect(askBackRefusal(hidden, "grace", false)).toBe("NOT_YOURS");
    expect(askBackRefusal(post(), "ada", false)).toBe("NOT_HIDDEN");
  });

  it("never shows the author of a post who reported it", () => {
    expect(seesReporter(post(), "ada")).toBe(false);
    expect(seesReporter(post(), "grace")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { Standing } from "../memberships/policy.js";
import { handlesAlerts, mayWorryAbout, stepAbilities, stepRefusal } from "./policy.js";
import type { AlertState } from "./tables.js";

describe("who handles a group's alerts on its pages", () => {
  const table: [Standing, boolean, boolean][] = [
    ["facilitator", false, true],
    ["guide", false, true],
    ["member", true, true],
    ["member", false, false],
    // The guide after the handover acts through the link in the e-mail instead.
    ["observer", true, false],
    ["outsider", true, false],
    ["requested", true, false],
    ["waitlisted", false, false],
  ];
  it.each(table)("%s (backup contact: %s) → %s", (where, backup, handles) => {
    expect(handlesAlerts(where, backup)).toBe(handles);
  });
});

describe("an alert's steps only go forward", () => {
  const table: [AlertState, { seen: boolean; acted_on: boolean; closed: boolean }][] = [
    ["new", { seen: true, acted_on: true, closed: true }],
    ["seen", { seen: false, acted_on: true, closed: true }],
    ["acted_on", { seen: false, acted_on: false, closed: true }],
    ["closed", { seen: false, acted_on: false, closed: false }],
  ];
  it.each(table)("from %s", (state, abilities) => {
    expect(stepAbilities({ state })).toEqual(abilities);
  });

  it("says why a step cannot be taken", () => {
    expect(stepRefusal("closed", { state: "closed" })).toBe("CLOSED");
    expect(stepRefusal("acted_on", { state: "acted_on" })).toBe("ACTED_ALREADY");
    // Seeing an alert someone has already seen is no refusal: it changes nothing.
    expect(stepRefusal("seen", { state: "acted_on" })).toBeNull();
  });
});

describe("who may say they are worried about a post's author", () => {
  it("is anyone but the author, while the post is there", () => {
    const post = { authorId: "ada", deletedAt: null };
    expect(mayWorryAbout(post, "marco")).toBe(true);
    expect(mayWorryAbout(post, "ada")).toBe(false);
    expect(mayWorryAbout({ ...post, deletedAt: new Date() }, "marco")).toBe(false);
    expect(mayWorryAbout({ authorId: null, deletedAt: null }, "marco")).toBe(false);
  });
});

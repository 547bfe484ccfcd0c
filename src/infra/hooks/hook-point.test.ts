import { describe, expect, it } from "vitest";
import { HookPoint } from "./hook-point.js";

describe("a hook point", () => {
  it("runs each owner's work once, in the order they first registered, even when registered again", async () => {
    const point = new HookPoint<{ log: string[] }>("a person leaves");
    point.register("memberships", async ({ log }) => void log.push("memberships"));
    point.register("invitations", async ({ log }) => void log.push("invitations"));
    // The app built a second time registers the same owners again.
    point.register("memberships", async ({ log }) => void log.push("memberships again"));
    const log: string[] = [];
    await point.run({ log });
    expect(log).toEqual(["memberships again", "invitations"]);
  });

  it("stops at the first failure, so the transaction around it rolls back", async () => {
    const point = new HookPoint<{ log: string[] }>("a person leaves");
    point.register("first", async () => {
      throw new Error("refused");
    });
    point.register("second", async ({ log }) => void log.push("second"));
    const log: string[] = [];
    await expect(point.run({ log })).rejects.toThrow("refused");
    expect(log).toEqual([]);
  });

  it("gathers each owner's part under its name, in the order they registered", async () => {
    const point = new HookPoint<{ personId: string }, unknown>("a person's data");
    point.register("groups", async ({ personId }) => [`${personId} in a group`]);
    point.register("meetings", async () => ({ answers: [] }));
    const parts = await point.gather({ personId: "ada" });
    expect(parts).toEqual({ groups: ["ada in a group"], meetings: { answers: [] } });
    expect(Object.keys(parts)).toEqual(["groups", "meetings"]);
  });
});

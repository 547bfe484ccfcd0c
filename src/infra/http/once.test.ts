import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { newSubmissionId } from "../html/once-field.js";
import { forgetOldSubmissions, onceOnly, submissionIdOf } from "./once.js";
import { formSubmissions } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;

describe("a form's work done once", () => {
  it("reads only an id of ours from a form", () => {
    const id = newSubmissionId();
    expect(submissionIdOf({ _once: id })).toBe(id);
    for (const body of [{ _once: "1; drop table" }, { _once: [id] }, {}, null, "text"]) {
      expect(submissionIdOf(body)).toBeNull();
    }
  });

  it("keeps no claim when the work does not succeed, and remembers a form for a week", async () => {
    const id = newSubmissionId();
    const now = t.clock.now();
    const options = { ledTo: () => "/done", fallback: "/" };
    const refused = await onceOnly(t.database.db, id, now, async () => ({ ok: false }), options);
    expect(refused).toEqual({ sentTwice: false, outcome: { ok: false } });
    const done = await onceOnly(t.database.db, id, now, async () => ({ ok: true }), options);
    expect(done).toEqual({ sentTwice: false, outcome: { ok: true } });
    const twice = await onceOnly(t.database.db, id, now, async () => ({ ok: true }), options);
    expect(twice).toEqual({ sentTwice: true, ledTo: "/done" });

    expect(await forgetOldSubmissions(t.database.db, new Date(now.getTime() + 6 * DAY))).toBe(0);
    expect(await forgetOldSubmissions(t.database.db, new Date(now.getTime() + 8 * DAY))).toBe(1);
    expect(await t.database.db.select().from(formSubmissions)).toEqual([]);
  });

  it("keeps nothing a refused piece of work wrote, with or without an id", async () => {
    const options = { ledTo: () => "/done", fallback: "/" };
    for (const id of [newSubmissionId(), null]) {
      const written = newSubmissionId();
      const refused = await onceOnly(
        t.database.db,
        id,
        t.clock.now(),
        async (tx) => {
          // Something the work wrote before it found it could not go on.
          await tx.insert(formSubmissions).values({ id: written, submittedAt: t.clock.now() });
          return { ok: false };
        },
        options,
      );
      expect(refused.sentTwice).toBe(false);
      expect(await t.database.db.select().from(formSubmissions)).toEqual([]);
    }
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { atTheSameMoment } from "../../test/same-moment.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
});

describe("the group-life JSON API", () => {
  it("accepts the agreement only as it was read, answering 409 when it changed since", async () => {
    const row = await createGroup(t, { agreement: "What is said here stays here." });
    const ada = await personWithSession(t, { displayName: "Ada" });
    await addMember(t, row.id, ada.person.id);
    const base = `/api/v1/groups/${row.slug}`;
    const { changedAt } = (await ada.browser.json("GET", `${base}/agreement`)).json();
    const stale = await ada.browser.json("POST", `${base}/agreement/acceptance`, {
      read: "2026-01-01T00:00:00.000Z",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("agreement_changed");
    const asRead = await ada.browser.json("POST", `${base}/agreement/acceptance`, {
      ...(changedAt ? { read: changedAt } : {}),
    });
    expect(asRead.statusCode).toBe(200);
  });

  it("answers 409, not 'unchanged', when another facilitator's change opens at the same moment", async () => {
    const row = await createGroup(t, { agreement: "What is said here stays here." });
    const grace = await personWithSession(t, { displayName: "Grace" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    // Another facilitator's proposal is written just before Grace's, once the check has passed.
    const proposed = await atTheSameMoment(
      t,
      {
        table: "agreement_changes",
        when: "before insert",
        statement: `if pg_trigger_depth() = 1 then
          insert into agreement_changes (group_id, text, proposed_at, objections_close_at)
          values (new.group_id, 'Pass is always fine.', new.proposed_at, new.objections_close_at);
        end if`,
      },
      () =>
        grace.browser.json("POST", `/api/v1/groups/${row.slug}/agreement/changes`, {
          text: "What is said here stays here.\n\nNo advice unless asked.",
          reason: "",
        }),
    );
    expect(proposed.statusCode).toBe(409);
    expect(proposed.json().error.code).toBe("change_open");
  });

  it("proposes, shows and objects to a change of the agreement, with abilities per viewer", async () => {
    const row = await createGroup(t, { agreement: "What is said here stays here." });
    const grace = await personWithSession(t, { displayName: "Grace" });
    const ada = await personWithSession(t, { displayName: "Ada" });
    await addMember(t, row.id, grace.person.id, "facilitator");
    await addMember(t, row.id, ada.person.id);
    const base = `/api/v1/groups/${row.slug}`;

    const refused = await ada.browser.json("POST", `${base}/agreement/changes`, {
      text: "Anything goes.",
      reason: "",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("forbidden");
    const empty = await grace.browser.json("POST", `${base}/agreement/changes`, { text: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.text).toBe("Write the agreement as it would read");

    const proposed = await grace.browser.json("POST", `${base}/agreement/changes`, {
      text: "What is said here stays here.\n\nPass is always fine.",
      reason: "We say it every week anyway.",
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({
      state: "open",
      proposedBy: "Grace",
      objectionsCloseAt: "2026-03-17T09:00:00.000Z",
    });

    const seen = (await ada.browser.json("GET", `${base}/agreement`)).json();
    expect(seen.open.text).toContain("Pass is always fine.");
    expect(seen.abilities).toEqual({
      "agreement.view": true,
      "agreement.propose": false,
      "agreement.object": true,
      "agreement.accept": false,
    });
    expect(
      (await grace.browser.json("GET", `${base}/agreement`)).json().abilities["agreement.object"],
    ).toBe(false);

    const objected = await ada.browser.json("POST", `${base}/agreement/objections`, {
      reason: "Let us talk first.",
    });
    expect(objected.statusCode).toBe(201);
    const after = (await ada.browser.json("GET", `${base}/agreement`)).json();
    expect(after.open).toBeNull();
    expect(after.history[0]).toMatchObject({ state: "objected", objections: 1 });

    const members = (await ada.browser.json("GET", `${base}/members`)).json();
    expect(members.members.map((m: { displayName: string }) => m.displayName)).toEqual([
      "Grace",
      "Ada",
    ]);
    expect(members.abilities["members.manage"]).toBe(false);
    const split = (await grace.browser.json("GET", `${base}/split`)).json();
    expect(split).toMatchObject({ open: false, parts: [], myChoice: null });
    expect(split.abilities["split.propose"]).toBe(false);
  });

  it("describes the group-life routes in the OpenAPI document", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/groups/{slug}/members",
      "/api/v1/groups/{slug}/agreement",
      "/api/v1/groups/{slug}/agreement/changes",
      "/api/v1/groups/{slug}/agreement/objections",
      "/api/v1/groups/{slug}/agreement/acceptance",
      "/api/v1/groups/{slug}/split",
      "/api/v1/groups/{slug}/split/choice",
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { signedInPerson } from "../../test/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("/api/v1/me", () => {
  it("answers 401 with a JSON problem when signed out", async () => {
    const response = await t.app.inject({ url: "/api/v1/me" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: "sign_in_required", message: "Sign in to use this." },
    });
  });

  it("presents exactly the person's own fields and abilities", async () => {
    const { person, browser } = await signedInPerson(t, { displayName: "Marco" });
    const response = await browser.json("GET", "/api/v1/me");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        "abilities",
        "contrast",
        "displayName",
        "email",
        "id",
        "isAdmin",
        "language",
        "signInMethod",
        "textSize",
      ].sort(),
    );
    expect(body).toMatchObject({
      id: person.id,
      email: person.email,
      displayName: "Marco",
      signInMethod: "email",
    });
    expect(body.abilities["account.export"]).toBe(true);
    expect(body.abilities["admin.tools"]).toBe(false);
  });

  it("changes settings with PATCH and refuses unknown fields, bad values and bad JSON, changing nothing", async () => {
    const { browser } = await signedInPerson(t, { displayName: "Marco" });
    const ok = await browser.json("PATCH", "/api/v1/me", { textSize: "large", language: "it" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ textSize: "large", language: "it", displayName: "Marco" });

    const unknown = await browser.json("PATCH", "/api/v1/me", { isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("invalid_input");

    const bad = await browser.json("PATCH", "/api/v1/me", {
      displayName: "x".repeat(80),
      contrast: "neon",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      displayName: "Your name can be at most 40 characters",
      contrast: "Choose one of the options",
    });
    const after = (await browser.json("GET", "/api/v1/me")).json();
    expect(after).toMatchObject({ displayName: "Marco", contrast: "standard", isAdmin: false });
  });

  it("answers 401, not an error, when the session ends while settings are being changed", async () => {
    const { browser } = await signedInPerson(t, { displayName: "Nadia" });
    // "Sign out everywhere" in another window, at the very moment of the change: a trigger ends
    // the sessions as the profile is written, between the change and the answer.
    await t.database.pool.query(`
      create function test_sign_out_everywhere() returns trigger language plpgsql as $$
        begin delete from sessions where person_id = new.id; return new; end $$;
      create trigger test_sign_out_everywhere after update on people
        for each row execute function test_sign_out_everywhere();`);
    try {
      const patched = await browser.json("PATCH", "/api/v1/me", { textSize: "large" });
      expect(patched.statusCode).toBe(401);
      expect(patched.json()).toMatchObject({ error: { code: "sign_in_required" } });
    } finally {
      await t.database.pool.query(`
        drop trigger test_sign_out_everywhere on people;
        drop function test_sign_out_everywhere();`);
    }
  });
});

describe("OpenAPI", () => {
  it("documents the API with its schemas", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/v1/me"].get.responses["200"]).toBeDefined();
    expect(
      doc.paths["/api/v1/me"].patch.requestBody.content["application/json"].schema
        .additionalProperties,
    ).toBe(false);
    expect(doc.paths["/api/v1/passkey-sign-in"].post).toBeDefined();
    expect(Object.keys(doc.paths).filter((p: string) => !p.startsWith("/api/"))).toEqual([]);
  });
});

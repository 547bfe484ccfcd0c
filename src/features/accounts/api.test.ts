import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { signedInPerson } from "../../test/factories.js";
import { atTheSameMoment } from "../../test/same-moment.js";

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
    // "Sign out everywhere" in another window, as the profile is written: between the change
    // and the answer.
    const patched = await atTheSameMoment(
      t,
      {
        table: "people",
        when: "after update",
        statement: "delete from sessions where person_id = new.id",
      },
      () => browser.json("PATCH", "/api/v1/me", { textSize: "large" }),
    );
    expect(patched.statusCode).toBe(401);
    expect(patched.json()).toMatchObject({ error: { code: "sign_in_required" } });
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

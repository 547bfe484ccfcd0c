import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { signedInPerson, signIn } from "../../test/factories.js";
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

describe("the account's forms, as JSON", () => {
  it("names the person with PUT /api/v1/me/name, by the same rules as the welcome form", async () => {
    const { browser } = await signedInPerson(t);
    const bad = await browser.json("PUT", "/api/v1/me/name", { displayName: "<b>Ada</b>" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("invalid_input");
    const named = await browser.json("PUT", "/api/v1/me/name", { displayName: "Ada" });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ displayName: "Ada" });
  });

  it("signs out here with DELETE /api/v1/me/session, and everywhere with DELETE /api/v1/me/sessions", async () => {
    const { person, browser } = await signedInPerson(t);
    const out = await browser.json("DELETE", "/api/v1/me/session");
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ signedIn: false });
    expect((await browser.json("GET", "/api/v1/me")).statusCode).toBe(401);

    const first = await signIn(t, person.email);
    const second = await signIn(t, person.email);
    expect((await first.json("DELETE", "/api/v1/me/sessions")).statusCode).toBe(200);
    expect((await second.json("GET", "/api/v1/me")).statusCode).toBe(401);
  });

  it("deletes the account with DELETE /api/v1/me, ending its session", async () => {
    const { browser } = await signedInPerson(t);
    const deleted = await browser.json("DELETE", "/api/v1/me");
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ deleted: true });
    expect((await browser.json("GET", "/api/v1/me")).statusCode).toBe(401);
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

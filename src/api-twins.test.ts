import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDoors } from "./infra/actions/action.js";
import { buildTestApp, type TestApp } from "./test/build-app.js";
import { servedRoutes } from "./test/routes.js";

/**
 * Forms that have no JSON twin, each with the reason. Everything else a person can do on a page,
 * an API client can do with the same rules: each such form is an action's page door
 * (infra/actions/action.ts), and the action's JSON door is in the OpenAPI document.
 */
const withoutTwin: Record<string, string> = {
  "POST /sign-in":
    "Signing in by e-mail belongs to the browser that asked (its code is bound to that browser's cookie); an API client signs in with a passkey, POST /api/v1/passkey-sign-in.",
  "POST /sign-in/code": "The second step of signing in by e-mail in a browser (see POST /sign-in).",
  "POST /sign-in/link":
    "Confirms an e-mailed sign-in link opened in another browser (see POST /sign-in).",
  "POST /setup":
    "The first administrator's one-time link, opened once in a browser when Mutua is installed.",
  "POST /unsubscribe/:token":
    "One-click unsubscribe (RFC 8058): a mail program's own POST, authorised by the token in its address.",
  "POST /unsubscribe/board/:token":
    "One-click unsubscribe (RFC 8058) from a board e-mail: a mail program's own POST, authorised by the token in its address.",
};

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("every action on a page has its JSON twin", () => {
  it("finds each form an action's page door, or a form listed with its reason", () => {
    const pageDoors = new Set([...listDoors().values()].map(({ html }) => `POST ${html.url}`));
    const forms = servedRoutes(t.app)
      .filter((route) => route.method === "POST" && !route.url.startsWith("/api/"))
      .map((route) => `${route.method} ${route.url}`);
    const unexplained = forms.filter((form) => !pageDoors.has(form) && !(form in withoutTwin));
    expect(unexplained).toEqual([]);
    expect(Object.keys(withoutTwin).filter((form) => !forms.includes(form))).toEqual([]);
  });

  it("describes each action's JSON door in the OpenAPI document, with its answer", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    const document = response.json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const missing: string[] = [];
    for (const [name, { json }] of listDoors()) {
      const path = json.url.replace(/:(\w+)/g, "{$1}");
      const described = document.paths[path]?.[json.method.toLowerCase()];
      if (!described?.responses[String(json.status ?? 200)]) missing.push(`${name}: ${json.url}`);
    }
    expect(missing).toEqual([]);
    expect(listDoors().size).toBeGreaterThan(0);
  });
});

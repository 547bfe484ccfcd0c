import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { servedRoutes } from "./routes.js";

describe("servedRoutes", () => {
  it("lists a route that another route's path begins with, and both under it", async () => {
    const app = Fastify();
    const ok = async () => "ok";
    for (const url of [
      "/",
      "/groups",
      "/groups/:slug",
      "/groups/:slug/theme",
      "/groups/:slug/themes",
    ])
      app.get(url, ok);
    app.post("/groups/:slug/theme", ok);
    app.get("/groups/:slug/themes/:id", ok);
    await app.ready();
    expect(servedRoutes(app)).toEqual(
      expect.arrayContaining([
        { method: "GET", url: "/" },
        { method: "GET", url: "/groups" },
        { method: "GET", url: "/groups/:slug" },
        { method: "GET", url: "/groups/:slug/theme" },
        { method: "POST", url: "/groups/:slug/theme" },
        { method: "GET", url: "/groups/:slug/themes" },
        { method: "GET", url: "/groups/:slug/themes/:id" },
      ]),
    );
    expect(servedRoutes(app)).toHaveLength(7);
    await app.close();
  });
});

import Fastify from "fastify";
import { it } from "vitest";
import { homePages } from "../src/features/home/pages.js";
it("scratch", async () => {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 } });
  app.addHook("onRequest", async (req) => { console.log("cfg", JSON.stringify(req.routeOptions.config)); throw new Error("stop"); });
  await app.register(homePages);
  await app.inject("/urgent-help");
  const app2 = Fastify({});
  app2.addHook("onRequest", async (req) => { console.log("cfg2", JSON.stringify(req.routeOptions.config)); throw new Error("stop"); });
  app2.get("/x", { config: { skipSession: true } }, async () => "x");
  await app2.inject("/x");
});

// The words of every feature, installed before any of them is used.
import "./catalogues.js";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { accountsPlugin, loadViewer } from "./features/accounts/plugin.js";
import { adminPages } from "./features/admin/pages.js";
import { agreementJobs } from "./features/agreement/jobs.js";
import { agreementPlugin } from "./features/agreement/plugin.js";
import { boardMailJobs } from "./features/board/mail/jobs.js";
import { boardPlugin } from "./features/board/plugin.js";
import { closingJobs } from "./features/close/jobs.js";
import { closePlugin } from "./features/close/plugin.js";
import { crisisJobs } from "./features/crisis/jobs.js";
import { crisisPlugin } from "./features/crisis/plugin.js";
import { difficultiesPlugin } from "./features/difficulties/plugin.js";
import { directoryPlugin } from "./features/directory/plugin.js";
import { feedPages } from "./features/feeds/pages.js";
import { groupPagePlugin } from "./features/group-page/plugin.js";
import { groupsPlugin } from "./features/groups/plugin.js";
import { homePages } from "./features/home/pages.js";
import { invitationsPlugin } from "./features/invitations/plugin.js";
import { helpRequestJobs } from "./features/matching/jobs.js";
import { matchingPlugin } from "./features/matching/plugin.js";
import { changeNoticeJobs } from "./features/meetings/changes/jobs.js";
import { meetingJobs } from "./features/meetings/jobs.js";
import { meetingsPlugin } from "./features/meetings/plugin.js";
import { offerMailJobs } from "./features/memberships/jobs.js";
import { membershipsPlugin } from "./features/memberships/plugin.js";
import { moderationPlugin } from "./features/moderation/plugin.js";
import { organisationsPlugin } from "./features/organisations/plugin.js";
import { oversightJobs } from "./features/oversight/jobs.js";
import { oversightPages } from "./features/oversight/pages.js";
import { rolesPlugin } from "./features/roles/plugin.js";
import { settingsPlugin } from "./features/settings/plugin.js";
import { splitPlugin } from "./features/split/plugin.js";
import { registerAssets } from "./infra/http/assets.js";
import type { AppDeps } from "./infra/http/deps.js";
import { registerErrorHandling } from "./infra/http/errors.js";
import { healthRoutes } from "./infra/http/health.js";
import { registerInFlightTracking } from "./infra/http/in-flight.js";
import { registerRequestContext } from "./infra/http/request-context.js";
import { registerCsrfProtection, registerSecurityHeaders } from "./infra/http/security.js";
import { housekeepingJobs } from "./infra/jobs/housekeeping.js";
import { type JobSet, startJobRunner } from "./infra/jobs/runner.js";
import { laterMailJobs } from "./infra/mail/later.js";
import { outboxPage } from "./infra/mail/outbox-page.js";
import { registerEventStreams } from "./infra/realtime/event-stream.js";

/** Each feature's routes, hooks and timers, in the order of src/features/order.ts. */
const featurePlugins = [
  accountsPlugin,
  difficultiesPlugin,
  organisationsPlugin,
  groupsPlugin,
  membershipsPlugin,
  invitationsPlugin,
  rolesPlugin,
  agreementPlugin,
  directoryPlugin,
  matchingPlugin,
  meetingsPlugin,
  settingsPlugin,
  splitPlugin,
  closePlugin,
  feedPages,
  oversightPages,
  boardPlugin,
  moderationPlugin,
  crisisPlugin,
  groupPagePlugin,
  homePages,
  adminPages,
];

/** A path with its secret parts (40 or more URL-safe characters; not a 36-character id) hidden. */
function withoutTokens(path: string): string {
  return path.replace(/\/[A-Za-z0-9_-]{40,}(?=\/|$)/g, "/:token");
}

function withoutParameters(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("params:"))
    .join("\n");
}

export type BuildOptions = {
  /** A pino destination for tests that read the logs; standard output otherwise. */
  logStream?: NodeJS.WritableStream;
};

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Every feature's work for the job queue. */
export function appJobs(deps: AppDeps): JobSet[] {
  return [
    meetingJobs(deps),
    changeNoticeJobs(deps),
    helpRequestJobs(deps),
    agreementJobs(deps),
    closingJobs(deps),
    oversightJobs(deps),
    housekeepingJobs(deps),
    offerMailJobs(deps),
    laterMailJobs(deps),
    boardMailJobs(deps),
    crisisJobs(deps),
  ];
}

/** Builds the whole app without listening: server.ts listens, tests call inject(). */
export async function buildApp(
  deps: AppDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            serializers: {
              // Never log a query string (sign-in links carry tokens), a token in the path (an
              // unsubscribe, invitation or alert link), cookies, or bodies.
              req: (req) => ({
                method: req.method,
                url: withoutTokens(String(req.url).split("?")[0]!),
                id: req.id,
              }),
              res: (res) => ({ statusCode: res.statusCode }),
              // Database errors quote their query's parameters, which can be addresses or names.
              err: (error: Error & { code?: string }) => ({
                type: error.name,
                code: error.code,
                message: withoutParameters(error.message),
                stack: withoutParameters(error.stack ?? ""),
                cause:
                  error.cause instanceof Error ? withoutParameters(error.cause.message) : undefined,
              }),
            },
          },
    // A number of proxies in front: believe that many hops from this server, no further.
    trustProxy:
      typeof config.trustProxy === "number" ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  });
  app.decorate("deps", deps);
  registerInFlightTracking(app);
  registerEventStreams(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Mutua API",
        version: "1.0.0",
        description: "The JSON API of Mutua, open-source software for mutual support groups.",
      },
      servers: [{ url: config.publicUrl.origin }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "__Host-mutua_session" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  // The OpenAPI document describes the JSON API only, not the HTML pages.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) route.schema = { ...route.schema, hide: true };
  });

  registerSecurityHeaders(app);
  registerRequestContext(app, loadViewer);
  registerErrorHandling(app);
  registerCsrfProtection(app);

  registerAssets(app);
  await app.register(healthRoutes);
  // In the features' order, so each one's hooks run after those of the features below it.
  for (const feature of featurePlugins) await app.register(feature);
  if (config.env !== "production") await app.register(outboxPage);

  if (deps.jobs) {
    const { pool, pollIntervalMs } = deps.jobs;
    let runner: Awaited<ReturnType<typeof startJobRunner>> | undefined;
    // Started once the app is ready; stopped when it closes: after HTTP has drained, before the
    // pool is closed by whoever opened it.
    app.addHook("onReady", async () => {
      runner = await startJobRunner({
        pool,
        jobs: appJobs(deps),
        log: app.log,
        ...(pollIntervalMs ? { pollIntervalMs } : {}),
      });
    });
    app.addHook("onClose", async () => runner?.stop());
  }

  app.get(
    "/api/openapi.json",
    { config: { skipSession: true }, schema: { hide: true } },
    async () => app.swagger(),
  );
  return app;
}

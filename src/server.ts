import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { loadConfigOrExit } from "./config.js";
import { acquireDataDirLock, DataDirLockedError } from "./infra/db/data-dir-lock.js";
import { DRAIN_LIMIT_MS } from "./infra/http/in-flight.js";

const say = (message: string) => process.stdout.write(`${message}\n`);
const console_ = { info: say, warn: (m: string) => process.stderr.write(`${m}\n`) };

async function main() {
  const config = loadConfigOrExit();
  let databaseUrl = config.databaseUrl;
  const cleanups: (() => Promise<void>)[] = [];

  let app: FastifyInstance | null = null;
  let stopping = false;
  // Registered first, so a signal during start-up still stops the database server cleanly.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`Received ${signal}: finishing the requests under way, then stopping.`);
    if (app) {
      // Stop accepting, let in-flight requests finish; after the limit, cut what is left.
      const server = app.server;
      const cut = setTimeout(() => server.closeAllConnections(), DRAIN_LIMIT_MS);
      await app.close();
      clearTimeout(cut);
    }
    for (const cleanup of cleanups) await cleanup().catch((error) => console_.warn(String(error)));
    say("Stopped.");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  if (!databaseUrl) {
    await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    const lock = await acquireDataDirLock(config.dataDir);
    cleanups.unshift(() => lock.release());
    const { startEmbeddedPostgres } = await import("./infra/db/embedded-postgres.js");
    const embedded = await startEmbeddedPostgres(config.dataDir, console_);
    cleanups.unshift(() => embedded.stop());
    databaseUrl = embedded.url;
  }

  // The app is loaded only now: a second instance on a folder in use is refused above, at once,
  // without loading it.
  const [
    { buildApp },
    { countAdministrators },
    { issueSetupToken },
    { connectDatabase, migrateDatabase },
    { createMailer },
    { ensurePlacesLoaded },
    { createLiveHub },
  ] = await Promise.all([
    import("./app.js"),
    import("./features/accounts/reads.js"),
    import("./features/accounts/writes.js"),
    import("./infra/db/database.js"),
    import("./infra/mail/mailer.js"),
    import("./infra/places/load.js"),
    import("./infra/realtime/hub.js"),
  ]);
  await migrateDatabase(databaseUrl);
  await ensurePlacesLoaded(databaseUrl, console_);
  const database = connectDatabase(databaseUrl);
  cleanups.unshift(() => database.close());
  // Stopped after the app has closed (its streams ended) and before the pool.
  const live = createLiveHub({ connectionString: databaseUrl, log: console_ });
  cleanups.unshift(() => live.stop());
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, "outbox"),
  });
  cleanups.unshift(async () => mailer.close());

  app = await buildApp({
    config,
    db: database.db,
    mailer,
    clock: () => new Date(),
    live,
    jobs: { pool: database.pool },
    databaseReady: () =>
      database.pool.query("select 1").then(
        () => true,
        () => false,
      ),
  });

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  say(`Mutua is ready at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/`);

  // After listening, a failure here must not stop a server that is already serving.
  try {
    if ((await countAdministrators(database.db)) === 0) {
      const token = await issueSetupToken(database.db, new Date());
      const link = new URL("/setup", config.publicUrl);
      link.searchParams.set("token", token);
      say(`No administrator yet. Open this link once, within 24 hours, to set one up:\n  ${link}`);
    }
  } catch (error) {
    console_.warn(
      `Could not check for an administrator: ${error instanceof Error ? error.message : error}`,
    );
  }
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`Mutua cannot start: ${error.message}\n`);
    process.exit(3);
  }
  process.stderr.write(
    `Mutua could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

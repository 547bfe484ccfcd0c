import type pg from "pg";
import type { Config } from "../../config.js";
import type { Database } from "../db/database.js";
import type { Language, Translate } from "../i18n/i18n.js";
import type { Mailer } from "../mail/mailer.js";
import type { LiveHub } from "../realtime/hub.js";
import type { Viewer } from "./viewer.js";

/** Everything the app needs from outside, handed in once; tests pass their own clock and mailer. */
export type AppDeps = {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** The time now. Every expiry is computed from this, never from the database's now(). */
  clock: () => Date;
  /** Whether the database answers; /readyz asks it. */
  databaseReady: () => Promise<boolean>;
  /**
   * Live updates across instances (src/infra/realtime/hub.ts). Made by whoever opens the pool, and
   * stopped by them after the app has closed; it opens its connection on first subscription.
   */
  live: LiveHub;
  /** The job queue's runner (reminders, planning) on this pool; tests that need it opt in. */
  jobs?: { pool: pg.Pool; pollIntervalMs?: number };
};

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
    lang: Language;
    t: Translate;
    cspNonce: string;
    /** The CSRF token for forms on this page; creates the cookie on first use. */
    csrfToken(): string;
    flash: string | null;
  }
  interface FastifyContextConfig {
    /** Served without looking up the session: works while the database is down. */
    skipSession?: boolean;
    /** Still served, as if signed out, when the session cannot be read because the database is down. */
    servedWithoutDatabase?: boolean;
    /**
     * A POST a mail program makes for its reader (RFC 8058 one-click unsubscribe): authorised by
     * the secret in its address, so it carries no form's CSRF token.
     */
    oneClickPost?: boolean;
  }
}

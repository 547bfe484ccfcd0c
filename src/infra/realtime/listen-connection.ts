/**
 * The one PostgreSQL connection of a hub that LISTENs on the live channel. It is a client of its
 * own, not one of the pool's: a pooled connection goes back to the pool and may be closed, and
 * LISTEN lasts only as long as its session.
 *
 * It opens on first need, not at start-up, so an app that never streams (a test, a command)
 * opens nothing. When the connection breaks (the server restarted, an administrator ended the
 * backend), it comes back after a growing pause; PostgreSQL keeps no notifications for a session
 * that was not there, so `onResumed` tells the hub its subscribers may have missed some.
 */
import pg from "pg";

export type ListenState = "idle" | "connecting" | "listening" | "waiting" | "stopped";

/** The hub cannot listen just now (the database is away): the caller tries again later. */
export class LiveUnavailable extends Error {
  constructor(cause?: unknown) {
    super("Live updates are not available just now.", cause ? { cause } : undefined);
    this.name = "LiveUnavailable";
  }
}

export type ListenOptions = {
  connectionString: string;
  channel: string;
  onMessage(payload: string | undefined): void;
  /** Listening again after a break: notifications sent meanwhile were lost. */
  onResumed(): void;
  /** Whether to come back after a break: not when nobody is subscribed. */
  wanted(): boolean;
  log?: { warn(message: string): void };
  /** The first pause after a failure, doubled after each one up to `maxMs`. */
  retry?: { firstMs: number; maxMs: number };
};

export class ListenConnection {
  state: ListenState = "idle";
  private client: pg.Client | null = null;
  private attempt: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(private readonly options: ListenOptions) {}

  // A method, not a comparison in place: stop() can change the state during any await.
  private get stopped(): boolean {
    return this.state === "stopped";
  }

  /** Resolves once LISTEN is in effect; rejects with LiveUnavailable when it cannot be now. */
  ensure(): Promise<void> {
    switch (this.state) {
      case "listening":
        return Promise.resolve();
      case "connecting":
        return this.attempt ?? Promise.reject(new LiveUnavailable());
      case "idle":
        this.attempt = this.connect(false);
        return this.attempt;
      default:
        // Waiting out a pause after a failure, or stopped: no attempt on every caller's behalf.
        return Promise.reject(new LiveUnavailable());
    }
  }

  async stop(): Promise<void> {
    this.state = "stopped";
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await this.attempt?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private async connect(resumed: boolean): Promise<void> {
    this.state = "connecting";
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: "mutua-live",
      connectionTimeoutMillis: 5_000,
      // A connection silently cut (a NAT, a firewall) is found and replaced.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on("error", (error) => this.broken(client, error));
    try {
      await client.connect();
      await client.query(`listen "${this.options.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!this.stopped) this.failed(error);
      throw new LiveUnavailable(error);
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      throw new LiveUnavailable();
    }
    this.client = client;
    this.state = "listening";
    this.failures = 0;
    client.on("notification", (message) => {
      if (message.channel === this.options.channel) this.options.onMessage(message.payload);
    });
    client.on("end", () => this.broken(client));
    if (resumed) this.options.onResumed();
  }

  private broken(client: pg.Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = null;
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.log?.warn(
      `Live updates lost their database connection${error ? ` (${error.message})` : ""}; reconnecting.`,
    );
    this.failed(error);
  }

  private failed(error: unknown): void {
    if (!this.options.wanted()) {
      this.state = "idle";
      return;
    }
    const { firstMs, maxMs } = this.options.retry ?? { firstMs: 250, maxMs: 10_000 };
    const pause = Math.min(maxMs, firstMs * 2 ** this.failures) * (0.8 + Math.random() * 0.4);
    this.failures += 1;
    this.state = "waiting";
    if (this.failures > 1 && error instanceof Error) {
      this.options.log?.warn(`Live updates could not reconnect yet (${error.message}).`);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.options.wanted()) {
        this.state = "idle";
        return;
      }
      this.attempt = this.connect(true);
      this.attempt.catch(() => undefined);
    }, pause);
    this.timer.unref();
  }
}

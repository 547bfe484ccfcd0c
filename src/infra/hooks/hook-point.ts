/**
 * A point in a lower feature's work where higher features add theirs, so the lower feature never
 * imports upward (docs/decisions/013-features-in-order.md). The lower feature declares the point
 * and runs it; each higher feature registers at it when the app is built, in the order of the
 * features.
 */
export class HookPoint<Args, Result = void> {
  private readonly handlers = new Map<string, (args: Args) => Promise<Result>>();

  constructor(readonly name: string) {}

  /**
   * Adds `owner`'s work at this point. Registering again replaces it, so an app built twice in
   * one process (as tests do) still runs each owner's work once.
   */
  register(owner: string, handler: (args: Args) => Promise<Result>): void {
    this.handlers.set(owner, handler);
  }

  /**
   * Runs every owner's work one after another, in the order they first registered: for writes
   * inside the lower feature's transaction, which one failure rolls back whole.
   */
  async run(args: Args): Promise<void> {
    for (const handler of this.handlers.values()) await handler(args);
  }

  /**
   * Runs every owner's work one after another, as `run` does, and keeps what each answered: for
   * work that has something to say back (where the person should go next).
   */
  async collect(args: Args): Promise<Result[]> {
    const results: Result[] = [];
    for (const handler of this.handlers.values()) results.push(await handler(args));
    return results;
  }

  /** Asks every owner for its part at once, for reads: `{ owner: part }`, in registration order. */
  async gather(args: Args): Promise<Record<string, Result>> {
    const parts = await Promise.all(
      [...this.handlers].map(async ([owner, handler]) => [owner, await handler(args)] as const),
    );
    return Object.fromEntries(parts) as Record<string, Result>;
  }
}

import type { FastifyInstance, FastifyReply } from "fastify";

/** How long stopping waits for requests under way (the HTTP connections, then their handlers). */
export const DRAIN_LIMIT_MS = 10_000;

type State = { closed: boolean; sent: boolean; done: boolean };

/**
 * Closing the app waits for each request's handler to finish, also when the person has already
 * gone. Fastify's close waits for open connections only: a request whose browser gave up keeps
 * running its handler, which may still be reading the database when the pool is closed. A request
 * counts from its arrival until it has been answered, or until its connection has closed and its
 * handler has given its answer. Closing waits at most DRAIN_LIMIT_MS in all.
 */
export function registerInFlightTracking(app: FastifyInstance) {
  const states = new WeakMap<FastifyReply, State>();
  let count = 0;
  let waiting: (() => void)[] = [];

  const finish = (state: State) => {
    if (state.done) return;
    state.done = true;
    count -= 1;
    if (count === 0) {
      for (const resolve of waiting) resolve();
      waiting = [];
    }
  };

  app.addHook("onRequest", (request, reply, done) => {
    const state: State = { closed: request.raw.destroyed, sent: false, done: false };
    count += 1;
    states.set(reply, state);
    reply.raw.once("close", () => {
      state.closed = true;
      // A hijacked reply (an event stream) has no answer to wait for once its connection is gone.
      if (state.sent || reply.sent) finish(state);
    });
    done();
  });
  // Runs when the handler (or the error handler) answers, whether or not anyone is listening.
  app.addHook("onSend", (_request, reply, payload, done) => {
    const state = states.get(reply);
    if (state) {
      state.sent = true;
      if (state.closed) finish(state);
    }
    done(null, payload);
  });
  app.addHook("onResponse", (_request, reply, done) => {
    const state = states.get(reply);
    if (state) finish(state);
    done();
  });

  // The limit counts from the moment closing starts, so connections and handlers share it.
  let closingSince = 0;
  app.addHook("preClose", async () => {
    closingSince = Date.now();
  });
  app.addHook("onClose", async () => {
    if (count === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => waiting.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, closingSince + DRAIN_LIMIT_MS - Date.now()));
      }),
    ]);
    clearTimeout(timer);
  });
}

/**
 * Reads an event stream over a real socket as a browser's EventSource parses it (the WHATWG
 * rules: fields, comments, `data` lines joined, `id` kept), for tests and benchmarks that must
 * see what goes on the wire rather than what inject() collects after the end.
 */
import http, { type IncomingHttpHeaders } from "node:http";

export type ReceivedEvent = {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the event's last line arrived. */
  receivedAt: number;
};

export type EventStreamClient = {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far, in order. */
  events: ReceivedEvent[];
  comments: string[];
  retry: number | null;
  /** The first event (received already or later) that passes `match`. */
  waitFor(match?: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the response or the connection closes. */
  ended: Promise<void>;
  close(): void;
};

export function connectEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent: false, headers: { accept: "text/event-stream", ...headers } },
      (response) => {
        const events: ReceivedEvent[] = [];
        const comments: string[] = [];
        const waiters = new Set<() => void>();
        let text = "";
        let data: string[] = [];
        let event = "";
        let id: string | null = null;
        let lastId: string | null = null;
        let retry: number | null = null;

        const line = (raw: string) => {
          if (raw === "") {
            if (data.length > 0) {
              events.push({
                id: lastId,
                event: event || "message",
                data: data.join("\n"),
                receivedAt: performance.now(),
              });
            }
            data = [];
            event = "";
            for (const wake of [...waiters]) wake();
            return;
          }
          if (raw.startsWith(":")) {
            comments.push(raw.slice(1).trim());
            for (const wake of [...waiters]) wake();
            return;
          }
          const colon = raw.indexOf(":");
          const field = colon === -1 ? raw : raw.slice(0, colon);
          let value = colon === -1 ? "" : raw.slice(colon + 1);
          if (value.startsWith(" ")) value = value.slice(1);
          if (field === "data") data.push(value);
          else if (field === "event") event = value;
          else if (field === "id" && !value.includes("\0")) id = value;
          else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
          if (field === "id") lastId = id;
        };

        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          const lines = text.split(/\r\n|\r|\n/);
          text = lines.pop() ?? "";
          for (const raw of lines) line(raw);
        });
        const ended = new Promise<void>((done) => {
          response.once("end", () => done());
          response.once("close", () => done());
        });
        let over = false;
        ended.then(() => {
          over = true;
          for (const wake of [...waiters]) wake();
        });

        const client: EventStreamClient = {
          status: response.statusCode ?? 0,
          headers: response.headers,
          events,
          comments,
          get retry() {
            return retry;
          },
          ended,
          close: () => request.destroy(),
          waitFor(match = () => true, timeoutMs = 5_000) {
            return new Promise((found, failed) => {
              const check = () => {
                const hit = events.find(match);
                if (hit) return finish(() => found(hit));
                if (over) finish(() => failed(new Error("the stream ended first")));
              };
              const timer = setTimeout(
                () => finish(() => failed(new Error(`no such event within ${timeoutMs} ms`))),
                timeoutMs,
              );
              const finish = (settle: () => void) => {
                clearTimeout(timer);
                waiters.delete(check);
                settle();
              };
              waiters.add(check);
              check();
            });
          },
        };
        resolve(client);
      },
    );
    request.on("error", reject);
  });
}

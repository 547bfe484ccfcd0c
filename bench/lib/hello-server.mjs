// The baseline: the smallest possible node:http server, run as its own process.
import http from "node:http";

const host = process.env.HELLO_HOST ?? "127.0.0.1";
const port = Number(process.env.HELLO_PORT ?? 0);
const body = "Hello, world!\n";

const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(port, host);
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

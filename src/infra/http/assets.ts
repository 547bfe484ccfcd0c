import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** Where the stylesheet lives (`public/`) and where the client scripts are built (`dist/client/`). */
const roots = [
  fileURLToPath(new URL("../../../public", import.meta.url)),
  fileURLToPath(new URL("../../../dist/client", import.meta.url)),
];

/**
 * The few static files are read once at start and served from memory with an ETag; they never
 * touch the session or the database.
 */
export function registerAssets(app: FastifyInstance): void {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root)) {
      const type = types[path.extname(name)];
      if (!type) continue;
      const body = fs.readFileSync(path.join(root, name));
      files.set(name, {
        body,
        type,
        etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
      });
    }
  }
  app.get<{ Params: { file: string } }>(
    "/assets/:file",
    { config: { skipSession: true }, schema: { hide: true } },
    async (request, reply) => {
      const file = files.get(request.params.file);
      if (!file) return reply.callNotFound();
      reply.header("cache-control", "public, max-age=3600").header("etag", file.etag);
      if (request.headers["if-none-match"] === file.etag) return reply.code(304).send();
      return reply.type(file.type).send(file.body);
    },
  );
}

// Compiles the server (tsc) and bundles the small client scripts (esbuild) into dist/.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);

rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(bin("tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
await build({
  entryPoints: [path.join(root, "src/client/passkeys.ts")],
  outdir: path.join(root, "dist/client"),
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  logLevel: "warning",
});

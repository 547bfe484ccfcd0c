// Compiles the server (tsc) and bundles the small client scripts (esbuild) into dist/.
// Skips the work when nothing that goes into dist/ changed since the last build.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const stampFile = path.join(root, "dist", ".build-stamp");

function inputsHash() {
  const hash = createHash("sha256");
  const files = ["package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files.push(relative);
    }
  };
  walk("src");
  for (const file of files.sort()) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

const wanted = inputsHash();
if (
  !process.argv.includes("--force") &&
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8") === wanted
) {
  process.exit(0);
}

rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(bin("tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
await build({
  entryPoints: ["board-live", "passkeys", "print"].map((name) =>
    path.join(root, `src/client/${name}.ts`),
  ),
  outdir: path.join(root, "dist/client"),
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  logLevel: "warning",
});
writeFileSync(stampFile, wanted);

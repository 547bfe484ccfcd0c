// Installs the dependencies when node_modules is missing or older than package-lock.json, so
// `npm start` and `npm test` work on a fresh clone. Uses only Node's own modules.
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Mutua needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const lockFile = path.join(root, "package-lock.json");
const stamp = path.join(root, "node_modules", ".mutua-installed");
const wanted = createHash("sha256")
  .update(readFileSync(lockFile))
  .update(readFileSync(path.join(root, "package.json")))
  .digest("hex");
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";

if (installed !== wanted) {
  console.log(existsSync(stamp) ? "Dependencies changed: installing…" : "Installing dependencies…");
  // Dev dependencies are needed too: the build (tsc, esbuild) and the tests use them.
  execSync("npm ci --include=dev --no-audit --no-fund", { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, `${wanted}\n`);
}

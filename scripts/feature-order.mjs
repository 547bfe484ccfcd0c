// Rule f) of check-structure.mjs: features are peers in a declared order
// (src/features/order.ts, from the bottom up), and a feature imports only features below it,
// so no two features can import each other. Plain Node, no dependencies, like
// check-structure.mjs.
import fs from "node:fs";
import path from "node:path";

export const ORDER_FILE = "src/features/order.ts";

/**
 * The feature names listed in order.ts (bottom first), or null when there is no list.
 */
export function readFeatureOrder(root) {
  const file = path.join(root, ORDER_FILE);
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, "utf8");
  const strings = (name) => {
    const list = new RegExp(`${name}[^=]*=\\s*\\[([^\\]]*)\\]`).exec(text);
    return list ? [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : null;
  };
  return strings("featureOrder");
}

/**
 * `features`: the folder names under src/features. `imports`: `{ file, target, line, typeOnly }`
 * for every import from one feature into another, tests aside.
 */
export function checkFeatureOrder({ root, features, imports, report }) {
  if (features.length === 0) return;
  const order = readFeatureOrder(root);
  if (!order) {
    report(
      ORDER_FILE,
      "feature-order",
      `there is no ${ORDER_FILE} exporting featureOrder = ["accounts", ...]: list the features from the bottom up`,
    );
    return;
  }
  for (const name of features) {
    if (!order.includes(name)) {
      report(
        `src/features/${name}`,
        "feature-order",
        `the ${name} feature is not in featureOrder (${ORDER_FILE}): add it above the features it imports`,
      );
    }
  }
  for (const [at, name] of order.entries()) {
    if (!features.includes(name)) {
      report(ORDER_FILE, "feature-order", `lists "${name}", which has no folder in src/features`);
    }
    if (order.indexOf(name) !== at) {
      report(ORDER_FILE, "feature-order", `lists "${name}" twice`);
    }
  }
  for (const { file, target, line, typeOnly } of imports) {
    const from = order.indexOf(file.split("/")[2]);
    const to = order.indexOf(target.split("/")[2]);
    if (from === -1 || to === -1 || to < from) continue;
    report(
      file,
      "feature-order",
      `imports ${target} (line ${line}${typeOnly ? ", type-only" : ""}), in the ${order[to]} feature, which is above ${order[from]} in featureOrder; a feature imports only features below it: move the work up, or let ${order[to]} register at a hook point of ${order[from]} (docs/decisions/013-features-in-order.md)`,
    );
  }
}

// Each layout rule catches its violation in a small tree built for the test; a clean tree passes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkStructure, findImports } from "./check-structure.mjs";

const script = fileURLToPath(new URL("./check-structure.mjs", import.meta.url));
const made = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project folder holding exactly these files (path → text). */
function tree(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "mutua-structure-"));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A small tree that follows every rule, to extend with one violation per test. */
const cleanFiles = {
  "src/app.ts": [
    'import { groupsPlugin } from "./features/groups/plugin.js";',
    'import { accountsPlugin } from "./features/accounts/plugin.js";',
    "export const plugins = [groupsPlugin, accountsPlugin];",
  ].join("\n"),
  "src/server.ts": 'import { plugins } from "./app.js";\nexport default plugins;\n',
  "src/config.ts": "export const config = {};\n",
  "src/infra/http/cookies.ts":
    'import { config } from "../../config.js";\nexport const c = config;\n',
  "src/infra/db/data-dir-lock.ts": "export const lock = 1;\n",
  "src/features/accounts/tables.ts": "export const people = {};\n",
  "src/features/accounts/reads.ts":
    'import { people } from "./tables.js";\nexport const r = people;\n',
  "src/features/accounts/writes.ts":
    'import { people } from "./tables.js";\nexport const w = people;\n',
  "src/features/accounts/policy.ts": "export const can = () => true;\n",
  "src/features/accounts/policy.test.ts": 'import { can } from "./policy.js";\ncan();\n',
  "src/features/accounts/plugin.ts":
    'import { signInPages } from "./sign-in/pages.js";\nexport const accountsPlugin = signInPages;\n',
  "src/features/accounts/sign-in/pages.tsx": [
    "import {",
    "  w,",
    '} from "../writes.js";',
    'import { SignIn } from "../views/sign-in.js";',
    "export const signInPages = [w, SignIn];",
  ].join("\n"),
  "src/features/accounts/sign-in/pages.test.ts":
    'import { signInPages } from "./pages.js";\nsignInPages;\n',
  "src/features/accounts/views/sign-in.tsx": "export const SignIn = () => null;\n",
  "src/features/groups/plugin.ts":
    'import { groupPages } from "./pages.js";\nexport const groupsPlugin = groupPages;\n',
  "src/features/groups/pages.tsx": [
    // Another feature's public files, at its root and in a sub-concern folder.
    'import { r } from "../accounts/reads.js";',
    'import type { can } from "../accounts/policy.js";',
    'import { codeInput } from "../accounts/sign-in/inputs.js";',
    "export const groupPages = [r, codeInput];",
  ].join("\n"),
  "src/features/accounts/sign-in/inputs.ts": "export const codeInput = {};\n",
  // A type-only import back to a file that imports this one is erased: not a cycle.
  "src/features/groups/present.ts":
    'import type { Group } from "./reads.js";\nexport const p = (g: Group) => g;\n',
  "src/features/groups/reads.ts":
    'import { p } from "./present.js";\nexport type Group = {};\nexport const q = p;\n',
  // A dynamic import loads later: not a cycle either.
  "src/features/groups/writes.ts": 'export const load = () => import("./api.js");\n',
  "src/features/groups/api.ts": 'import { load } from "./writes.js";\nexport const a = load;\n',
  "src/features/order.ts": 'export const featureOrder = ["accounts", "groups"] as const;\n',
};

const rules = (problems) => problems.map((p) => p.rule);
const only = (problems, rule) => problems.filter((p) => p.rule === rule);

describe("a clean tree", () => {
  it("has no problems", () => {
    assert.deepEqual(checkStructure(tree(cleanFiles)), []);
  });

  it("makes the command exit 0", () => {
    const run = spawnSync(process.execPath, [script, tree(cleanFiles)], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
  });

  it("reports a missing src/ folder", () => {
    assert.deepEqual(rules(checkStructure(tree({ "README.md": "" }))), ["layout"]);
  });
});

describe("a) feature folders hold only the fixed file names", () => {
  it("reports an unknown name at the feature root", () => {
    const problems = checkStructure(
      tree({ ...cleanFiles, "src/features/accounts/session.ts": "export {};\n" }),
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].rule, "feature-files");
    assert.equal(problems[0].path, "src/features/accounts/session.ts");
    assert.match(
      problems[0].message,
      /"session\.ts" is not a name .*allowed: tables\.ts, inputs\.ts/,
    );
  });

  it("applies the same list in sub-concern folders, however deep", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/sign-in/codes.ts": "export {};\n",
        "src/features/accounts/sign-in/by-phone/reads.ts": "export {};\n",
        "src/features/accounts/sign-in/by-phone/sms.ts": "export {};\n",
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.rule, p.path]),
      [
        ["feature-files", "src/features/accounts/sign-in/by-phone/sms.ts"],
        ["feature-files", "src/features/accounts/sign-in/codes.ts"],
      ],
    );
  });

  it("takes pages.tsx but not pages.ts, and any *.test.ts or *.test.tsx", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/pages.ts": "export {};\n",
        "src/features/groups/join-rules.test.tsx": "export {};\n",
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ["src/features/groups/pages.ts"],
    );
  });

  it("takes only .tsx files in views/", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/views/labels.ts": "export {};\n",
        "src/features/accounts/views/forms/code-field.tsx": "export {};\n",
      }),
    );
    assert.deepEqual(rules(problems), ["feature-files"]);
    assert.equal(problems[0].path, "src/features/accounts/views/labels.ts");
    assert.match(problems[0].message, /views\/ folder, which holds only .*\.tsx/);
  });

  it("reports a file lying loose in src/features/", () => {
    const problems = checkStructure(
      tree({ ...cleanFiles, "src/features/shared.ts": "export {};\n" }),
    );
    assert.deepEqual(rules(problems), ["feature-files"]);
  });
});

describe("b) names are kebab-case, with no junk drawers", () => {
  it("reports a camelCase file and a PascalCase folder anywhere under src/", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/infra/http/myFile.ts": "export {};\n",
        "src/features/accounts/SignUp/pages.tsx": "export {};\n",
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.rule, p.path]),
      [
        ["kebab-case", "src/features/accounts/SignUp"],
        ["kebab-case", "src/infra/http/myFile.ts"],
      ],
    );
    assert.match(problems[1].message, /"myFile\.ts" is not kebab-case/);
  });

  it("reports snake_case and upper-case extensions", () => {
    const problems = checkStructure(
      tree({ ...cleanFiles, "src/infra/db/read_replica.ts": "", "src/infra/db/pool.TS": "" }),
    );
    assert.deepEqual(rules(problems), ["kebab-case", "kebab-case"]);
  });

  it("reports utils and helpers files and folders", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/infra/utils.ts": "export {};\n",
        "src/infra/helpers/dates.ts": "export {};\n",
        "src/test/helper.test.ts": "export {};\n",
      }),
    );
    assert.deepEqual(
      only(problems, "junk-drawer").map((p) => p.path),
      ["src/infra/helpers", "src/infra/utils.ts", "src/test/helper.test.ts"],
    );
  });
});

describe("c) infra never imports a feature", () => {
  it("reports static, type-only, re-exported and dynamic imports alike", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/infra/http/viewer.ts":
          'import { r } from "../../features/accounts/reads.js";\nexport const v = r;\n',
        "src/infra/http/deps.ts":
          'import type { can } from "../../features/accounts/policy.js";\nexport {};\n',
        "src/infra/audit/record.ts": 'export * from "../../features/accounts/tables.js";\n',
        "src/infra/mail/outbox.ts":
          'export const later = () => import("../../features/groups/api.js");\n',
      }),
    );
    assert.deepEqual(
      only(problems, "infra-imports-feature").map((p) => p.path),
      [
        "src/infra/audit/record.ts",
        "src/infra/http/deps.ts",
        "src/infra/http/viewer.ts",
        "src/infra/mail/outbox.ts",
      ],
    );
    assert.match(problems.find((p) => p.path === "src/infra/http/deps.ts").message, /type-only/);
  });

  it("lets infra import infra and config", () => {
    assert.deepEqual(checkStructure(tree(cleanFiles)), []);
  });
});

describe("d) features meet only through public files", () => {
  it("reports another feature's pages, api, plugin, and views outside a page", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/writes.ts": [
          'import { signInPages } from "../accounts/sign-in/pages.js";',
          'import { accountApi } from "../accounts/api.js";',
          'import type { SignIn } from "../accounts/views/sign-in.js";',
          'import { accountsPlugin } from "../accounts/plugin.js";',
          "export const a = [signInPages, accountApi, accountsPlugin];",
        ].join("\n"),
      }),
    );
    const found = only(problems, "feature-imports-internals");
    assert.equal(found.length, 4);
    assert.ok(found.every((p) => p.path === "src/features/groups/writes.ts"));
    assert.match(
      found.map((p) => p.message).join("\n"),
      /plugin\.ts only from src\/app\.ts or src\/server\.ts/,
    );
    assert.match(
      found[0].message,
      /only its scope\.ts, reads\.ts, writes\.ts, policy\.ts, present\.ts, inputs\.ts, tables\.ts, mail\.ts/,
    );
  });

  it("lets a page or view show another feature's views, and any file read its tables", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/pages.tsx": [
          'import type { SignIn } from "../accounts/views/sign-in.js";',
          'import { people } from "../accounts/tables.js";',
          "export const p = people;",
        ].join("\n"),
        "src/features/groups/views/group.tsx":
          'import type { SignIn } from "../../accounts/views/sign-in.js";\nexport type G = SignIn;\n',
      }),
    );
    assert.deepEqual(problems, []);
  });

  it("lets one feature's tables reference another's, for foreign keys", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/tables.ts":
          'import { people } from "../accounts/tables.js";\nexport const groups = people;\n',
      }),
    );
    assert.deepEqual(problems, []);
  });

  it("lets a feature import any of its own files, and app.ts import each plugin", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/mail.ts":
          'import { people } from "./tables.js";\nexport const m = people;\n',
        "src/features/accounts/sign-in/api.ts":
          'import { m } from "../mail.js";\nexport const a = m;\n',
      }),
    );
    assert.deepEqual(problems, []);
  });
});

describe("e) no import cycles", () => {
  it("reports a cycle with its path", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/writes.ts": 'import { a } from "./api.js";\nexport const w = a;\n',
        "src/features/groups/api.ts": 'import { w } from "./writes.js";\nexport const a = w;\n',
      }),
    );
    assert.deepEqual(rules(problems), ["cycle"]);
    assert.match(
      problems[0].message,
      /import cycle src\/features\/groups\/api\.ts → src\/features\/groups\/writes\.ts → src\/features\/groups\/api\.ts/,
    );
  });

  it("follows multi-line imports, export * and export { } from, across folders", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/infra/html/layout.tsx":
          'import {\n  Form,\n  type Field,\n} from "./form.js";\nexport const L = Form;\n',
        "src/infra/html/form.tsx": 'export * from "../http/cookies.js";\nexport const Form = 1;\n',
        "src/infra/http/cookies.ts": 'export { L } from "../html/layout.js";\n',
      }),
    );
    // The files' circle is also a circle between their folders.
    assert.deepEqual(rules(problems).sort(), ["cycle", "folder-cycle"]);
    assert.match(
      only(problems, "cycle")[0].message,
      /form\.tsx → src\/infra\/http\/cookies\.ts → src\/infra\/html\/layout\.tsx → src\/infra\/html\/form\.tsx/,
    );
  });

  it("counts import { type X } as a runtime import, as verbatimModuleSyntax emits it", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/groups/present.ts":
          'import { type Group } from "./reads.js";\nexport const p = 1;\n',
      }),
    );
    assert.deepEqual(rules(problems), ["cycle"]);
  });

  it("reports a file importing itself", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/config.ts": 'import "./config.js";\nexport const config = {};\n',
      }),
    );
    assert.deepEqual(rules(problems), ["cycle"]);
    assert.match(problems[0].message, /src\/config\.ts → src\/config\.ts/);
  });
});

describe("f) features in order: a feature imports only features below it", () => {
  const upward = {
    "src/features/accounts/writes.ts":
      'import { q } from "../groups/reads.js";\nexport const w = q;\n',
  };

  it("reports a feature that imports a feature above it, type-only imports too", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        ...upward,
        "src/features/accounts/reads.ts":
          'import type { Group } from "../groups/reads.js";\nexport type R = Group;\n',
      }),
    );
    const found = only(problems, "feature-order");
    assert.deepEqual(
      found.map((p) => p.path),
      ["src/features/accounts/reads.ts", "src/features/accounts/writes.ts"],
    );
    assert.match(found[0].message, /type-only/);
    assert.match(found[1].message, /groups feature, which is above accounts in featureOrder/);
  });

  it("lets a test of a lower feature use a higher one, as a person would", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/reads.test.ts": 'import { q } from "../groups/reads.js";\nq;\n',
      }),
    );
    assert.deepEqual(problems, []);
  });

  it("reports a feature missing from the order, a listed feature with no folder, and no order", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/home/pages.tsx": "export const homePages = [];\n",
        "src/features/order.ts":
          'export const featureOrder = ["accounts", "groups", "help"] as const;\n',
      }),
    );
    assert.deepEqual(
      only(problems, "feature-order").map((p) => p.message.split(",")[0]),
      [
        "the home feature is not in featureOrder (src/features/order.ts): add it above the features it imports",
        'lists "help"',
      ],
    );
    const { "src/features/order.ts": _, ...withoutOrder } = cleanFiles;
    assert.deepEqual(rules(checkStructure(tree(withoutOrder))), ["feature-order"]);
  });
});

describe("g) no source file over 400 lines", () => {
  it("reports a 401-line file and takes a 400-line one and a long test", () => {
    const lines = (n) => "export const x = 1;\n".repeat(n);
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/inputs.ts": lines(401),
        "src/features/accounts/present.ts": lines(400),
        "src/features/accounts/reads.test.ts": lines(900),
      }),
    );
    assert.deepEqual(
      only(problems, "file-size").map((p) => p.path),
      ["src/features/accounts/inputs.ts"],
    );
    assert.match(only(problems, "file-size")[0].message, /has 401 lines, over 400/);
  });
});

describe("h) folders: no circles between them, and each entered through its public files", () => {
  it("reports two folders that load each other, though no file imports back", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/reads.ts":
          'import { s } from "./sessions/writes.js";\nexport const r = s;\n',
        "src/features/accounts/sessions/writes.ts":
          'import { people } from "../tables.js";\nexport const s = people;\n',
        "src/features/accounts/tables.ts":
          'import { c } from "./sessions/reads.js";\nexport const people = c;\n',
        "src/features/accounts/sessions/reads.ts": "export const c = {};\n",
      }),
    );
    const found = only(problems, "folder-cycle");
    assert.equal(found.length, 1);
    assert.match(
      found[0].message,
      /src\/features\/accounts → src\/features\/accounts\/sessions → src\/features\/accounts/,
    );
  });

  it("takes a plugin that registers its folders' pages while those pages read the feature", () => {
    // cleanFiles does exactly this: accounts/plugin.ts → sign-in/pages.tsx → accounts/writes.ts.
    assert.deepEqual(only(checkStructure(tree(cleanFiles)), "folder-cycle"), []);
  });

  it("reports a file reaching into another folder's pages of its own feature", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/features/accounts/setup/pages.tsx":
          'import { signInPages } from "../sign-in/pages.js";\nexport const s = signInPages;\n',
      }),
    );
    const found = only(problems, "folder-internals");
    assert.deepEqual(
      found.map((p) => p.path),
      ["src/features/accounts/setup/pages.tsx"],
    );
    assert.match(
      found[0].message,
      /an internal file of the folder src\/features\/accounts\/sign-in/,
    );
  });
});

describe("i) the median source file is at most 80 lines", () => {
  const lines = (n) => "export const x = 1;\n".repeat(n);
  const sized = (n) =>
    Object.fromEntries(
      Object.entries(cleanFiles).map(([file, text]) => [
        file,
        file.endsWith(".test.ts") ? text : text + lines(n),
      ]),
    );

  it("reports a tree whose median file is over 80 lines, naming the largest", () => {
    const problems = only(checkStructure(tree(sized(80))), "median-size");
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /the median source file has 8\d(\.5)? lines, over 80/);
  });

  it("leaves tests and catalogues out of the median", () => {
    const files = {
      ...sized(70),
      "src/features/accounts/catalogue-en.ts": lines(390),
      "src/features/accounts/catalogue-it.ts": lines(390),
      "src/features/groups/catalogue-en.ts": lines(390),
      "src/features/accounts/reads.test.ts": lines(390),
      "src/features/groups/reads.test.ts": lines(390),
    };
    assert.deepEqual(only(checkStructure(tree(files)), "median-size"), []);
  });
});

describe("reading imports", () => {
  it("ignores imports in comments, strings and templates", () => {
    const text = [
      '// import { a } from "./commented.js";',
      '/* export * from "./blocked.js"; */',
      "const s = \"import x from './in-string.js'\";",
      "const t = `",
      '  import y from "./in-template.js";',
      "`;",
      'const url = "https://example.org"; import { z } from "./real.js";',
      'const re = /^https?:\\/\\//; import { q } from "./after-regex.js";',
    ].join("\n");
    assert.deepEqual(
      findImports(text).map((f) => [f.specifier, f.line]),
      [
        ["./real.js", 7],
        ["./after-regex.js", 8],
      ],
    );
  });

  it("reads every import form and marks the type-only ones", () => {
    const text = [
      'import "./side-effect.js";',
      'import def, * as ns from "./both.js";',
      'import type { T } from "./types.js";',
      'import type * as types from "./all-types.js";',
      'import { type U, v } from "./mixed.js";',
      'export type { W } from "./re-types.js";',
      'export * as everything from "./everything.js";',
      'const later = await import("./later.js");',
      "type Lazy = typeof import('./lazy.js');",
    ].join("\n");
    assert.deepEqual(
      findImports(text).map((f) => [f.specifier, f.kind, f.typeOnly]),
      [
        ["./side-effect.js", "static", false],
        ["./both.js", "static", false],
        ["./types.js", "static", true],
        ["./all-types.js", "static", true],
        ["./mixed.js", "static", false],
        ["./re-types.js", "static", true],
        ["./everything.js", "static", false],
        ["./later.js", "dynamic", false],
        ["./lazy.js", "dynamic", false],
      ],
    );
  });

  it("reports a relative import that matches no file", () => {
    const problems = checkStructure(
      tree({
        ...cleanFiles,
        "src/config.ts": 'import { x } from "./gone.js";\nexport const config = x;\n',
      }),
    );
    assert.deepEqual(rules(problems), ["resolve"]);
  });
});

describe("the command", () => {
  it("prints each problem as path: message and exits 1", () => {
    const root = tree({ ...cleanFiles, "src/infra/myUtils.ts": "export {};\n" });
    const run = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /^src\/infra\/myUtils\.ts: the file name "myUtils\.ts" is not kebab-case/m,
    );
    assert.match(run.stderr, /1 problem/);
  });
});

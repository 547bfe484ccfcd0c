/**
 * The features, from the bottom up. A feature imports only features listed before it; where a
 * lower feature's work must set off work in a higher one, the higher one registers at a hook
 * point of the lower one (docs/decisions/013-features-in-order.md). `npm run check:structure`
 * holds the code to this list.
 */
export const featureOrder = [
  "accounts",
  "difficulties",
  "organisations",
  "groups",
  "meetings",
  "home",
  "admin",
] as const;

/**
 * Imports that run against the order today, as "importer -> imported" files. Each is to be
 * removed by moving the work up or by a hook point; `npm run check:structure` fails on any other
 * import against the order, and on an entry here that no longer happens, so the list only
 * shrinks. Tests are not held to the order: they drive the whole app, as a person does.
 */
export const knownBackImports: readonly string[] = [
  "src/features/groups/close/pages.tsx -> src/features/meetings/reads.ts",
  "src/features/groups/close/writes.ts -> src/features/meetings/writes.ts",
  "src/features/groups/feeds/pages.tsx -> src/features/meetings/present.ts",
  "src/features/groups/feeds/pages.tsx -> src/features/meetings/reads.ts",
  "src/features/groups/pages.tsx -> src/features/meetings/reads.ts",
  "src/features/groups/present.ts -> src/features/meetings/present.ts",
  "src/features/groups/present.ts -> src/features/meetings/reads.ts",
  "src/features/groups/settings/mail.ts -> src/features/meetings/writes.ts",
  "src/features/groups/settings/writes.ts -> src/features/meetings/writes.ts",
  "src/features/groups/split/writes.ts -> src/features/meetings/reminders/writes.ts",
  "src/features/groups/split/writes.ts -> src/features/meetings/writes.ts",
];

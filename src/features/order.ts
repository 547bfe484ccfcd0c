/**
 * The features, from the bottom up. A feature imports only features listed before it; where a
 * lower feature's work must set off work in a higher one, the higher one registers at a hook
 * point of the lower one (docs/decisions/013-features-in-order.md). `npm run check:structure`
 * holds the code to this list, and app.ts registers the features in this order.
 */
export const featureOrder = [
  "accounts",
  "difficulties",
  "organisations",
  "groups",
  "memberships",
  "invitations",
  "roles",
  "agreement",
  "directory",
  "matching",
  "meetings",
  "settings",
  "split",
  "close",
  "feeds",
  "oversight",
  "board",
  "moderation",
  "crisis",
  "group-page",
  "home",
  "admin",
] as const;

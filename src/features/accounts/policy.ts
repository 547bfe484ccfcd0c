import { HttpProblem } from "../../infra/http/problem.js";
import type { Viewer } from "../../infra/http/viewer.js";

/** What a person may do with their own account. Pure: no database, no request. */
export type AccountAction =
  | "account.view"
  | "account.edit"
  | "account.export"
  | "account.delete"
  | "account.passkeys.manage"
  | "admin.tools";

const isSignedIn = (viewer: Viewer | null): viewer is Viewer => viewer !== null;
/** Staff powers read other people's data, so they need a passkey sign-in (OWASP ASVS L2 MFA). */
const signedInWithPasskey = (viewer: Viewer) => viewer.signInMethod === "passkey";
const isAdministrator = (viewer: Viewer) => viewer.isAdmin;

export function can(viewer: Viewer | null, action: AccountAction): boolean {
  if (!isSignedIn(viewer)) return false;
  switch (action) {
    case "account.view":
    case "account.edit":
    case "account.export":
    case "account.delete":
    case "account.passkeys.manage":
      return true;
    case "admin.tools":
      return isAdministrator(viewer) && signedInWithPasskey(viewer);
  }
}

/**
 * An administrator's passkeys guard other people's data: once they have one, passkeys are added
 * or removed only from a passkey sign-in, so someone who got into their mailbox cannot add their
 * own. Their first passkey is added after signing in by e-mail, as everyone's is.
 */
export function mayManagePasskeys(viewer: Viewer, hasPasskeys: boolean): boolean {
  return !isAdministrator(viewer) || !hasPasskeys || signedInWithPasskey(viewer);
}

export const passkeyRequired = () =>
  new HttpProblem(
    403,
    "passkey_required",
    "Sign in with one of your passkeys to add or remove passkeys.",
  );

export type AccountAbilities = Record<AccountAction, boolean>;

export function abilities(viewer: Viewer | null): AccountAbilities {
  return {
    "account.view": can(viewer, "account.view"),
    "account.edit": can(viewer, "account.edit"),
    "account.export": can(viewer, "account.export"),
    "account.delete": can(viewer, "account.delete"),
    "account.passkeys.manage": can(viewer, "account.passkeys.manage"),
    "admin.tools": can(viewer, "admin.tools"),
  };
}

/** Sessions slide: each visit pushes the idle limit on. Staff get shorter limits. */
export function sessionLifetime(viewer: Pick<Viewer, "isAdmin">): {
  idleMs: number;
  absoluteMs: number;
} {
  const hour = 3_600_000;
  return viewer.isAdmin
    ? { idleMs: 12 * hour, absoluteMs: 7 * 24 * hour }
    : { idleMs: 14 * 24 * hour, absoluteMs: 90 * 24 * hour };
}

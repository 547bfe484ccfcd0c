import { z } from "zod";
import { type At, declareAction } from "../../../infra/actions/action.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import { profilePatchInput, welcomeInput } from "../inputs.js";
import { abilities } from "../policy.js";
import { meShown, presentMe } from "../present.js";
import { getViewerBySession } from "../reads.js";
import { ownAccount } from "../scope.js";
import { deleteAccount, updateProfile } from "../writes.js";

// The person's own account, each change declared once, for its page (pages.tsx) and its JSON
// (api.ts).

/** The person as the change left them: read again, with the abilities that follow. */
async function presentFresh(at: At<null>) {
  const found = await getViewerBySession(at.deps.db, at.viewer.sessionIdHash, at.now);
  // The session ended meanwhile (signed out everywhere from another window).
  if (!found) throw new HttpProblem(401, "sign_in_required", "Sign in to use this.");
  const { lastSeenAt: _, ...fresh } = found;
  return presentMe(fresh, abilities(fresh));
}

/** Saves what the person changed of their profile; the schemas say which fields may come. */
async function saveProfile(at: At<null>, changes: Parameters<typeof updateProfile>[2]) {
  await updateProfile(at.db, at.viewer.personId, changes, at.now);
  return { ok: true } as const;
}

/**
 * Name, language, text size and colours. The form sends all four; the API may send any of
 * them, and nothing else.
 */
export const profileAction = declareAction({
  name: "account.edit",
  page: "/account/profile",
  api: { method: "PATCH", url: "/api/v1/me" },
  summary: "Change your name, language, text size or colours",
  input: profilePatchInput,
  scope: ownAccount,
  run: saveProfile,
  reasons: {},
  result: meShown,
  present: (_done, at) => presentFresh(at),
});

/** The name others see, asked for once after signing up (and never a surname). */
export const nameAction = declareAction({
  name: "account.name",
  page: "/welcome",
  api: { method: "PUT", url: "/api/v1/me/name" },
  summary: "Give the name others see: asked for once, after signing up",
  input: welcomeInput,
  scope: ownAccount,
  run: saveProfile,
  reasons: {},
  result: meShown,
  present: (_done, at) => presentFresh(at),
});

/** Erases the person and what is kept about them; they are signed out everywhere with it. */
export const deleteAccountAction = declareAction({
  name: "account.delete",
  page: "/account/delete",
  api: { method: "DELETE", url: "/api/v1/me" },
  summary: "Delete your account and everything kept about you",
  input: z.object({}),
  scope: ownAccount,
  async run({ db, viewer, now }) {
    await deleteAccount(db, viewer.personId, now);
    return { ok: true } as const;
  },
  reasons: {},
  signsOut: true,
  result: z.object({ deleted: z.literal(true) }).describe("The account is gone"),
  present: () => ({ deleted: true as const }),
});

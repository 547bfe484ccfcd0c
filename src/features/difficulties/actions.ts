import { declareAction } from "../../infra/actions/action.js";
import { administration } from "../accounts/scope.js";
import { difficultyInput, newDifficultyInput, retireInput } from "./inputs.js";
import { difficultyShown, presentDifficulty } from "./present.js";
import { aDifficulty } from "./scope.js";
import { addDifficulty, editDifficulty, retireDifficulty } from "./writes.js";

// The administrators' changes to the difficulties, each declared once for its page (pages.tsx)
// and its JSON (api.ts).

/** Gone between loading it and writing it: as if it had never been there. */
const gone = { status: 404, message: "error.notFound.body" } as const;

/** A new difficulty, by its short name (the slug in links), in both languages. */
export const addDifficultyAction = declareAction({
  name: "admin.difficulties.add",
  page: "/admin/difficulties",
  api: { method: "POST", url: "/api/v1/admin/difficulties", status: 201 },
  summary: "Add a difficulty (administrators)",
  input: newDifficultyInput,
  scope: administration,
  run: ({ db, now }, input) => addDifficulty(db, input, now),
  reasons: { SLUG_TAKEN: { status: 409, message: "difficulties.errors.slugTaken" } },
  result: difficultyShown,
  present: (done) => presentDifficulty(done.difficulty),
});

/** Renames and translates a difficulty; its groups keep it. */
export const editDifficultyAction = declareAction({
  name: "admin.difficulties.edit",
  page: "/admin/difficulties/:slug",
  api: { method: "PUT", url: "/api/v1/admin/difficulties/:slug" },
  summary: "Rename or translate a difficulty (administrators)",
  input: difficultyInput,
  scope: aDifficulty,
  async run({ db, scope, now }, input) {
    const edited = await editDifficulty(db, scope.slug, input, now);
    return edited
      ? ({ ok: true, difficulty: edited } as const)
      : ({ ok: false, reason: "NOT_FOUND" } as const);
  },
  reasons: { NOT_FOUND: gone },
  result: difficultyShown,
  present: (done) => presentDifficulty(done.difficulty),
});

/** Stops offering a difficulty to new groups and searches, or offers it again. */
export const retireDifficultyAction = declareAction({
  name: "admin.difficulties.retire",
  page: "/admin/difficulties/:slug/retire",
  api: { method: "POST", url: "/api/v1/admin/difficulties/:slug/retire" },
  summary: "Retire a difficulty, or offer it again (administrators)",
  input: retireInput,
  scope: aDifficulty,
  async run({ db, scope, now }, input) {
    const changed = await retireDifficulty(db, scope.slug, input.retire === "yes", now);
    return changed
      ? ({ ok: true, difficulty: changed } as const)
      : ({ ok: false, reason: "NOT_FOUND" } as const);
  },
  reasons: { NOT_FOUND: gone },
  result: difficultyShown,
  present: (done) => presentDifficulty(done.difficulty),
});

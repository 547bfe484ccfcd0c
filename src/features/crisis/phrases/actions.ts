import { declareAction } from "../../../infra/actions/action.js";
import { notFound } from "../../../infra/http/problem.js";
import { administration } from "../../accounts/scope.js";
import { nothingInput } from "../inputs.js";
import { phraseInput } from "./inputs.js";
import { phraseJson, phrasesJson, presentPhrase } from "./present.js";
import { getRiskPhrase, listRiskPhrases } from "./reads.js";
import { aRiskPhrase } from "./scope.js";
import { addRiskPhrase, removeRiskPhrase } from "./writes.js";

/** An administrator adds a phrase to look for in a language: in force from the next post. */
export const addPhraseAction = declareAction({
  name: "crisis.phrases.add",
  page: "/admin/risk-phrases",
  api: { method: "POST", url: "/api/v1/admin/risk-phrases", status: 201 },
  summary: "Add a risk phrase to a language's list (administrators)",
  input: phraseInput,
  scope: administration,
  run: ({ db, now }, input) => addRiskPhrase(db, input, now),
  reasons: { ALREADY_LISTED: { status: 409, message: "crisis.phrases.errors.listed" } },
  result: phraseJson,
  async present(done, at) {
    const row = await getRiskPhrase(at.db, done.id);
    if (!row) throw notFound();
    return presentPhrase(row);
  },
});

/** An administrator takes a phrase off its list. */
export const removePhraseAction = declareAction({
  name: "crisis.phrases.remove",
  page: "/admin/risk-phrases/:phraseId/remove",
  api: { method: "DELETE", url: "/api/v1/admin/risk-phrases/:phraseId" },
  summary: "Take a risk phrase off its list (administrators)",
  input: nothingInput,
  scope: aRiskPhrase,
  async run({ scope, db }): Promise<{ ok: true }> {
    await removeRiskPhrase(db, scope.id);
    return { ok: true };
  },
  reasons: {},
  result: phrasesJson,
  present: async (_done, at) => ({
    phrases: (await listRiskPhrases(at.db)).map(presentPhrase),
  }),
});

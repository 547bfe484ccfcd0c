import type { ScopeLoader } from "../../infra/actions/action.js";
import type { Viewer } from "../../infra/http/viewer.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { listDifficulties } from "../difficulties/reads.js";
import { type Answers, queryValues, readAnswers } from "./inputs.js";
import { answerRows } from "./present.js";

/** Asking for help: the answers given so far, and each in words, as the person reads them. */
export type AskingForHelp = {
  answers: Answers;
  rows: ReturnType<typeof answerRows>;
  /** The person's language: the help contact answers them in it. */
  language: Language;
};

/**
 * Anyone may ask for help, signed in or not. The answers travel with the form (hidden fields,
 * or the JSON body), read as every /find page reads them: a broken one is left out, never refused.
 */
export const askingForHelp: ScopeLoader<AskingForHelp, Viewer | null> = async (request) => {
  const answers = readAnswers(queryValues(request.body));
  const difficulties = await listDifficulties(request.server.deps.db, request.lang);
  const rows = answerRows(answers, {
    t: request.t,
    lang: request.lang,
    difficultyName: (slug) => difficulties.find((d) => d.slug === slug)?.name,
    placeName: undefined,
  });
  return { answers, rows, language: request.lang };
};

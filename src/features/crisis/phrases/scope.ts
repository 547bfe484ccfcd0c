import type { ScopeLoader } from "../../../infra/actions/action.js";
import { isUuid } from "../../../infra/http/ids.js";
import { notFound } from "../../../infra/http/problem.js";
import { administration } from "../../accounts/scope.js";
import { getRiskPhrase, type PhraseRow } from "./reads.js";

/** One of the risk phrases, from `:phraseId`, for an administrator (403 to others; 404 if none). */
export const aRiskPhrase: ScopeLoader<PhraseRow> = async (request, viewer) => {
  await administration(request, viewer);
  const { phraseId } = request.params as { phraseId?: unknown };
  const found = isUuid(phraseId) ? await getRiskPhrase(request.server.deps.db, phraseId) : null;
  if (!found) throw notFound();
  return found;
};

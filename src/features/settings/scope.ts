import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { type DifficultyOption, listDifficulties } from "../difficulties/reads.js";
import type { Group } from "../groups/reads.js";
import { ledGroup } from "../memberships/scope.js";

/** A group's settings, and what its form offers: the difficulties, named in the reader's words. */
export type AtSettings = {
  group: Group;
  difficulties: DifficultyOption[];
  /** The language the difficulties are named in, and a town is looked for in. */
  language: Language;
};

/**
 * The route's group, for the people who lead it while it is active; to anyone else, and while
 * it is paused, there is nothing here (404).
 */
export const ledActiveGroup: ScopeLoader<AtSettings> = async (request, viewer) => {
  const { group } = await ledGroup(request, viewer);
  if (group.status !== "active") throw notFound();
  const difficulties = await listDifficulties(request.server.deps.db, request.lang);
  return { group, difficulties, language: request.lang };
};

import type { ScopeLoader } from "../../infra/actions/action.js";
import type { Language } from "../../infra/i18n/i18n.js";
import { type DifficultyOption, listDifficulties } from "../difficulties/reads.js";
import { listOrganisationsCoordinatedBy } from "../organisations/reads.js";

/** What the form to start a group offers: the difficulties, and the person's organisations. */
export type Founding = {
  difficulties: DifficultyOption[];
  /** The organisations the person coordinates: they may start a group for one of them. */
  organisations: { id: string; name: string }[];
  /** The language the difficulties are named in, and a town is looked for in. */
  language: Language;
};

/** Anyone signed in may start a group: no group yet, only what the form offers them. */
export const founding: ScopeLoader<Founding> = async (request, viewer) => {
  const { db } = request.server.deps;
  const [difficulties, organisations] = await Promise.all([
    listDifficulties(db, request.lang),
    listOrganisationsCoordinatedBy(db, viewer.personId),
  ]);
  return { difficulties, organisations, language: request.lang };
};

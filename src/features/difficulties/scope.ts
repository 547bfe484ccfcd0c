import type { ScopeLoader } from "../../infra/actions/action.js";
import { notFound } from "../../infra/http/problem.js";
import { administration } from "../accounts/scope.js";
import { getDifficulty } from "./reads.js";

export type Difficulty = NonNullable<Awaited<ReturnType<typeof getDifficulty>>>;

/** A difficulty, by the route's `:slug`, for an administrator (403 to others); 404 if none. */
export const aDifficulty: ScopeLoader<Difficulty> = async (request, viewer) => {
  await administration(request, viewer);
  const { slug } = request.params as { slug?: unknown };
  if (typeof slug !== "string" || slug.length > 60) throw notFound();
  const found = await getDifficulty(request.server.deps.db, slug);
  if (!found) throw notFound();
  return found;
};
